/**
 * `npm run bench` (after `npm run build`): the CLI as a user runs it, a process per run.
 *
 * 1. Start-up: `minutes-lint` on one file against `node -e ''`, interleaved, medians (goal ≤ 1.5×);
 *    also `--version`, `--help` (the bundle loaded, nothing checked) and, with ../shared, one file
 *    checked inside its series folder (the siblings are read and parsed too).
 * 2. An archive: the corpora (or examples/ without ../shared) copied into a temporary folder
 *    until it holds ARCHIVE_FILES files (default 10,000); `minutes-lint` on every core, on one
 *    thread (`--jobs 1`) and markdownlint-cli2 with every rule on, on the same tree, interleaved.
 *    Files/s and MiB/s from wall-clock time; CPU time when GNU time is at /usr/bin/time.
 *
 * ARCHIVE_FILES=2000 ARCHIVE_RUNS=1 STARTUP_RUNS=11 shorten it; ARCHIVE_FILES=0 measures start-up only.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readMinutes, SHARED_CORPUS, SHARED_CORPUS_WILD } from './corpus';

const ROOT = process.cwd();
const CLI = join(ROOT, 'dist', 'cli.js');
/** The bundle dist/cli.js starts from V8's code cache; run directly, it is compiled every time. */
const CLI_BUNDLE = join(ROOT, 'dist', 'cli-main.js');
const CLI2 = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const GNU_TIME = '/usr/bin/time';
const ARCHIVE_FILES = Number(process.env.ARCHIVE_FILES ?? 10_000);
const ARCHIVE_RUNS = Number(process.env.ARCHIVE_RUNS ?? 1);
const STARTUP_RUNS = Number(process.env.STARTUP_RUNS ?? 21);

interface Timed {
  wall: number;
  /** User + system CPU of the process and its threads, when GNU time could measure it. */
  cpu?: number;
  status: number | null;
}

const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%U', 'true']).status === 0;

