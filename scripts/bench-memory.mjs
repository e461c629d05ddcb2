// The language server's memory (issue 12: RSS after opening and closing 1,000 documents within
// 20 MiB of where it started; a 4 MiB document peaks under 10× its size in extra heap).
//   1. `node --expose-gc dist/server.js --stdio` in a temporary workspace of minutes files (the
//      project's examples/ and test fixtures, each copy made distinct): documents are opened ten at a
//      time (as editor tabs), checked, edited and saved (checked again), then closed. Memory is
//      read through `minutes/memoryAfterGc`, a request only a server started with --expose-gc
//      answers: a full collection, then process.memoryUsage() (RSS: the kernel's count of the
//      process's resident pages, /proc/<pid>/status VmRSS on Linux; the figure is Node's, so it
//      means the same elsewhere). "Start" is after a first round of ten documents (code compiled,
//      the workspace's usage index and templates loaded), so what grows after it is what 1,000
//      documents leave behind; then the same documents again: the workspace's caches are full by
//      then, so what grows is kept per document opened. RSS is also read from /proc (Linux) without
//      a collection, after a settle time. The server lets go of the parses of closed documents'
//      series 30 s after the last close: memory is read before and after that (and at start).
//   2. The peak extra heap of one long document (4 MiB of real minutes: ../shared's corpora when
//      present, else examples/, as bench-size.ts takes them): the server does not check
//      a document over 2 MiB (it says so instead), so the figure is the core's `lint()` as the CLI
//      runs it, in a child process started with --trace-gc: V8 prints the heap in use before and
//      after every collection, and the heap is largest just before one; the peak extra heap is
//      the largest "before" figure during the check minus the heap in use after a full collection
//      before it. The same for the server holding a 4 MiB document (open, refused, closed).
// Usage: npm run build && node scripts/bench-memory.mjs [--documents N] [--size-kib N]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startBenchServer } from './bench-lsp.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DOCUMENTS = option('--documents', 1000);
const SIZE_KIB = option('--size-kib', 4096);
const TABS = 10;
const root = resolve(new URL('..', import.meta.url).pathname);
const server = join(root, 'dist', 'server.js');
if (!existsSync(server)) throw new Error('dist/server.js is missing: run npm run build first');
const MiB = 1024 * 1024;
const mib = (bytes) => `${(bytes / MiB).toFixed(1)} MiB`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

