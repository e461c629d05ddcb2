/**
 * `npm run bench` (last part): what running patterns from data on the linear-time engine
 * (server/src/core/regex) costs and saves.
 *
 * 1. `^(a+)+$` — JavaScript's engine on growing inputs (each character doubles the time), and
 *    the engine the core uses on 64 KB.
 * 2. `*a*a*a*a*a*a*a*a*b` as a glob — the glob library the core used before, and the core's globs.
 * 3. The built-in templates' content patterns on real minutes (../shared/corpus, else
 *    examples/), as detection and variants run them: JavaScript's engine against the core's.
 *
 * Prints medians; machines here are noisy, so read ratios.
 */
import picomatch from 'picomatch';
import { builtinTemplates } from '../server/src/core';
import { globMatches } from '../server/src/core/regex/glob';
import { dataPattern } from '../server/src/core/regex/pattern';
import { hasSharedCorpus, readMinutes, SHARED_CORPUS } from './corpus';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function time(fn: () => unknown, runs = RUNS): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

console.log('^(a+)+$ on "a" × n + "b"');
let last = 0;
for (const n of [20, 22, 24, 26]) {
  const input = `${'a'.repeat(n)}b`;
  // eslint-disable-next-line regexp/no-super-linear-backtracking, regexp/no-unused-capturing-group, regexp/no-misleading-capturing-group -- the exponential pattern this bench measures on purpose
  last = time(() => /^(a+)+$/.test(input), 3);
  console.log(`  JavaScript RegExp  n = ${n}: ${last.toFixed(1)} ms`);
}
// Each further character doubles the time: 64 KB is 2^(65536 - 26) times the last figure.
console.log(`  JavaScript RegExp  n = 65536: about 2^65510 × ${last.toFixed(0)} ms (never)`);
const big = `${'a'.repeat(64 * 1024)}b`;
const safe = dataPattern('^(a+)+$')!;
console.log(`  linear engine      n = 65536: ${time(() => safe.test(big)).toFixed(1)} ms`);

console.log('\nglob *a*a*a*a*a*a*a*a*b on a path of "a" × n');
const glob = '*a*a*a*a*a*a*a*a*b';
const library = picomatch(glob, { dot: true, basename: true });
for (const n of [16, 20, 24, 28]) console.log(`  picomatch       n = ${n}: ${time(() => library('a'.repeat(n)), 3).toFixed(1)} ms`);
for (const n of [60, 4096]) console.log(`  core globs      n = ${n}: ${time(() => globMatches(glob, 'a'.repeat(n))).toFixed(2)} ms`);

const docs = readMinutes(hasSharedCorpus() ? SHARED_CORPUS : 'examples');
const sources = builtinTemplates.flatMap((t) => [
  ...(t.detect?.content ?? []).map((c) => (typeof c === 'string' ? c : c.pattern)),
  ...(t.variants ?? []).flatMap((v) => v.when.content ?? []),
]);
const native = sources.map((s) => new RegExp(s, 'm'));
const linear = sources.map((s) => dataPattern(s, { multiline: true })!);
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
const nativeMs = time(() => {
  for (const d of docs) for (const re of native) re.test(d.text);
});
const linearMs = time(() => {
  for (const d of docs) for (const p of linear) p.test(d.text);
});
console.log(`\nbuilt-in content patterns (${sources.length}) on ${docs.length} files, ${(bytes / 1024).toFixed(0)} KB, whole texts`);
console.log(`  JavaScript RegExp  median ${nativeMs.toFixed(1)} ms`);
console.log(
  `  linear engine      median ${linearMs.toFixed(1)} ms  (${(linearMs / nativeMs).toFixed(1)}×, ${(linearMs / docs.length).toFixed(2)} ms a file)`,
);