/** Runs a command with its output thrown away; wall-clock ms and, with GNU time, CPU ms. */
function run(command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): Timed {
  const started = process.hrtime.bigint();
  const r = hasGnuTime
    ? spawnSync(GNU_TIME, ['-f', 'CPU %U %S', command, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const cpuLine = /^CPU ([\d.]+) ([\d.]+)$/m.exec(r.stderr ?? '');
  return { wall, cpu: cpuLine ? (Number(cpuLine[1]) + Number(cpuLine[2])) * 1000 : undefined, status: r.status };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function summary(runs: Timed[]): { wall: number; cpu?: number } {
  const cpus = runs.map((r) => r.cpu).filter((c): c is number => c !== undefined);
  return { wall: median(runs.map((r) => r.wall)), cpu: cpus.length ? median(cpus) : undefined };
}

/** A series as users keep one: a year folder of the Curve minutes (the file checked is one of them). */
const SERIES_FOLDER = join(SHARED_CORPUS, 'curve', '2023');
const SERIES_FILE = '2023-01-12.md';

function startup(): void {
  const dir = mkdtempSync(join(tmpdir(), 'minutes-bench-one-'));
  // A cache folder of the bench's own: other runs of other builds (KEPT per folder) cannot evict its cache mid-bench.
  const env = { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') };
  try {
    mkdirSync(join(dir, 'one'));
    cpSync(join(ROOT, 'examples', 'curve', '2024-03-14.md'), join(dir, 'one', '2024-03-14.md'));
    const series = existsSync(join(SERIES_FOLDER, SERIES_FILE));
    if (series) cpSync(SERIES_FOLDER, join(dir, 'series'), { recursive: true });
    const one = join(dir, 'one');
    const rows: Array<{ label: string; command: string[]; cwd: string; runs: Timed[]; env?: NodeJS.ProcessEnv; before?: () => void }> = [
      { label: "node -e ''", command: ['-e', ''], cwd: one, runs: [] },
      { label: 'minutes-lint --version', command: [CLI, '--version'], cwd: one, runs: [] },
      { label: 'minutes-lint --help (bundle loaded)', command: [CLI, '--help'], cwd: one, runs: [] },
      { label: 'minutes-lint on one file', command: [CLI, '2024-03-14.md'], cwd: one, runs: [] },
      { label: 'the same without the code cache', command: [CLI_BUNDLE, '2024-03-14.md'], cwd: one, runs: [] },
    ];
    const members = series ? readdirSync(SERIES_FOLDER).filter((name) => name.endsWith('.md')).length : 0;
    // A cache folder whose trees and profiles are removed before each run: the siblings are parsed, the code is cached.
    const coldCache = join(dir, 'cache-cold');
    const coldEnv = { ...process.env, XDG_CACHE_HOME: coldCache };
    const forgetTrees = () => {
      const kept = join(coldCache, 'community-minutes');
      if (existsSync(kept))
        for (const name of readdirSync(kept)) if (name.startsWith('trees-')) rmSync(join(kept, name), { recursive: true, force: true });
    };
    if (series) {
      const cwd = join(dir, 'series');
      rows.push({ label: `one file in its series (${members} files)`, command: [CLI, SERIES_FILE], cwd, runs: [] });
      rows.push({
        label: '  the same, siblings not kept yet',
        command: [CLI, SERIES_FILE],
        cwd,
        runs: [],
        env: coldEnv,
        before: forgetTrees,
      });
    }
    // The first runs write the code cache (and the series' trees) that the others start from.
    run(process.execPath, [CLI, '2024-03-14.md'], one, env);
    if (series) {
      run(process.execPath, [CLI, SERIES_FILE], join(dir, 'series'), env);
      run(process.execPath, [CLI, SERIES_FILE], join(dir, 'series'), coldEnv);
    }
    for (let i = 0; i < STARTUP_RUNS; i++)
      for (const r of rows) {
        r.before?.();
        r.runs.push(run(process.execPath, r.command, r.cwd, r.env ?? env));
      }
    const b = summary(rows[0].runs);
    console.log(
      `Start-up (${STARTUP_RUNS} runs each, interleaved, medians; × node -e '', goal ≤ 1.5×; load average ${loadavg()[0].toFixed(1)}):`,
    );
    for (const r of rows) {
      const t = summary(r.runs);
      console.log(
        `  ${r.label.padEnd(36)} wall ${t.wall.toFixed(0).padStart(5)} ms (${(t.wall / b.wall).toFixed(2)}×)${t.cpu !== undefined && b.cpu ? `  CPU ${t.cpu.toFixed(0).padStart(5)} ms (${(t.cpu / b.cpu).toFixed(2)}×)` : ''}`,
      );
    }
    if (!series) console.log(`  (no series row: ${SERIES_FOLDER} is absent)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The corpora copied into numbered folders until there are `wanted` files (series stay as they are). */
function buildArchive(wanted: number): { dir: string; files: number; bytes: number } {
  const sources = [SHARED_CORPUS, SHARED_CORPUS_WILD].filter((f) => existsSync(f));
  if (!sources.length) sources.push(resolve(ROOT, 'examples'));
  const perCopy = sources.map((s) => readMinutes(s));
  const filesPerCopy = perCopy.reduce((n, f) => n + f.length, 0);
  const bytesPerCopy = perCopy.reduce((n, fs) => n + fs.reduce((m, f) => m + Buffer.byteLength(f.text), 0), 0);
  const copies = Math.max(1, Math.ceil(wanted / filesPerCopy));
  const dir = mkdtempSync(join(tmpdir(), 'minutes-bench-archive-'));
  for (let c = 0; c < copies; c++) {
    sources.forEach((source, s) => {
      const target = join(dir, `copy-${String(c).padStart(4, '0')}`, String(s));
      mkdirSync(target, { recursive: true });
      cpSync(source, target, { recursive: true });
    });
  }
  // markdownlint-cli2 with every rule on, as markdownlint's `default: true`.
  writeFileSync(join(dir, '.markdownlint.json'), '{ "default": true }\n');
  return { dir, files: copies * filesPerCopy, bytes: copies * bytesPerCopy };
}

function archive(): void {
  const { dir, files, bytes } = buildArchive(ARCHIVE_FILES);
  const mib = bytes / 1048576;
  try {
    const cores = availableParallelism();
    const ours: Timed[] = [];
    const serial: Timed[] = [];
    const cli2: Timed[] = [];
    for (let i = 0; i < ARCHIVE_RUNS; i++) {
      ours.push(run(process.execPath, [CLI, '--format', 'json', '.'], dir));
      serial.push(run(process.execPath, [CLI, '--format', 'json', '--jobs', '1', '.'], dir));
      // The same files as ours: Markdown and the plain-text minutes beside it.
      cli2.push(run(process.execPath, [CLI2, '**/*.{md,txt}'], dir));
    }
    const m = summary(cli2);
    console.log(`An archive: ${files} files, ${mib.toFixed(1)} MiB (${ARCHIVE_RUNS} run(s) each, interleaved; ${cores} cores)`);
    const row = (label: string, t: { wall: number; cpu?: number }) => {
      const seconds = t.wall / 1000;
      const cpu = t.cpu !== undefined ? `  CPU ${(t.cpu / 1000).toFixed(1).padStart(6)} s` : '';
      console.log(
        `  ${label.padEnd(34)} ${seconds.toFixed(1).padStart(7)} s  ${(files / seconds).toFixed(0).padStart(5)} files/s  ${(mib / seconds).toFixed(2)} MiB/s  ${(t.wall / m.wall).toFixed(2)}× markdownlint-cli2${cpu}`,
      );
    };
    row('markdownlint-cli2, every rule on', m);
    row(`minutes-lint (${cores} threads)`, summary(ours));
    row('minutes-lint --jobs 1', summary(serial));
    const exits = new Set(ours.concat(serial).map((r) => r.status));
    if (exits.size > 1) console.log(`  exit statuses differ between runs: ${[...exits].join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!existsSync(CLI)) {
  console.error('bench-cli: build first (npm run build)');
  process.exitCode = 1;
} else {
  console.log(`minutes-lint as a process (node ${process.version}${hasGnuTime ? '' : '; no GNU time, so no CPU column'})`);
  startup();
  if (ARCHIVE_FILES > 0) archive();
}
