// Runs the extension in a real VS Code here, offline: code-server 4.100.3 (VS Code 1.100.3's
// server and web workbench) opened by Debian's Chromium through playwright-core.
//
//   node test/vscode/harness/vscode-web.mjs        the in-host mocha suite (test/vscode/suite) inside the
//                                      extension host, loaded from this checkout   (test:vscode-web):
//                                      a trusted run, then a short run in Restricted Mode
//                                      (*.restricted.test.ts), both against a local stand-in
//                                      for GitHub's API (test/vscode/harness/vscode-link-server.mjs)
//   node test/vscode/harness/vscode-web.mjs --ui   packages the .vsix, installs it, and drives the workbench
//                                      with the UI tests of test/vscode/ui          (test:ui)
//   node test/vscode/harness/vscode-web.mjs --real the same over real minutes from ../shared/corpus, with the
//                                      tests of test/vscode/ui/real: the README's
//                                      screenshots (npm run screenshots; exits 0 at once
//                                      without the corpus, which only CI and the build machine have)
//
// Options: --no-build (use dist/ as it is), --keep (keep the run folder), --install-only,
// --trusted-only / --restricted-only (one of the two suite runs), --extension DIR (load the
// extension from DIR instead of this checkout: a copy with a broken build, to see the suite fail),
// --discard (delete the run folder even when a test failed).
// Environment: MINUTES_VSCODE_CACHE (default .cache/vscode-web), VSCODE_WEB_TIMEOUT (seconds,
// default 600), VSCODE_WEB_VERBOSE=1 (also the workbench's own log lines), VSCODE_WEB_NO_APT=1,
// CHROMIUM_PATH, MOCHA_GREP (reaches the trusted run's suite: the extension host inherits this
// environment; the restricted run always runs all of its few tests),
// MINUTES_UI_SCREENSHOTS (default docs/images), UI_GREP (runs the UI tests whose name matches),
// MINUTES_CORPUS (--real: the corpus, default ../shared/corpus).
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
import { startLinkServer } from './vscode-link-server.mjs';
import { buildSuite, copyWorkspace, ROOT, SUITE_RUNS } from './vscode-suite.mjs';

const argv = process.argv.slice(2);
const args = new Set(argv);
const extensionArg = argv.indexOf('--extension');
/** The extension under test: this checkout, or a copy of it given with --extension. */
const extensionDir = extensionArg >= 0 && argv[extensionArg + 1] ? resolve(argv[extensionArg + 1]) : ROOT;
/** The screenshots of real minutes (test/vscode/ui/real): a UI run on a workspace copied from the corpus. */
const realMode = args.has('--real');
const uiMode = args.has('--ui') || realMode;
const keep = args.has('--keep') || !!process.env.VSCODE_WEB_KEEP;
/** Failures are expected (test/vscode/harness/vscode-broken-build.mjs): do not keep their run folders. */
const discard = args.has('--discard');
const verbose = !!process.env.VSCODE_WEB_VERBOSE;
const timeoutMs = Number(process.env.VSCODE_WEB_TIMEOUT ?? 600) * 1000;
/** Where run folders go (taken before a run points TMPDIR into its own folder). */
const SYSTEM_TMP = tmpdir();
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--lang=en-US',
  // communityMinutes.openRuleDocs opens a page from the extension host, without a click.
  '--disable-popup-blocking',
];

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

/**
 * Restricted Mode: trust on, the folder never trusted (a fresh profile trusts nothing) and no
 * prompt asking. The user setting for online checks is on as well, so that neither way of
 * asking for them (setting or the fixture's `links.online`) may reach the network.
 */
const RESTRICTED_SETTINGS = {
  ...USER_SETTINGS,
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
  'communityMinutes.links.online': true,
};

