/**
 * `npm run bench`: full validation time against the floor of remark-parse alone and against
 * markdownlint with every rule on, file by file, on ../shared/corpus and ../shared/corpus-wild
 * (examples/ when they are absent), and on one ~100 KB minutes document.
 * Prints medians of several runs and their ratios; machines here are noisy, so read ratios.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { lint as markdownlint } from 'markdownlint/sync';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { lint } from '../server/src/core';
import { clearMeetingCache } from '../server/src/core/items/meetings';
import { clearPieceCache } from '../server/src/core/model/markdown';
import { SeriesIndex } from '../server/src/core/series';
import type { Services } from '../server/src/core/services';
import { readMinutes, SHARED_CORPUS, SHARED_CORPUS_WILD } from './corpus';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const parser = unified().use(remarkParse).use(remarkGfm).freeze();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

async function time(fn: () => Promise<void> | void): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** markdownlint with every rule on; a rule that throws on odd input is reported, not fatal. */
function runMarkdownlint(doc: { path: string; text: string }): void {
  markdownlint({ strings: { [doc.path]: doc.text }, config: { default: true }, handleRuleFailures: true });
}

/** CPU time of this process, garbage collector threads included. */
function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** Wall-clock and CPU milliseconds of one call. */
async function timeBoth(fn: () => Promise<void> | void): Promise<{ wall: number; cpu: number }> {
  const cpuStart = cpuMs();
  const wall = await time(fn);
  return { wall, cpu: cpuMs() - cpuStart };
}

async function measure(label: string, docs: Array<{ path: string; text: string }>): Promise<void> {
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  const runs = {
    parse: [] as Array<{ wall: number; cpu: number }>,
    markdownlint: [] as Array<{ wall: number; cpu: number }>,
    ours: [] as Array<{ wall: number; cpu: number }>,
  };
  // One warm-up run of each so JIT and lazy tables don't count.
  for (const d of docs) parser.parse(d.text);
  for (const d of docs) runMarkdownlint(d);
  for (const d of docs) await lint({ path: d.path, text: d.text });
  // Interleaved, so that a slower spell of a shared machine touches all three alike.
  for (let i = 0; i < RUNS; i++) {
    runs.parse.push(
      await timeBoth(() => {
        for (const d of docs) parser.parse(d.text);
      }),
    );
    runs.markdownlint.push(
      await timeBoth(() => {
        for (const d of docs) runMarkdownlint(d);
      }),
    );
    clearPieceCache();
    runs.ours.push(
      await timeBoth(async () => {
        for (const d of docs) await lint({ path: d.path, text: d.text });
      }),
    );
  }
  const wall = (xs: Array<{ wall: number }>) => median(xs.map((x) => x.wall));
  const cpu = (xs: Array<{ cpu: number }>) => median(xs.map((x) => x.cpu));
  const p = { wall: wall(runs.parse), cpu: cpu(runs.parse) };
  const m = { wall: wall(runs.markdownlint), cpu: cpu(runs.markdownlint) };
  const l = { wall: wall(runs.ours), cpu: cpu(runs.ours) };
  const row = (name: string, t: { wall: number; cpu: number }, extra = '') =>
    console.log(
      `  ${name.padEnd(28)} wall ${t.wall.toFixed(0).padStart(6)} ms (${(t.wall / p.wall).toFixed(2)})  CPU ${t.cpu.toFixed(0).padStart(6)} ms (${(t.cpu / p.cpu).toFixed(2)})${extra}`,
    );
  console.log(`${label}: ${docs.length} file(s), ${(bytes / 1024).toFixed(0)} KiB; medians, (ratio to remark-parse)`);
  row('remark-parse + gfm alone', p);
  row('markdownlint, every rule on', m);
  row(
    'Community Minutes, full',
    l,
    `; ${(l.wall / m.wall).toFixed(2)}× markdownlint wall, ${(l.cpu / m.cpu).toFixed(2)}× CPU, ${(bytes / 1024 / (l.wall / 1000)).toFixed(0)} KiB/s`,
  );
}

