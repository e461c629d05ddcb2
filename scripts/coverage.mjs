// The core's line and branch coverage (server/src/core), by the mocha suites, mapped back to the
// TypeScript sources, and held at or above a floor:
//   npm run coverage                       builds the tests, runs the unit suites under c8, prints per file and in sum
//   npm run coverage -- --lines 90         the floor for the core's lines (default 90; exit 1 below it)
//
// Two traps make c8 over esbuild's bundles report a bogus 100% (every test bundle carries its own
// copy of the core):
// - c8 filters ranges with --include before it resolves the source map's paths (which Node gives as
//   file:// URLs), so a pattern like `server/src/core/**` drops every range and leaves the lines at
//   their "covered" default. `**/server/src/core/**` matches both the URL and the resolved path.
// - --all adds the core files no test loads, at 0%; files with only types emit no code and would
//   count as never run, so they are left out (found by transpiling each file).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const CORE = 'server/src/core';
const OUT = 'out/coverage';
const argv = process.argv.slice(2);
const linesAt = argv.indexOf('--lines');
const floor = linesAt >= 0 ? Number(argv[linesAt + 1]) : 90;
if (!Number.isFinite(floor)) throw new Error(`--lines needs a percentage, got ${argv[linesAt + 1]}`);

/** @param {string} dir @returns {string[]} */
function typeScriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Files whose JavaScript is empty: types, interfaces, `export type` only. */
const typeOnly = typeScriptFiles(CORE).filter((file) => {
  const { code } = esbuild.transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm' });
  return code.replace(/^export \{\s*\};?$/m, '').trim() === '';
});

/** @param {string} command @param {string[]} args */
function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

rmSync(OUT, { recursive: true, force: true });
if (run(process.execPath, ['scripts/build.mjs', '--tests']) !== 0) process.exit(2);
const c8 = [
  'node_modules/c8/bin/c8.js',
  '--temp-directory',
  join(OUT, 'tmp'),
  '--reports-dir',
  OUT,
  '--all',
  '--src',
  CORE,
  '--include',
  `**/${CORE}/**`,
  '--exclude-after-remap',
  ...typeOnly.flatMap((file) => ['--exclude', file]),
  '--reporter',
  'text',
  '--reporter',
  'text-summary',
  '--check-coverage',
  '--lines',
  String(floor),
  // The in-process suites, which call the core directly. The CLI, server and package suites run
  // the bundles in child processes: under c8 each child writes its whole coverage with source
  // maps (hundreds of MB in all), and on a loaded machine they ran past their timeouts. The
  // timeout is raised because an instrumented run is slower, and nothing here measures speed.
  'node_modules/mocha/bin/mocha.js',
  '--no-config',
  '--reporter',
  './scripts/mocha-reporter.cjs',
  '--timeout',
  '60000',
  'out/test/unit/**/*.test.js',
];
process.exitCode = run(process.execPath, c8);
