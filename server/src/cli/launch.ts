/**
 * `minutes-lint` (dist/cli.js): starts the CLI bundle (dist/cli-main.js) from V8's code cache.
 *
 * Compiling the bundle is about a third of a one-file run. Node 20 has no compile cache of its
 * own (`module.enableCompileCache` is 22.1+), so this compiles the bundle with `vm.Script` and
 * the code V8 produced for it last time, kept in the user's cache folder: never in the folder
 * being checked, which a pull request controls. A cache V8 rejects (another Node, other flags)
 * is written again; a missing, unreadable or unwritable cache only costs the compile it would
 * have saved. Nothing here may change what the CLI prints or its exit status.
 */
import { closeSync, fstatSync, openSync, readFileSync, unlinkSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { fnv1a, newestFirst, readChecked, writeChecked } from '../node/checked-file';

/**
 * The bundle's SHA-256, written in by scripts/build.mjs, which also made that bundle all ASCII
 * (a watch build does neither).
 */
declare const BUNDLE_HASH: string | undefined;

/** The package's version, as the bundle prints it (scripts/build.mjs writes both in). */
declare const PACKAGE_VERSION: string | undefined;

const BUNDLE = join(__dirname, 'cli-main.js');
/** Cache files kept in the folder: one per installed version and Node in use, the oldest dropped. */
const KEPT = 4;

interface Bundle {
  source: string;
  /** What the code cache must have been made from: this bundle, this Node, these flags. */
  key: string;
}

function readBundle(): Bundle {
  const fd = openSync(BUNDLE, 'r');
  try {
    const { size, mtimeMs } = fstatSync(fd);
    const built = typeof BUNDLE_HASH === 'string';
    // Latin-1 is ASCII copied as it is; decoding UTF-8 cost as much as loading the compiled code.
    const source = readFileSync(fd, built ? 'latin1' : 'utf8');
    const hash = built ? BUNDLE_HASH : 'dev';
    // Size and time too: a bundle changed in place (a watch build) must not meet the old code.
    const key = [hash, size, mtimeMs, process.version, process.arch, process.execArgv.join(' '), process.env.NODE_OPTIONS ?? ''].join('\n');
    return { source, key };
  } finally {
    closeSync(fd);
  }
}

/**
 * `$XDG_CACHE_HOME/community-minutes`, `%LOCALAPPDATA%\community-minutes` on Windows, else
 * `~/.cache/community-minutes`; none when `MINUTES_LINT_NO_CACHE` is set (to anything but `0`).
 */
function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.MINUTES_LINT_NO_CACHE && env.MINUTES_LINT_NO_CACHE !== '0') return undefined;
  const base = env.XDG_CACHE_HOME || (process.platform === 'win32' ? env.LOCALAPPDATA : undefined) || join(homedir(), '.cache');
  return base ? join(base, 'community-minutes') : undefined;
}

/**
 * A cache file's body is the key's length, the key, then V8's data (behind a CRC-32: V8 does not
 * check its data in release builds, and a damaged cache would crash Node).
 */
function readCache(file: string, key: string): Buffer | undefined {
  const body = readChecked(file);
  if (!body || body.length < 4) return undefined;
  const keyEnd = 4 + body.readUInt32LE(0);
  return keyEnd <= body.length && body.toString('utf8', 4, keyEnd) === key ? body.subarray(keyEnd) : undefined;
}

function writeCache(folder: string, file: string, key: string, data: Buffer): void {
  const keyBytes = Buffer.from(key, 'utf8');
  const keyLength = Buffer.alloc(4);
  keyLength.writeUInt32LE(keyBytes.length);
  if (!writeChecked(file, Buffer.concat([keyLength, keyBytes, data]))) return;
  try {
    const caches = newestFirst(folder, (name) => name.startsWith('cli-') && name.endsWith('.v8cache'));
    for (const old of caches.slice(KEPT)) unlinkSync(old.path);
  } catch {
    // Another run removing the same file: whatever is left goes next time.
  }
}

function launch(): void {
  // What tools ask first (pre-commit, CI logs) needs nothing of the bundle: the bundle's answer, same text, same status.
  const argv = process.argv.slice(2);
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v') && typeof PACKAGE_VERSION === 'string') {
    process.stdout.write(`${PACKAGE_VERSION}\n`);
    return;
  }
  const { source, key } = readBundle();
  const folder = cacheFolder();
  const file = folder && join(folder, `cli-${fnv1a(key)}.v8cache`);
  const cached = file ? readCache(file, key) : undefined;
  const script = new Script(Module.wrap(source), { filename: BUNDLE, cachedData: cached });
  if (folder && file && (!cached || script.cachedDataRejected)) {
    // At exit, so the cache holds the functions this run compiled too, not only the top level.
    process.once('exit', () => writeCache(folder, file, key, script.createCachedData()));
  }
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  bundle.paths = module.paths;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(bundle.exports, bundle.exports, Module.createRequire(BUNDLE), bundle, BUNDLE, dirname(BUNDLE));
  bundle.loaded = true;
  // The bundle keeps its Markdown trees beside this cache, under this bundle's hash (node/tree-cache.ts).
  const cache = folder && typeof BUNDLE_HASH === 'string' ? { folder, bundleHash: BUNDLE_HASH } : undefined;
  (bundle.exports as { run(cache?: { folder: string; bundleHash: string }): void }).run(cache);
}

launch();
