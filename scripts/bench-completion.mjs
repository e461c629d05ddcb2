// Completion latency after `@` with a 10,000-person roster (issue 12: median ≤ 2 ms, p99 ≤ 10 ms,
// first request ≤ 100 ms).
//   - core: Roster.complete for typical queries: the first call, then median and p99 of the rest;
//   - server: textDocument/completion round trips to `node dist/server.js --stdio` with the roster
//     configured in a temporary workspace, as an editor sends them while a login is typed: each
//     query is a didChange (which schedules a check, as typing does) followed by --runs requests;
//     the first of them is printed on its own.
//   - the server's own side (it runs with --request-times): each request from the moment its bytes
//     arrived to its answer (server ms, and its CPU), the wait before arrival (the pipe, and the
//     event loop busy or the process not scheduled), and the event loop's delay (a 1 ms timer:
//     its max is the longest step the server ran). Round trip minus server = the machine's share.
//   - the first completion a user can meet: right after the document opened (cold: nothing read
//     yet; --cold runs, 5 by default, with the server's CPU time), and after its first diagnostics
//     arrived and the user paused (--pause ms, 250 by default).
// Round trips are wall time: quote them with the load average printed beside them.
// Usage: npm run build && node scripts/bench-completion.mjs [--people N] [--runs N] [--pause ms] [--cold N]
import * as esbuild from 'esbuild';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startBenchServer } from './bench-lsp.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PEOPLE = option('--people', 10000);
const RUNS = option('--runs', 201);
const PAUSE_MS = option('--pause', 250);
const COLD_RUNS = option('--cold', 5);
const root = resolve(new URL('..', import.meta.url).pathname);
const server = join(root, 'dist', 'server.js');
if (!existsSync(server)) throw new Error('dist/server.js is missing: run npm run build first');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

// A deterministic roster: logins like GitHub's, romanised two-part names, a few organisations.
const syllables = [
  'wang',
  'li',
  'zhang',
  'liu',
  'chen',
  'yang',
  'huang',
  'zhao',
  'wu',
  'zhou',
  'xu',
  'sun',
  'ma',
  'zhu',
  'hu',
  'guo',
  'he',
  'lin',
  'gao',
  'luo',
];
const given = [
  'wei',
  'fang',
  'na',
  'min',
  'jing',
  'qiang',
  'lei',
  'jun',
  'yang',
  'yong',
  'jie',
  'tao',
  'ming',
  'chao',
  'xia',
  'ping',
  'gang',
  'hui',
  'bin',
  'hong',
];
const cap = (s) => s[0].toUpperCase() + s.slice(1);
let seed = 42;
// mulberry32: small, deterministic, well spread.
const rand = (n) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) % n;
};
const people = [{ github: 'Wine93', name: 'Wine Ninety', org: 'Example' }];
for (let i = 0; people.length < PEOPLE; i++) {
  const family = syllables[rand(syllables.length)];
  const first = given[rand(given.length)];
  const style = rand(3);
  const login = style === 0 ? `${family}${first}${i}` : style === 1 ? `${first}-${family}-${i}` : `${cap(first)}${cap(family)}${i}`;
  people.push({ github: login, name: `${cap(family)} ${cap(first)}`, org: ['Example', 'Acme', 'Initech', 'Globex'][rand(4)] });
}
const teamJson = JSON.stringify(
  { maintainers: people.slice(0, 50), committers: people.slice(50, 1000), reviewers: people.slice(1000) },
  null,
  2,
);
const queries = ['', 'W', 'Wi', 'Win', 'wang', 'zhangwei', 'Chen M', 'li-', 'xyzq'];

