/** Long documents of real minutes text for the benches, and the figures they print. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readMinutes, SHARED_CORPUS, SHARED_CORPUS_WILD } from './corpus';

export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** CPU time of this process, garbage collector threads included. */
export function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** The corpora's Markdown minutes one after another (the examples/ folder when ../shared is absent). */
export function sourceText(): { label: string; text: string } {
  const corpora = [SHARED_CORPUS, SHARED_CORPUS_WILD].filter((folder) => existsSync(folder));
  const folders = corpora.length ? corpora : [resolve(process.cwd(), 'examples')];
  const files = folders.flatMap((folder) => readMinutes(folder)).filter((f) => f.path.endsWith('.md'));
  return {
    label: corpora.length ? "the corpora's Markdown minutes" : 'examples/ (../shared is absent)',
    text: files.map((f) => f.text.replace(/^\uFEFF/, '')).join('\n\n'),
  };
}

/** `text` repeated until it holds at least `kib` KiB of UTF-8. */
export function atLeast(text: string, kib: number): string {
  let out = text;
  while (Buffer.byteLength(out) < kib * 1024) out += `\n\n${text}`;
  return out;
}

/** The longest run of whole lines of `text` within `kib` KiB of UTF-8. */
export function prefixOf(text: string, kib: number): string {
  const bytes = Buffer.from(text, 'utf8')
    .subarray(0, kib * 1024)
    .toString('utf8');
  return bytes.slice(0, bytes.lastIndexOf('\n') + 1);
}
