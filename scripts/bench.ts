/**
 * `npm run bench`: full validation time against the floor of remark-parse alone, on the corpus
 * (../shared/corpus when present, else examples/) and on one ~100 KB minutes document.
 * Prints medians of several runs and their ratio; machines here are noisy, so read ratios.
 */
import { resolve } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { lint } from '../server/src/core';
import { clearMeetingCache } from '../server/src/core/items/meetings';
import { clearPieceCache } from '../server/src/core/model/markdown';
import { SeriesIndex } from '../server/src/core/series';
import type { Services } from '../server/src/core/services';
import { hasSharedCorpus, readMinutes, SHARED_CORPUS } from './corpus';

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

async function measure(label: string, docs: Array<{ path: string; text: string }>): Promise<void> {
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  const parseTimes: number[] = [];
  const lintTimes: number[] = [];
  // One warm-up run of each so JIT and lazy tables don't count.
  for (const d of docs) parser.parse(d.text);
  for (const d of docs) await lint({ path: d.path, text: d.text });
  for (let i = 0; i < RUNS; i++) {
    parseTimes.push(await time(() => { for (const d of docs) parser.parse(d.text); }));
    clearPieceCache();
    lintTimes.push(await time(async () => { for (const d of docs) await lint({ path: d.path, text: d.text }); }));
  }
  const p = median(parseTimes);
  const l = median(lintTimes);
  console.log(`${label}: ${docs.length} file(s), ${(bytes / 1024).toFixed(0)} KB`);
  console.log(`  remark-parse alone  median ${p.toFixed(1)} ms`);
  console.log(`  full validation     median ${l.toFixed(1)} ms  (${(l / p).toFixed(2)}× the parse floor, ${(bytes / 1024 / (l / 1000)).toFixed(0)} KB/s)`);
}

/** While typing: one character inserted in the middle, the document validated again. */
async function measureEdit(label: string, doc: { path: string; text: string }): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    clearPieceCache();
    await lint(doc);
    const at = (doc.text.length >> 1) + i;
    const edited = `${doc.text.slice(0, at)}x${doc.text.slice(at)}`;
    times.push(await time(async () => {
      await lint({ path: doc.path, text: edited });
    }));
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
  const withoutMembers: Services = { series: (p) => {
    const view = index.view(p);
    return view && { ...view, members: undefined };
  } };
  const alone: number[] = [];
  const together: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    clearPieceCache();
    alone.push(await time(async () => { for (const d of docs) await lint({ ...d, services: withoutMembers }); }));
    clearPieceCache();
    clearMeetingCache();
    together.push(await time(async () => { for (const d of docs) await lint({ ...d, services }); }));
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
        items.push(`- [第 ${n} 项改进：缓存与元数据路径优化](https://github.com/opencurve/curve/pull/${3000 + n}) @dev-${n % 37}（review 中）`);
      }
      items.push('');
    }
  }
  items.push('### 十一、答疑 & 交流', '');
  return items.join('\n');
}

async function main(): Promise<void> {
  const corpus = hasSharedCorpus();
  const files = readMinutes(corpus ? SHARED_CORPUS : resolve(process.cwd(), 'examples'));
  console.log(`Community Minutes benchmark (${RUNS} runs each, medians; node ${process.version})`);
  await measure(corpus ? 'corpus ../shared/corpus' : 'examples/', files);
  const folder = corpus ? '/openeuler-tc/2023/' : '/fixtures/series/tc/';
  const series = corpus ? files.filter((f) => f.path.includes(folder)) : readMinutes(resolve(process.cwd(), 'test', 'fixtures', 'series', 'tc'));
  await measureSeries(corpus ? 'openEuler TC 2023' : 'test/fixtures/series/tc', series);
  const big = bigDocument();
  await measure('one large minutes document', [{ path: '/bench/2024-03-14.md', text: big }]);
  await measureEdit('one large minutes document', { path: '/bench/2024-03-14.md', text: big });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
