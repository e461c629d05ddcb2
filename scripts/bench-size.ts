/**
 * Linear in the size of the minutes: the model (parse) and full validation of one document of
 * real minutes text, 50 KiB to 4 MiB, as time per KiB against the 50 KiB figure (the goal: within
 * 1.5×). The text is the corpora's Markdown files one after another (../shared/corpus and
 * corpus-wild; the examples/ folder when they are absent), repeated up to the size.
 * Times are CPU time of this process (medians): on a shared machine they wander less than the
 * wall clock. remark-parse of the whole text is printed beside them for scale.
 *   SIZES=50,100,… BENCH_RUNS=3 node scripts/run-ts.mjs scripts/bench-size.ts
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { lint, parseMinutes } from '../server/src/core';
import { clearPieceCache } from '../server/src/core/model/markdown';
import { atLeast, cpuMs, median, prefixOf, sourceText } from './bench-text';

const SIZES_KIB = (process.env.SIZES ?? '50,100,200,400,800,1600,4096').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// remark-parse of a whole long text grows much faster than the text: past this it is not run.
const REMARK_UP_TO_KIB = 400;
const parser = unified().use(remarkParse).use(remarkGfm).freeze();

async function timed(fn: () => unknown): Promise<number> {
  const start = cpuMs();
  await fn();
  return cpuMs() - start;
}

async function main(): Promise<void> {
  const source = sourceText();
  const text = atLeast(source.text, Math.max(...SIZES_KIB));
  console.log(`One long document of ${source.label}, CPU time, medians of ${RUNS}; ×: time per KiB against the first row`);
  let first: { model: number; full: number; kib: number } | undefined;
  for (const kib of SIZES_KIB) {
    const doc = prefixOf(text, kib);
    const remark: number[] = [];
    const model: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (kib <= REMARK_UP_TO_KIB) remark.push(await timed(() => parser.parse(doc)));
      clearPieceCache();
      model.push(await timed(() => parseMinutes(doc, '/bench/minutes.md')));
      clearPieceCache();
      full.push(await timed(() => lint({ path: '/bench/minutes.md', text: doc })));
    }
    const row = { model: median(model), full: median(full), kib };
    first ??= row;
    const per = (ms: number, base: number) => (ms / kib / (base / first!.kib)).toFixed(2);
    const remarkCell = remark.length ? `${median(remark).toFixed(0)} ms` : '—';
    console.log(
      `  ${String(kib).padStart(5)} KiB  remark-parse ${remarkCell.padStart(9)}   model ${row.model.toFixed(0).padStart(6)} ms ×${per(row.model, first.model)}   full validation ${row.full.toFixed(0).padStart(6)} ms ×${per(row.full, first.full)}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
