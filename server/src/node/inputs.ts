/**
 * Reading what a user names, for the CLI and the Node API alike: a minutes file (bounded in
 * size, binary files refused) and a template (a built-in id or a template file).
 */
import { readFileSync, statSync } from 'node:fs';
import { builtinTemplate, builtinTemplates, type Lang, type TemplateSpec } from '../core';
import { parseTemplateText } from '../core/config/load';

/** Minutes are a few KB; anything past this is not minutes, and must not stall a run. */
export const MAX_MINUTES_BYTES = 5 * 1024 * 1024;

export type ReadResult = { text: string } | { error: string };

export function readMinutesFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    // A FIFO named `x.md` would block the read forever; sockets and devices are no minutes either.
    if (!stat.isFile()) return { error: 'not a regular file (a FIFO, socket or device), not read' };
    const size = stat.size;
    if (size > MAX_MINUTES_BYTES)
      return { error: `file too large to check (${(size / 1048576).toFixed(1)} MB, the limit is ${MAX_MINUTES_BYTES / 1048576} MB)` };
    bytes = readFileSync(path);
  } catch (error) {
    return { error: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  return decodeMinutes(bytes);
}

export function decodeMinutes(bytes: Buffer): ReadResult {
  if (bytes.subarray(0, 8192).includes(0)) return { error: 'binary file (contains NUL bytes), not checked' };
  return { text: bytes.toString('utf8') };
}

/** A built-in template id, else a template file's path. An error begins with that id, so a caller can put its subject in front. */
export function loadTemplate(id: string, lang: Lang = 'en'): { spec: TemplateSpec } | { error: string } {
  const builtin = builtinTemplate(id);
  if (builtin) return { spec: builtin };
  let text: string;
  try {
    text = readFileSync(id, 'utf8');
  } catch {
    return { error: `"${id}" is neither a built-in template (${builtinTemplates.map((t) => t.id).join(', ')}) nor a readable file` };
  }
  const parsed = parseTemplateText(text);
  return 'error' in parsed ? { error: `${id}: ${parsed.error[lang]}` } : { spec: parsed.spec };
}
