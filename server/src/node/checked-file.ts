/**
 * Files kept in the user's cache folder for a later run to read back (the CLI's V8 code cache and
 * its Markdown trees). Each is a CRC-32 of its body, then the body: a damaged or truncated file
 * reads as missing, never as data (V8 does not check its cached code, and a damaged one crashed
 * Node in a trial). Files are written aside and renamed, so a run reading at the same moment sees
 * the old file or the new one, never half of one. `zlib.crc32` is Node 20.15+: before that nothing
 * is written or read. Every failure (no folder, no space, a read-only home) is a miss.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as zlib from 'node:zlib';

/** Whether this Node can check what it reads back (without, no cache is used). */
export function canCheck(): boolean {
  return typeof zlib.crc32 === 'function';
}

/** Writes `body` to `file` behind its CRC-32, in private folders and files; false when it could not. */
export function writeChecked(file: string, body: Buffer): boolean {
  if (!canCheck()) return false;
  try {
    const check = Buffer.alloc(4);
    check.writeUInt32LE(zlib.crc32(body));
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(partial, Buffer.concat([check, body]), { mode: 0o600 });
    renameSync(partial, file);
    return true;
  } catch {
    return false;
  }
}

/** The body `writeChecked` wrote, or undefined: missing, larger than `maxBytes`, damaged or truncated. */
export function readChecked(file: string, maxBytes = Number.MAX_SAFE_INTEGER): Buffer | undefined {
  if (!canCheck()) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const { size } = fstatSync(fd);
    if (size < 4 || size > maxBytes) return undefined;
    const bytes = readFileSync(fd);
    const body = bytes.subarray(4);
    return zlib.crc32(body) === bytes.readUInt32LE(0) ? body : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** FNV-1a of a text's UTF-16 units: names a file; what the file holds is what gets compared. */
export function fnv1a(text: string, basis = 0x811c9dc5, prime = 0x01000193): string {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), prime) >>> 0;
  return h.toString(16).padStart(8, '0');
}

export interface AgedFile {
  path: string;
  /** Last modified, ms. */
  time: number;
  size: number;
}

/** The entries of `folder` that `keep` accepts, newest first. */
export function newestFirst(folder: string, keep: (name: string) => boolean = () => true): AgedFile[] {
  return readdirSync(folder)
    .filter(keep)
    .map((name) => {
      const stat = statSync(join(folder, name));
      return { path: join(folder, name), time: stat.mtimeMs, size: stat.size };
    })
    .sort((a, b) => b.time - a.time);
}