/** Workbench chatter that reaches codeAutomationLog next to the tests' output (all of it is in driver.log). */
const WORKBENCH_NOISE =
  /^(?:Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[Service Worker\]|ChatSessionStore|Ignoring fetching additional builtin extensions|Started local extension host|Loading development extension|\[perf\]|\[Extension Host\] (?:Debugger|Extension host agent))/;

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed (exit ${result.status})`);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolvePort(port));
    });
  });
}

function waitForHealthy(base, child, ms) {
  const deadline = Date.now() + ms;
  return /** @type {Promise<void>} */ (
    new Promise((resolveReady, reject) => {
      const retry = () => {
        if (child.exitCode !== null) reject(new Error(`code-server exited with ${child.exitCode}`));
        else if (Date.now() > deadline) reject(new Error(`code-server did not answer within ${ms} ms`));
        else setTimeout(poll, 100);
      };
      const poll = () =>
        http
          .get(`${base}/healthz`, (res) => {
            res.resume();
            if (res.statusCode === 200) resolveReady();
            else retry();
          })
          .on('error', retry);
      poll();
    })
  );
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
    } catch {
      /* gone meanwhile */
    }
  }
  return members;
}

/**
 * One run: a temporary folder holding everything VS Code and Chromium write (user data,
 * extensions, sockets, logs, a copy of the fixtures workspace), and the code-server process
 * group, which is stopped as a whole when the run ends.
 */
class Run {
  /**
   * `restricted`: workspace trust on and the folder untrusted; `linkServer`: the local API's address;
   * `workspace(dir)`: makes the folder to open inside the run folder (default: a copy of the fixtures).
   * @param {{ restricted?: boolean, linkServer?: string, workspace?: (dir: string) => string }} [options]
   */
  constructor({ restricted = false, linkServer, workspace } = {}) {
    this.restricted = restricted;
    this.linkServer = linkServer;
    this.dir = mkdtempSync(join(SYSTEM_TMP, 'minutes-vscode-web-'));
    for (const sub of ['user-data/User', 'extensions', 'logs', 'tmp', 'xdg-data', 'xdg-config', 'xdg-cache'])
      mkdirSync(join(this.dir, sub), { recursive: true });
    // The user confirms the local API for github.com (a user setting, as the network is the
    // user's); the online tests turn `communityMinutes.links.online` on themselves.
    const confirmed = linkServer ? { 'communityMinutes.links.api': { 'github.com': linkServer } } : {};
    writeFileSync(
      join(this.dir, 'user-data/User/settings.json'),
      JSON.stringify(restricted ? RESTRICTED_SETTINGS : { ...USER_SETTINGS, ...confirmed }, null, 2),
    );
    this.workspace = workspace ? workspace(this.dir) : copyWorkspace(this.dir, { linkServer });
    this.server = undefined;
    this.log = createWriteStream(join(this.dir, 'logs/driver.log'));
  }

  /** code-server with every file it writes redirected into the run folder. */
  codeServerEnv() {
    const env = { ...process.env };
    // The restricted run's few tests all run, whatever the trusted run was narrowed to.
    if (this.restricted) delete env.MOCHA_GREP;
    return {
      ...env,
      // Read by the suite (index.ts picks the run's files; the link tests ask the local API what arrived).
      MINUTES_VSCODE_RUN: this.restricted ? SUITE_RUNS.restricted : SUITE_RUNS.trusted,
      ...(this.linkServer ? { MINUTES_LINK_SERVER: this.linkServer } : {}),
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
    return [
      '--user-data-dir',
      join(this.dir, 'user-data'),
      '--extensions-dir',
      join(this.dir, 'extensions'),
      '--config',
      join(this.dir, 'config.yaml'),
    ];
  }

  installExtension(entry, vsix) {
    run(process.execPath, [entry, ...this.codeServerArgs(), '--install-extension', vsix], {
      env: this.codeServerEnv(),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }

  async start(entry) {
    this.port = await freePort();
    this.base = `http://127.0.0.1:${this.port}`;
    // detached: the server leads a new process group, so one signal reaches the extension
    // hosts, the language server, the file watcher and the pty host it starts.
    // cwd: the extension host inherits it, as under `npm test` with @vscode/test-electron.
    const out = createWriteStream(join(this.dir, 'logs/server.log'));
    await new Promise((r) => out.once('open', r));
    this.server = spawn(
      process.execPath,
      [
        entry,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${this.port}`,
        '--disable-telemetry',
        '--disable-update-check',
        ...(this.restricted ? [] : ['--disable-workspace-trust']),
        '--disable-getting-started-override',
        ...this.codeServerArgs(),
      ],
      { cwd: ROOT, env: this.codeServerEnv(), detached: true, stdio: ['ignore', out, out] },
    );
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
    // Playwright makes Chromium's temporary profile in TMPDIR: in the run folder, for this launch only.
    const systemTmp = process.env.TMPDIR;
    process.env.TMPDIR = join(this.dir, 'tmp');
    try {
      return await playwright.chromium.launch({
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
        // Chromium's crash reports and dconf go to XDG folders; keep them in the run folder.
        env: { ...process.env, XDG_CONFIG_HOME: join(this.dir, 'xdg-config'), XDG_CACHE_HOME: join(this.dir, 'xdg-cache') },
      });
    } finally {
      if (systemTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = systemTmp;
    }
  }

  async stop(failed) {
    const pgid = this.server?.pid;
    if (pgid) {
      try {
        process.kill(-pgid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      for (let i = 0; i < 50 && groupMembers(pgid).length; i++) await new Promise((r) => setTimeout(r, 100));
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    await new Promise((r) => this.log.end(r));
    if ((failed && !discard) || keep) say(`run folder kept: ${this.dir} (logs/driver.log, logs/server.log, user-data/logs)`);
    else rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The in-host suite: the workbench loads the extension (this checkout, or --extension) and runs
 * run() in its host. Returns the exit code and the suite's own `N passed, N failed` counts.
 * `linkServer` (the local API) also learns which external pages the browser was asked to open.
 */
async function runSuite(current, installed, testsEntry, linkServer) {
  await current.start(installed.codeServerEntry);
  const browser = await current.launchBrowser(installed.playwright());
  const counts = { passed: 0, failed: 0 };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const write = (line) => current.log.write(`${line}\n`);
    page.on('console', (m) => write(`[console.${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => write(`[pageerror] ${e.message}`));
    // vscode.env.openExternal ends in a new browser tab: its navigation is what the tests can see.
    page.context().on('request', (request) => {
      const url = request.url();
      if (linkServer && request.isNavigationRequest() && /^https?:/.test(url) && !url.startsWith(current.base)) {
        linkServer.opened.push(url);
        write(`[opened] ${url}`);
      }
    });
    let finish;
    const finished = new Promise((r) => {
      finish = r;
    });
    page.on('console', (m) => {
      if (/No extension host found that can launch the test runner/.test(m.text())) finish({ code: 2, why: m.text() });
    });
    // Both must exist before the workbench boots: it looks them up on window.
    await page.exposeFunction('codeAutomationLog', (level, logArgs) => {
      const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      write(`[${level}] ${text}`);
      const summary = /^\s*(\d+) passed, (\d+) failed/.exec(text);
      if (summary) Object.assign(counts, { passed: Number(summary[1]), failed: Number(summary[2]) });
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
    await page.goto(
      current.url([
        ['extensionDevelopmentPath', current.remoteUri(extensionDir)],
        ['extensionTestsPath', current.remoteUri(testsEntry)],
        ['skipWelcome', 'true'],
      ]),
    );
    const { code, why } = await finished;
    clearTimeout(timer);
    say(why);
    if (code !== 0) await page.screenshot({ path: join(current.dir, 'logs/final.png') }).catch(() => {});
    return { code, ...counts };
  } finally {
    await browser.close().catch(() => {});
  }
}

/**
 * One code-server run of the suite (its own folder and process group). The restricted run
 * also checks, from outside VS Code, that the local API heard nothing while it ran.
 */
async function suiteRun(name, installed, testsEntry, linkServer) {
  const restricted = name === SUITE_RUNS.restricted;
  say(restricted ? 'the restricted run: workspace trust on, the folder not trusted' : 'the trusted run');
  const current = new Run({ restricted, linkServer: linkServer.url });
  activeRun = current;
  linkServer.reset();
  let result = { code: 2, passed: 0, failed: 0 };
  try {
    result = await runSuite(current, installed, testsEntry, linkServer);
  } finally {
    await current.stop(result.code !== 0);
    activeRun = undefined;
  }
  if (restricted) {
    const heard = linkServer.requests;
    say(
      `the local API heard ${heard.length} request(s) during the restricted run${heard.length ? `: ${heard.map((r) => r.path).join(', ')}` : ''}`,
    );
    if (heard.length) return { code: 1, passed: result.passed, failed: result.failed + 1 };
  }
  return result;
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
  const uiDir = join(ROOT, realMode ? 'test/vscode/ui/real' : 'test/vscode/ui');
  const files = readdirSync(uiDir)
    .filter((f) => f.endsWith('.ui.mjs'))
    .sort();
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
          test.run({
            page,
            url: current.url(),
            workspace: current.workspace,
            screenshots,
            userSettings: join(current.dir, 'user-data/User/settings.json'),
            log: (...a) => current.log.write(`[${file}] ${format(...a)}\n`),
          }),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 180 s')), 180_000)),
        ]);
        console.log(`  ✓ ${test.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
        passed++;
      } catch (error) {
        failed++;
        console.log(
          `  ✗ ${test.name}\n    ${String(error instanceof Error ? (error.stack ?? error) : error)
            .split('\n')
            .join('\n    ')}`,
        );
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

/** The run in progress, stopped (and kept) when the runner is interrupted. */
let activeRun;

async function main() {
  const real = realMode ? await import(pathToFileURL(join(ROOT, 'test/vscode/ui/real/workspace.mjs')).href) : undefined;
  const missing = real?.missingFromCorpus() ?? [];
  if (missing.length) {
    say(`the screenshots of real minutes need the corpus: ${missing.map((f) => join(real.CORPUS, f)).join(', ')} not found; nothing run`);
    return 0;
  }
  const installed = ensureInstalled();
  if (args.has('--install-only')) return 0;
  if (!args.has('--no-build') && !uiMode) {
    say('npm run build');
    run('npm', ['run', '--silent', 'build']);
  }
  const stopOnSignal = (signal) => {
    void Promise.resolve(activeRun?.stop(true)).then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  if (uiMode) {
    const current = new Run(real ? { workspace: (dir) => real.copyRealMinutes(dir) } : {});
    activeRun = current;
    let code = 2;
    try {
      code = await runUi(current, installed);
    } finally {
      await current.stop(code !== 0);
    }
    return code;
  }

  const runs = args.has('--restricted-only')
    ? [SUITE_RUNS.restricted]
    : args.has('--trusted-only')
      ? [SUITE_RUNS.trusted]
      : [SUITE_RUNS.trusted, SUITE_RUNS.restricted];
  const testsEntry = await buildSuite();
  const linkServer = await startLinkServer({ observesBrowser: true });
  const results = [];
  try {
    for (const name of runs) {
      const t0 = Date.now();
      results.push({ name, ...(await suiteRun(name, installed, testsEntry, linkServer)), seconds: (Date.now() - t0) / 1000 });
    }
  } finally {
    await linkServer.close();
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  if (results.length > 1)
    say(results.map((r) => `${r.name} run: ${r.passed} passed, ${r.failed} failed (exit ${r.code}, ${r.seconds.toFixed(0)} s)`).join('; '));
  // The line CI reads, for both runs together.
  console.log(`\n${passed} passed, ${failed} failed`);
  return Math.max(...results.map((r) => r.code)) || (passed ? 0 : 2);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    say(`ERROR: ${error?.stack ?? error}`);
    process.exit(2);
  },
);
