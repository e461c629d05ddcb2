/**
 * While typing: re-validation after a one-character edit, as a share of a full parse of the same
 * text (remark-parse + GFM of the whole document = 100%; the goal is at most 10%). Real minutes
 * text and the same text with its headings taken out (plain text, cut only at paragraphs), at
 * 100 KiB and 1 MiB. Each edit follows the previous one, as an author's keystrokes do; the
 * document is validated after each, the way the language server does (template choice included).
 *   TYPING_SIZES=100,1024 TYPING_EDITS=21 node scripts/run-ts.mjs scripts/bench-typing.ts
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { lint } from '../server/src/core';
import { clearPieceCache } from '../server/src/core/model/markdown';
import { clearLineScans } from '../server/src/core/text/line-scan';
import { atLeast, cpuMs, median, prefixOf, sourceText } from './bench-text';
import { applyEdit, seededRandom, type Edit } from './edits';

const SIZES_KIB = (process.env.TYPING_SIZES ?? '100,1024').split(',').map(Number);
const EDITS = Number(process.env.TYPING_EDITS ?? 21);
const PARSE_RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PATH = '/bench/minutes.md';
const parser = unified().use(remarkParse).use(remarkGfm).freeze();

interface Timing {
  wall: number;
  cpu: number;
}

async function timed(fn: () => unknown): Promise<Timing> {
  const cpu = cpuMs();
  const wall = performance.now();
  await fn();
  return { wall: performance.now() - wall, cpu: cpuMs() - cpu };
}

/** Heading markers taken out: the same minutes as one long run of paragraphs and lists. */
function withoutHeadings(text: string): string {
  return text.replace(/^ {0,3}#{1,6}(?:[ \t]+|$)/gm, '').replace(/^ {0,3}(?:=+|-{2,})[ \t]*$/gm, '');
}

const KEYS = ['x', '中', '\n', '#', '[', '@', ' '];

/** A one-character edit: a keystroke inserted, or a character deleted. */
function keystroke(text: string, random: () => number): Edit {
  const at = Math.floor(random() * text.length);
  if (random() < 0.7) {
    const key = KEYS[Math.floor(random() * KEYS.length)];
    return { start: at, end: at, text: key, kind: 'insert' };
  }
  return { start: at, end: at + 1, text: '', kind: 'delete' };
}

async function measure(label: string, original: string): Promise<void> {
  clearPieceCache();
  clearLineScans();
  const cold = await timed(() => lint({ path: PATH, text: original }));
  const random = seededRandom(12);
  let text = original;
  const edits: Timing[] = [];
  const fullParse: Timing[] = [];
  // Full parses interleaved with the edits: both see the same load on a shared machine.
  const parseEvery = Math.max(1, Math.floor(EDITS / PARSE_RUNS));
  for (let i = 0; i < EDITS; i++) {
    text = applyEdit(text, keystroke(text, random));
    const current = text;
    edits.push(await timed(() => lint({ path: PATH, text: current })));
    if (i % parseEvery === parseEvery >> 1) fullParse.push(await timed(() => parser.parse(original)));
  }
  const parse = { wall: median(fullParse.map((t) => t.wall)), cpu: median(fullParse.map((t) => t.cpu)) };
  const wall = median(edits.map((t) => t.wall));
  const cpu = median(edits.map((t) => t.cpu));
  const share = (ms: number, of: number) => `${((100 * ms) / of).toFixed(1)}%`;
  console.log(
    `  ${label.padEnd(34)} full parse ${parse.wall.toFixed(0).padStart(6)} ms (CPU ${parse.cpu.toFixed(0)})   first validation ${cold.wall.toFixed(0).padStart(6)} ms   after an edit ${wall.toFixed(1).padStart(7)} ms = ${share(wall, parse.wall).padStart(6)} wall, CPU ${cpu.toFixed(1)} ms = ${share(cpu, parse.cpu)}`,
  );
}

async function main(): Promise<void> {
  const source = sourceText();
  const real = atLeast(source.text, Math.max(...SIZES_KIB));
  const plain = withoutHeadings(real);
  console.log(
    `Typing: validation after a one-character edit, medians of ${EDITS} edits, against remark-parse + GFM of the whole text (medians of ${PARSE_RUNS}); text: ${source.label}`,
  );
  for (const kib of SIZES_KIB) {
    await measure(`${kib} KiB of minutes`, prefixOf(real, kib));
    await measure(`${kib} KiB without headings`, prefixOf(plain, kib));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