/** While typing: one character inserted in the middle, the document validated again. */
async function measureEdit(label: string, doc: { path: string; text: string }): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    clearPieceCache();
    await lint(doc);
    const at = (doc.text.length >> 1) + i;
    const edited = `${doc.text.slice(0, at)}x${doc.text.slice(at)}`;
    times.push(
      await time(async () => {
        await lint({ path: doc.path, text: edited });
      }),
    );
  }
  console.log(`${label}: validation after a one-character edit  median ${median(times).toFixed(1)} ms`);
}

/**
 * The series rules: every file of one series (a folder) linted with its series' members
 * (`Services.series`), against the same files with the same series view but no members (the
 * series' template, no series rules). Caches are cleared before each run, as a fresh
 * `minutes-lint` run would start.
 */
async function measureSeries(label: string, docs: Array<{ path: string; text: string }>): Promise<void> {
  const index = new SeriesIndex();
  for (const d of docs) index.set(d.path, d.text);
  const services: Services = { series: (p) => index.view(p) };
  const withoutMembers: Services = {
    series: (p) => {
      const view = index.view(p);
      return view && { ...view, members: undefined };
    },
  };
  const alone: number[] = [];
  const together: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    clearPieceCache();
    alone.push(
      await time(async () => {
        for (const d of docs) await lint({ ...d, services: withoutMembers });
      }),
    );
    clearPieceCache();
    clearMeetingCache();
    together.push(
      await time(async () => {
        for (const d of docs) await lint({ ...d, services });
      }),
    );
  }
  const a = median(alone);
  const t = median(together);
  console.log(`${label}: ${docs.length} file(s) of one series`);
  console.log(`  each file alone        median ${a.toFixed(1)} ms`);
  console.log(`  with the series rules  median ${t.toFixed(1)} ms  (${(t / a).toFixed(2)}×)`);
}

/** ~100 KB of Curve-shaped minutes: many work items with PR links and handles. */
function bigDocument(): string {
  const items: string[] = ['## 时间', '', '2024/03/14 19:00~19:30', '', '## 加入会议', '', '会议号：000-0000-0000', '', '## 会议内容', ''];
  const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  let n = 0;
  for (let s = 0; s < 10; s++) {
    items.push(`### ${ordinals[s]}、工作组 ${s + 1}`, '');
    for (let sub = 0; sub < 8; sub++) {
      items.push(`#### 子项目 ${sub + 1}`, '', '**进展**', '');
      for (let i = 0; i < 12; i++, n++) {
        items.push(
          `- [第 ${n} 项改进：缓存与元数据路径优化](https://github.com/opencurve/curve/pull/${3000 + n}) @dev-${n % 37}（review 中）`,
        );
      }
      items.push('');
    }
  }
  items.push('### 十一、答疑 & 交流', '');
  return items.join('\n');
}

async function main(): Promise<void> {
  console.log(`Community Minutes benchmark (${RUNS} runs each, medians; node ${process.version})`);
  const corpora = [SHARED_CORPUS, SHARED_CORPUS_WILD].filter((folder) => existsSync(folder));
  if (!corpora.length) console.log('(../shared is absent: the examples/ folder instead of the corpora)');
  // BENCH_ONLY=corpus or wild: that corpus file by file and nothing else (a quicker A/B).
  const only = process.env.BENCH_ONLY;
  const chosen = only ? corpora.filter((folder) => folder === (only === 'wild' ? SHARED_CORPUS_WILD : SHARED_CORPUS)) : corpora;
  for (const folder of chosen.length ? chosen : [resolve(process.cwd(), 'examples')]) {
    await measure(`${folder.split(/[\\/]/).slice(-2).join('/')}, file by file`, readMinutes(folder));
  }
  if (only) return;
  const tc = corpora.length ? readMinutes(SHARED_CORPUS).filter((f) => f.path.includes('/openeuler-tc/2023/')) : [];
  const series = tc.length ? tc : readMinutes(resolve(process.cwd(), 'test', 'fixtures', 'series', 'tc'));
  await measureSeries(tc.length ? 'openEuler TC 2023' : 'test/fixtures/series/tc', series);
  const big = bigDocument();
  await measure('one large minutes document', [{ path: '/bench/2024-03-14.md', text: big }]);
  await measureEdit('one large minutes document', { path: '/bench/2024-03-14.md', text: big });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
