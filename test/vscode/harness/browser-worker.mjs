// The web extension's language server in a real browser: headless Chromium (Debian's, driven by
// playwright-core from .cache/vscode-web, as test:vscode-web installs them) opens a page from a
// local server on 127.0.0.1 that hosts dist/browser/server.js in a real Web Worker and speaks
// LSP to it. The page opens examples/curve/2024-03-14.md in a workspace with a .minutesrc.json
// and a roster file, which the worker can only read by asking the page (minutes/readFiles, as
// the VS Code client answers with vscode.workspace.fs). The diagnostics, the code actions and
// the @-completion must equal what dist/server.js answers under Node for the same workspace on
// disk. Prints "N passed, N failed".
//   node test/vscode/harness/browser-worker.mjs
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deepStrictEqual } from 'node:assert';
import * as esbuild from 'esbuild';
import { checks } from '../../../scripts/checks.mjs';
import { CHROMIUM, ensureInstalled } from './vscode-web-install.mjs';
import { ROOT } from './vscode-suite.mjs';

const DOCUMENT = 'curve/2024-03-14.md';
const text = readFileSync(join(ROOT, 'examples', DOCUMENT), 'utf8');
/**
 * The workspace: the example, a configuration that changes a severity and names a roster (and
 * a person with a Chinese name: completing `@xw` needs the pinyin dictionary).
 */
const FILES = {
  [DOCUMENT]: text,
  '.minutesrc.json':
    '{\n  "rules": { "link/spaced-syntax": "error" },\n  "contributors": { "sources": ["team.json"], "handles": ["xiongwei 熊伟"] }\n}\n',
  'team.json': '{ "maintainers": ["example-dev", "another-dev"], "committers": ["roster-only"] }\n',
};
const TYPED = '@xw';
const lines = text.split('\n');
const completionLine = lines.findIndex((l) => l.includes('@another-dev'));
const COMPLETION_AT = { line: completionLine, character: lines[completionLine].indexOf('@another-dev') + 1 };

const { check, finish } = checks('browser');

const work = mkdtempSync(join(tmpdir(), 'minutes-browser-'));
const workspace = join(work, 'workspace');
let http;
let browser;
try {
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), content);
  }
  const bundle = (entry, platform, outfile) =>
    esbuild.build({
      entryPoints: [join(ROOT, entry)],
      outfile,
      bundle: true,
      platform,
      format: platform === 'node' ? 'cjs' : 'iife',
      logLevel: 'warning',
    });
  await bundle('test/browser/page.ts', 'browser', join(work, 'page.js'));
  await bundle('test/browser/node.ts', 'node', join(work, 'node-session.cjs'));

  // Under Node: the workspace on disk, file: URIs.
  const { runNodeSession } = createRequire(import.meta.url)(join(work, 'node-session.cjs'));
  const onNode = await runNodeSession(join(ROOT, 'dist', 'server.js'), {
    rootUri: pathToFileURL(workspace).href,
    files: FILES,
    document: DOCUMENT,
    completionAt: COMPLETION_AT,
    typed: TYPED,
  });

  // In the browser: the same folder path, on a file system only the page can read.
  const routes = {
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>minutes worker</title><script src="/page.js"></script>'],
    '/page.js': ['text/javascript', readFileSync(join(work, 'page.js'))],
    '/dist/browser/server.js': ['text/javascript', readFileSync(join(ROOT, 'dist', 'browser', 'server.js'))],
    '/dist/server-core.js': ['text/javascript', readFileSync(join(ROOT, 'dist', 'server-core.js'))],
  };
  const served = [];
  http = createServer((request, response) => {
    served.push(request.url);
    const route = routes[request.url];
    response.writeHead(route ? 200 : 404, { 'content-type': route ? `${route[0]}; charset=utf-8` : 'text/plain' });
    response.end(route ? route[1] : 'not found');
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const installed = ensureInstalled();
  browser = await installed
    .playwright()
    .chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Anything but this page's own server is refused: the worker must need no network.
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  await page.goto(`http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (http.address()).port}/`);
  const rootUri = `memfs://minutes${workspace.split('/').map(encodeURIComponent).join('/')}`;
  const inBrowser = await page.evaluate((options) => /** @type {any} */ (window).runMinutesSession(options), {
    rootUri,
    files: FILES,
    document: DOCUMENT,
    completionAt: COMPLETION_AT,
    typed: TYPED,
  });

  check('the worker ran without page errors', () => deepStrictEqual(pageErrors, []));
  check('the worker read the configuration and the roster through the page (minutes/readFiles)', () => {
    if (inBrowser.fileReads < 2) throw new Error(`only ${inBrowser.fileReads} file reads`);
  });
  check("the diagnostics are the Node server's, with the configured severity", () => {
    deepStrictEqual(inBrowser.diagnostics, onNode.diagnostics);
    const spaced = inBrowser.diagnostics.find((d) => d.code === 'link/spaced-syntax');
    if (!spaced || spaced.severity !== 1) throw new Error(`link/spaced-syntax should be an error (1): ${JSON.stringify(spaced)}`);
    const codes = new Set(inBrowser.diagnostics.map((d) => d.code));
    for (const code of [
      'template/missing-section',
      'link/duplicate-target',
      'link/number-mismatch',
      'handle/invalid',
      'style/cjk-emphasis',
      'template/numbering',
    ]) {
      if (!codes.has(code)) throw new Error(`no ${code} in ${[...codes].join(', ')}`);
    }
  });
  check("the code actions are the Node server's, with the fix of the spaced link", () => {
    deepStrictEqual(inBrowser.codeActions, onNode.codeActions);
    if (!inBrowser.codeActions.some((a) => a.edits.some((e) => e === '') && /space/i.test(a.title)))
      throw new Error(JSON.stringify(inBrowser.codeActions));
  });
  check("@-completion offers the roster file's logins, as on Node", () => {
    deepStrictEqual(inBrowser.completion, onNode.completion);
    for (const login of ['another-dev', 'roster-only'])
      if (!inBrowser.completion.includes(login)) throw new Error(`${login} missing from ${inBrowser.completion.join(', ')}`);
  });
  check('the worker loaded the server both entries share (dist/server-core.js)', () => {
    if (!served.includes('/dist/server-core.js')) throw new Error(`served: ${served.join(', ')}`);
  });
  check("@xw completes 熊伟's login through the pinyin dictionary, as on Node", () => {
    deepStrictEqual(inBrowser.completionTyped, onNode.completionTyped);
    if (!inBrowser.completionTyped.includes('xiongwei')) throw new Error(`xiongwei missing from ${inBrowser.completionTyped.join(', ')}`);
  });
  console.log(
    `browser worker: ${inBrowser.diagnostics.length} diagnostics, ${inBrowser.codeActions.length} code actions, ${inBrowser.completion.length} completions, ${inBrowser.fileReads} files read through the page`,
  );
} catch (error) {
  check('the browser worker session ran', false, error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await browser?.close();
  http?.close();
  rmSync(work, { recursive: true, force: true });
}
finish();