// --- core ------------------------------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'bench-completion-'));
const coreFile = join(dir, 'core.mjs');
await esbuild.build({
  stdin: { contents: "export * from './server/src/core/roster/index';", resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: coreFile,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const core = await import(pathToFileURL(coreFile).href);
const t0 = performance.now();
const parsed = core.parseRosterSource('/bench/team.json', teamJson);
const roster = new core.Roster(parsed);
const buildMs = performance.now() - t0;
console.log(`load average ${load()}`);
console.log(`roster: ${roster.people().length} people, parsed in ${buildMs.toFixed(1)} ms`);
console.log('\ncore Roster.complete (top 50)       first ms  median ms   p99 ms   first result');
for (const q of queries) {
  const times = [];
  let first;
  for (let r = 0; r <= RUNS; r++) {
    const t = performance.now();
    const result = roster.complete(q, 50);
    times.push(performance.now() - t);
    first = result[0]?.person.handle;
  }
  const [once, ...rest] = times;
  console.log(
    `  ${JSON.stringify(q).padEnd(34)} ${once.toFixed(3).padStart(8)} ${median(rest).toFixed(3).padStart(9)} ${percentile(rest, 0.99).toFixed(3).padStart(8)}   ${first ?? '-'}`,
  );
}

// --- server ----------------------------------------------------------------------------------
const ws = join(dir, 'ws');
mkdirSync(join(ws, 'minutes'), { recursive: true });
writeFileSync(join(ws, 'team.json'), teamJson);
writeFileSync(join(ws, '.minutesrc.json'), '{ "contributors": { "sources": ["team.json"] } }');
const prefix = '## 会议内容\n\n- [缓存](https://github.com/opencurve/curve/pull/1) @';
const endOf = (text) => ({ line: 2, character: text.split('\n')[2].length });

/** A server started in the workspace, with a wait for a document's diagnostics. */
async function startServer() {
  const diagnosed = new Map();
  const s = await startBenchServer(server, ws, {
    serverArgs: ['--request-times'],
    onDiagnostics: (params) => diagnosed.get(params.uri)?.(),
  });
  const diagnostics = (uri) => new Promise((resolveDiagnostics) => diagnosed.set(uri, resolveDiagnostics));
  return { ...s, diagnostics };
}

const timed = async (run) => {
  const t = performance.now();
  const result = await run();
  return { ms: performance.now() - t, result };
};
const completion = (s, uri, text) => s.request('textDocument/completion', { textDocument: { uri }, position: endOf(text) });
/** Epoch ms, comparable with the server's (`performance.timeOrigin`-based). */
const clock = () => performance.timeOrigin + performance.now();
/** The server's times for the completions since the last call, in the order sent. */
const serverTimes = async (s) =>
  (await s.request('minutes/requestTimes')).result ?? { requests: [], loopDelay: { p50: NaN, p99: NaN, max: NaN } };

// The first completion right after the document opened: the roster may not have been read yet.
// Run --cold times (a fresh server each), with the server's CPU time over the request where
// /proc tells it (Linux): wall time at a high load is mostly waiting for a core.
const serverCpuMs = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return NaN;
  }
};
{
  const colds = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    const s = await startServer();
    const uri = pathToFileURL(join(ws, 'minutes', '2024-01-09.md')).href;
    const cpu0 = serverCpuMs(s.child.pid);
    s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: prefix } });
    const cold = await timed(() => completion(s, uri, prefix));
    const cpu = serverCpuMs(s.child.pid) - cpu0;
    const items = cold.result.result?.items ?? [];
    const times = await serverTimes(s);
    const own = times.requests.find((r) => r.method === 'textDocument/completion');
    colds.push({
      ms: cold.ms,
      cpu,
      server: own ? own.answered - own.arrived : NaN,
      loopMax: times.loopDelay.max,
      items: items.length,
      first: items[0]?.label ?? '-',
    });
    await s.stop();
  }
  console.log(`\nload average ${load()}`);
  console.log(
    `server: first completion right after the document opened (cold), ${COLD_RUNS} runs: median ${median(colds.map((c) => c.ms)).toFixed(1)} ms wall, ${median(colds.map((c) => c.server)).toFixed(1)} ms in the server (arrival to answer), ${median(colds.map((c) => c.cpu)).toFixed(0)} ms server CPU`,
  );
  for (const c of colds) {
    console.log(
      `  ${c.ms.toFixed(1)} ms wall, ${c.server.toFixed(1)} ms in the server, ${c.cpu.toFixed(0)} ms CPU, ${c.items} items, first ${c.first}`,
    );
  }
}

const s = await startServer();
const uri = pathToFileURL(join(ws, 'minutes', '2024-01-10.md')).href;
let version = 1;
const checked = s.diagnostics(uri);
s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text: prefix } });
await checked;
await new Promise((resolvePause) => setTimeout(resolvePause, PAUSE_MS));
const warm = await timed(() => completion(s, uri, prefix));
console.log(`server: first completion after the first diagnostics and ${PAUSE_MS} ms   ${warm.ms.toFixed(1)} ms`);
console.log(
  'server textDocument/completion   round trip: first  median    p99 | in the server: median    p99    CPU p99 | before arrival p99 | loop delay max | items  first',
);
const slowest = [];
const f = (x, width = 8) => (Number.isFinite(x) ? x.toFixed(2) : '-').padStart(width);
for (const q of queries.filter((x) => !/\s/.test(x))) {
  const text = prefix + q;
  await serverTimes(s); // what came before this batch
  s.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
  const times = [];
  const sent = [];
  let result;
  for (let r = 0; r <= RUNS; r++) {
    sent.push(clock());
    const run = await timed(() => completion(s, uri, text));
    times.push(run.ms);
    result = run.result;
  }
  const own = await serverTimes(s);
  const requests = own.requests.filter((t) => t.method === 'textDocument/completion');
  const inServer = requests.map((t) => t.answered - t.arrived);
  const cpu = requests.map((t) => t.cpuMs);
  const waited = requests.map((t, i) => t.arrived - sent[i]);
  const [once, ...rest] = times;
  const items = result.result?.items ?? [];
  // The slowest round trips (beyond the first), taken apart.
  const cut = percentile(rest, 0.99);
  rest.forEach((ms, i) => {
    const t = requests[i + 1];
    if (ms >= cut && t) {
      slowest.push({
        q,
        ms,
        waited: waited[i + 1],
        cpuBefore: t.cpuBeforeMs,
        server: inServer[i + 1],
        cpu: t.cpuMs,
        cpuAfter: requests[i + 2]?.cpuBeforeMs ?? NaN,
      });
    }
  });
  console.log(
    `  ${JSON.stringify(q).padEnd(30)} ${f(once)} ${f(median(rest))} ${f(percentile(rest, 0.99))} |         ${f(median(inServer.slice(1)))} ${f(percentile(inServer.slice(1), 0.99))} ${f(percentile(cpu.slice(1), 0.99), 10)} | ${f(percentile(waited.slice(1), 0.99), 18)} | ${f(own.loopDelay.max, 14)} | ${String(items.length).padStart(5)}  ${items[0]?.label ?? '-'}`,
  );
}
console.log(
  "the slowest round trips (≥ each query's p99), ms: round trip = before arrival (server CPU meanwhile) + in the server (its CPU) + the way back",
);
for (const t of slowest) {
  console.log(
    `  ${JSON.stringify(t.q).padEnd(10)} ${f(t.ms)} = ${f(t.waited)} (${f(t.cpuBefore, 6)}) + ${f(t.server)} (${f(t.cpu, 6)}) + ${f(t.ms - t.waited - t.server)} (${f(t.cpuAfter, 6)})`,
  );
}
console.log(`load average ${load()}`);
await s.stop();
rmSync(dir, { recursive: true, force: true });
