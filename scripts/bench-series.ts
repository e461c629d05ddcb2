/**
 * `npm run bench` (series part): a workspace of 2,000 minutes (20 series of 100 files in year
 * folders, in the shape of the project's fixture series) read by the language server's
 * SeriesStore. Prints how long the folder takes to read in the background, the longest turn of
 * the event loop it takes (what a keystroke can wait), and what deciding and viewing a series costs.
 * Medians of several runs; machines here are noisy, so read ratios.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../server/src/core';
import { SeriesIndex } from '../server/src/core/series';
import { SeriesStore } from '../server/src/lsp/series/store';
import { diskSeries, minutesUnder } from '../server/src/node/series';
import { listMinutes } from '../server/src/node/roster';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SERIES = 20;
const PER_SERIES = 100;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function minutes(team: number, date: string, n: number): string {
  return [
    `# Team ${team} sync ${date}`,
    '',
    `- **Date**: ${date}`,
    `- **Host**: member-${n % 7}`,
    '',
    '## Attendees',
    '',
    '- alice @alice',
    '- bob @bob',
    '',
    '## 遗留问题',
    '',
    `- [x] @bob item ${n}`,
    '',
    '## Agenda',
    '',
    `### 1. Topic ${n}`,
    '',
    `- see https://github.com/example/team${team}/pull/${n}`,
    '',
    '## Action items',
    '',
    `- [ ] @alice follow up ${n} (due ${date})`,
    '',
  ].join('\n');
}

function workspace(): { root: string; files: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'minutes-bench-series-'));
  const files: string[] = [];
  for (let team = 0; team < SERIES; team++) {
    for (let i = 0; i < PER_SERIES; i++) {
      const year = 2020 + Math.floor(i / 25);
      const date = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
      const dir = join(root, `team-${team}`, 'meetings', String(year));
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `${date}-${i}.md`).replace(/\\/g, '/');
      writeFileSync(path, minutes(team, date, i));
      files.push(path);
    }
  }
  return { root: root.replace(/\\/g, '/'), files };
}

/** Reads the folder the way the server does, measuring every turn of the event loop it takes. */
function readInBackground(root: string): Promise<{ total: number; longestTurn: number; p95Turn: number; turns: number }> {
  return new Promise((done) => {
    const turns: number[] = [];
    const store = new SeriesStore(
      { ...diskSeries, list: listMinutes, under: (folder) => ({ folder, files: minutesUnder(folder) }) },
      () => undefined,
      (work) =>
        setImmediate(() => {
          const start = performance.now();
          work();
          turns.push(performance.now() - start);
        }),
    );
    const start = performance.now();
    store.onDidChange = () => {
      const sorted = [...turns].sort((a, b) => a - b);
      done({
        total: performance.now() - start,
        longestTurn: sorted[sorted.length - 1],
        p95Turn: sorted[Math.floor(sorted.length * 0.95)],
        turns: turns.length,
      });
    };
    store.setRoots([root]);
  });
}

async function main(): Promise<void> {
  const { root, files } = workspace();
  try {
    const totals: number[] = [];
    const longest: number[] = [];
    const p95: number[] = [];
    let turns = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await readInBackground(root);
      totals.push(r.total);
      longest.push(r.longestTurn);
      p95.push(r.p95Turn);
      turns = r.turns;
    }
    const texts = files.map((path) => ({ path, text: diskSeries.read(path)! }));
    const index = new SeriesIndex({ root });
    for (const { path, text } of texts) index.set(path, text);
    const decide: number[] = [];
    const cached: number[] = [];
    const keystroke: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const fresh = new SeriesIndex({ root });
      for (const { path, text } of texts) fresh.set(path, text);
      let start = performance.now();
      for (const { path } of texts) fresh.view(path);
      decide.push(performance.now() - start);
      start = performance.now();
      for (const { path } of texts) fresh.view(path);
      cached.push(performance.now() - start);
      const doc = texts[(i * 37) % texts.length];
      start = performance.now();
      await lint({ path: doc.path, text: `${doc.text}x`, services: { series: (p) => fresh.view(p) } });
      keystroke.push(performance.now() - start);
    }
    console.log(`series: ${files.length} minutes in ${SERIES} series of ${PER_SERIES} (year folders)`);
    console.log(`  read in the background    median ${median(totals).toFixed(0)} ms in ${turns} turns of the event loop`);
    console.log(
      `  turns of the event loop (what a keystroke may wait): 95% under ${median(p95).toFixed(1)} ms, longest ${median(longest).toFixed(1)} ms (medians)`,
    );
    console.log(`  deciding every series (eras, learning, the newest's own template)  median ${median(decide).toFixed(0)} ms`);
    console.log(`  ${files.length} views once decided  median ${median(cached).toFixed(1)} ms`);
    console.log(`  linting one file with its series' template  median ${median(keystroke).toFixed(1)} ms`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