/** Minutes-like files of the project (examples and test fixtures), by path under their folder. */
function projectMinutes() {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(?:md|txt)$/.test(name) && !/README/i.test(name))
        found.push({ path: relative(root, path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(join(root, 'examples'));
  walk(join(root, 'test', 'fixtures'));
  return found.filter((f) => f.text.length > 0 && f.text.length < 200_000 && !f.text.includes('\0'));
}

const dir = mkdtempSync(join(tmpdir(), 'bench-memory-'));
const ws = join(dir, 'ws');
const sources = projectMinutes();
/** Document i: a project file with a line of its own (a date, a mention, a link), under a folder of its series. */
const documents = Array.from({ length: DOCUMENTS + TABS }, (_, i) => {
  const source = sources[i % sources.length];
  const name = source.path.replace(/[^\w.-]+/g, '_').replace(/(\.\w+)$/, `-${i}$1`);
  const path = join(
    ws,
    `series-${i % 25}`,
    `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}-${name}`,
  );
  const line = `\n- 第 ${i} 项 跟进 @member${i % 97} https://github.com/example/project/pull/${1000 + i}\n`;
  return { path, text: source.text + line, languageId: path.endsWith('.md') ? 'markdown' : 'plaintext' };
});
for (const d of documents) {
  mkdirSync(dirname(d.path), { recursive: true });
  writeFileSync(d.path, d.text);
}

/** A server in the workspace, started with --expose-gc; resolves a waiter per published document. */
const releases = [];
async function startServer() {
  const published = new Map();
  const onDiagnostics = (params) => {
    const waiter = published.get(params.uri);
    if (waiter && (params.version === undefined || params.version >= waiter.version)) {
      published.delete(params.uri);
      waiter.resolve();
    }
  };
  const s = await startBenchServer(server, ws, {
    nodeArgs: ['--expose-gc'],
    capabilities: { textDocument: { synchronization: { didSave: true } } },
    onDiagnostics,
    // The server says when it let go of closed series and how long compacting the heap took.
    onLog: (message) => /compacted/.test(message) && releases.push(message),
  });
  /** Resolves when diagnostics of at least `version` arrive (a closed document's empty list has none). */
  const diagnosed = (uri, version) => new Promise((resolveWait) => published.set(uri, { version, resolve: resolveWait }));
  const vmRss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${s.child.pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024;
  /** A request's result (the memory request answers with process.memoryUsage()). */
  const request = async (method, params) => (await s.request(method, params)).result;
  return { ...s, request, diagnosed, vmRss };
}

const settle = (ms) => new Promise((resolveSettle) => setTimeout(resolveSettle, ms));

/** Opens a tab's worth of documents and waits for their checks; then edits and saves each (checked again). */
async function openAndEdit(s, batch) {
  const opened = batch.map((d) => {
    const uri = pathToFileURL(d.path).href;
    const checked = s.diagnosed(uri, 1);
    s.notify('textDocument/didOpen', { textDocument: { uri, languageId: d.languageId, version: 1, text: d.text } });
    return { uri, d, checked };
  });
  await Promise.all(opened.map((o) => o.checked));
  for (const { uri, d } of opened) {
    const text = `${d.text}- 补充：已合入\n`;
    const checked = s.diagnosed(uri, 2);
    s.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    s.notify('textDocument/didSave', { textDocument: { uri } });
    await checked;
  }
  return opened.map((o) => o.uri);
}

const closeAll = (s, uris) => {
  for (const uri of uris) s.notify('textDocument/didClose', { textDocument: { uri } });
};

/** Opens, checks, edits, saves and closes a tab's worth of documents. */
async function round(s, batch) {
  closeAll(s, await openAndEdit(s, batch));
}

console.log(`load average ${load()}`);
console.log(`workspace: ${documents.length} minutes files made from ${sources.length} files of examples/ and test/fixtures/`);
const s = await startServer();
const onProc = existsSync('/proc/self/status');
await round(s, documents.slice(0, TABS));
// The server keeps what closed documents' series needed until no document has closed for 30 s
// (RELEASE_AFTER_MS, server/src/lsp/series/memory.ts), then lets it go: memory is read both
// before and after that.
const RELEASE_WAIT_MS = 32_000;
await settle(RELEASE_WAIT_MS);
const start = await s.request('minutes/memoryAfterGc');
if (!start) throw new Error('the server did not answer minutes/memoryAfterGc (is dist/ built from this tree?)');
/**
 * Every document once, ten at a time; then the memory after a settle time (RSS from /proc, no
 * collection), after a full collection, and after a full collection once the server let go of
 * the series of the closed documents.
 */
async function allDocuments() {
  const started = performance.now();
  for (let i = TABS; i < documents.length; i += TABS) await round(s, documents.slice(i, i + TABS));
  const seconds = (performance.now() - started) / 1000;
  await settle(2000);
  const settledRss = onProc ? s.vmRss() : NaN;
  const kept = await s.request('minutes/memoryAfterGc');
  await settle(RELEASE_WAIT_MS - 2000);
  const collected = await s.request('minutes/memoryAfterGc');
  // V8 gives freed pages back to the system over the next idle seconds (its memory reducer), not
  // at the collection asked for above: RSS is read again later, with no collection forced.
  await settle(IDLE_MS);
  return { seconds, settledRss, kept, collected, idleRss: onProc ? s.vmRss() : NaN };
}
const IDLE_MS = 20_000;
// The first pass fills the workspace's caches; the second opens the same documents again, so
// what it adds is kept per document opened.
const first = await allDocuments();
const second = await allDocuments();
console.log(`\nserver: ${DOCUMENTS} documents opened, checked, edited, saved, checked and closed (${TABS} open at a time)`);
console.log('                                                      RSS   heap total    heap used   external');
const row = (label, m, settledRss) => {
  if (onProc && settledRss !== undefined) console.log(`  ${`${label}, 2 s settle`.padEnd(48)} ${mib(settledRss).padStart(10)}`);
  console.log(
    `  ${`${label}, full GC`.padEnd(48)} ${mib(m.rss).padStart(10)} ${mib(m.heapTotal).padStart(12)} ${mib(m.heapUsed).padStart(12)} ${mib(m.external).padStart(10)}`,
  );
};
row(`start (after ${TABS}, released)`, start);
row(`after ${DOCUMENTS} (${first.seconds.toFixed(0)} s)`, first.kept, first.settledRss);
row(`after ${DOCUMENTS}, closed series released`, first.collected);
const idleRow = (label, rss) =>
  onProc && console.log(`  ${`${label}, ${IDLE_MS / 1000} s idle later`.padEnd(48)} ${mib(rss).padStart(10)}`);
idleRow(`after ${DOCUMENTS}, released`, first.idleRss);
row(`after the same ${DOCUMENTS} again (${second.seconds.toFixed(0)} s)`, second.kept, second.settledRss);
row(`after the same ${DOCUMENTS} again, released`, second.collected);
idleRow(`after the same ${DOCUMENTS} again, released`, second.idleRss);
// The caches of the series of open documents: the last ten documents (ten series) open again.
const lastTabs = await openAndEdit(s, documents.slice(-TABS));
await settle(2000);
const withOpen = await s.request('minutes/memoryAfterGc');
closeAll(s, lastTabs);
row(`${TABS} documents of ${TABS} series open`, withOpen);
for (const message of releases) console.log(`  server: ${message}`);
const grew = first.collected.rss - start.rss;
console.log(
  `  after ${DOCUMENTS}, closed series released: RSS grew ${mib(grew)} (goal: within 20 MiB): ${grew <= 20 * MiB ? 'met' : 'NOT met'}; heap used grew ${mib(first.collected.heapUsed - start.heapUsed)}`,
);
if (onProc) {
  const idleGrew = first.idleRss - start.rss;
  console.log(`  ${IDLE_MS / 1000} s idle later: RSS grew ${mib(idleGrew)}: ${idleGrew <= 20 * MiB ? 'met' : 'NOT met'}`);
}
console.log(
  `  after ${DOCUMENTS}, before the release: RSS grew ${mib(first.kept.rss - start.rss)}, heap used ${mib(first.kept.heapUsed - start.heapUsed)}`,
);
console.log(
  `  the same ${DOCUMENTS} again: RSS ${mib(second.collected.rss - first.collected.rss)}, heap used ${mib(second.collected.heapUsed - first.collected.heapUsed)} (what each open and close keeps)`,
);

// The server holding one document over its 2 MiB limit: what opening it costs beyond the text.
const big = bigText(SIZE_KIB);
const bigUri = pathToFileURL(join(ws, 'series-0', '2024-12-31-long.md')).href;
const beforeBig = await s.request('minutes/memoryAfterGc');
const refused = s.diagnosed(bigUri, 1);
s.notify('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'markdown', version: 1, text: big } });
await refused;
const withBig = await s.request('minutes/memoryAfterGc');
s.notify('textDocument/didClose', { textDocument: { uri: bigUri } });
await settle(200);
const closedBig = await s.request('minutes/memoryAfterGc');
console.log(
  `\nserver, one ${SIZE_KIB} KiB document (${SIZE_KIB > 2048 ? 'not checked: over 2 MiB' : 'checked'}): heap used ${mib(beforeBig.heapUsed)} → ${mib(withBig.heapUsed)} open → ${mib(closedBig.heapUsed)} closed; peak RSS of the process ${mib(withBig.maxRss)}`,
);
console.log(`load average ${load()}`);
await s.stop();

// --- the core checking one long document, in a child process with --trace-gc -----------------
function bigText(kib) {
  // Real minutes, as bench-size.ts takes them: the corpora when ../shared is there, else examples/.
  const corpora = ['corpus', 'corpus-wild'].map((name) => join(root, '..', 'shared', name)).filter((folder) => existsSync(folder));
  const files = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md') && !/README/i.test(name)) files.push(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    }
  };
  for (const folder of corpora.length ? corpora : [join(root, 'examples')]) walk(folder);
  const text = files.join('\n\n');
  let out = text;
  while (Buffer.byteLength(out) < kib * 1024) out += `\n\n${text}`;
  const cut = Buffer.from(out, 'utf8')
    .subarray(0, kib * 1024)
    .toString('utf8');
  return cut.slice(0, cut.lastIndexOf('\n') + 1);
}

const lintFile = join(dir, 'lint-long.cjs');
await esbuild.build({
  stdin: {
    contents: `
      import { readFileSync } from 'node:fs';
      import { lint } from './server/src/core';
      const text = readFileSync(process.argv[2], 'utf8');
      globalThis.gc();
      const base = process.memoryUsage().heapUsed;
      console.log('PHASE start ' + base);
      lint({ path: '/bench/long.md', text }).then((result) => {
        console.log('PHASE end ' + process.memoryUsage().heapUsed + ' ' + result.diagnostics.length);
        // What the check keeps while its result is held (the tree, the model, the diagnostics, the piece cache).
        globalThis.gc();
        console.log('PHASE kept ' + process.memoryUsage().heapUsed + ' ' + result.diagnostics.length);
      });
    `,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: lintFile,
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
const longPath = join(dir, 'long.md');
writeFileSync(longPath, big);
const run = spawnSync(process.execPath, ['--expose-gc', '--trace-gc', lintFile, longPath], { encoding: 'utf8', maxBuffer: 64 * MiB });
if (run.status !== 0) throw new Error(`checking the long document failed: ${run.stderr}`);
let base;
let peak = 0;
let collections = 0;
let ended;
let kept;
for (const line of run.stdout.split('\n')) {
  const phase = /^PHASE (start|end|kept) (\d+)/.exec(line);
  if (phase?.[1] === 'start') base = Number(phase[2]);
  else if (phase?.[1] === 'end') ended = Number(phase[2]);
  else if (phase?.[1] === 'kept') kept = Number(phase[2]);
  // `[pid:0x…]  123 ms: Scavenge 45.2 (60.1) -> 40.3 (61.0) MB, …`: MiB in use before (committed) -> after.
  const gc =
    base !== undefined &&
    ended === undefined &&
    /: (?:Scavenge|Mark-Compact(?: \(reduce\))?|Minor Mark-Compact|Mark-sweep) ([\d.]+) \(/.exec(line);
  if (gc) {
    collections++;
    peak = Math.max(peak, Number(gc[1]) * MiB);
  }
}
if (base === undefined || ended === undefined)
  throw new Error(`the long document's check printed no start or end:\n${run.stdout.slice(-2000)}`);
peak = Math.max(peak, ended);
const bytes = Buffer.byteLength(big);
console.log(
  `\ncore lint() of one ${SIZE_KIB} KiB document (${bytes} bytes of UTF-8, ${big.length} characters), ${collections} collections during the check:`,
);
console.log(`  heap in use before ${mib(base)}, at its peak ${mib(peak)}, after ${mib(ended)}`);
console.log(
  `  peak extra heap ${mib(peak - base)} = ${((peak - base) / bytes).toFixed(1)}× the document's size (goal: under 10×): ${peak - base < 10 * bytes ? 'met' : 'NOT met'}`,
);
// The peak depends on when V8 chooses to collect (its limits follow the time spent collecting,
// so on a loaded machine it moves by a third between runs); what the check keeps does not.
if (kept !== undefined)
  console.log(
    `  kept after a full collection, result held: ${mib(kept - base)} = ${((kept - base) / bytes).toFixed(1)}× the document's size`,
  );
rmSync(dir, { recursive: true, force: true });
