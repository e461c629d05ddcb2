// Shows that the in-host suite fails when the extension is broken: builds, copies the extension
// (never the shared dist/ in place), breaks the copy, and runs `test/vscode/harness/vscode-web.mjs` against it.
// It succeeds (exit 0) only when that run fails; a broken build that passes would mean the suite
// proves nothing. Not part of CI: test/vscode/README.md records what it printed.
//
//   node test/vscode/harness/vscode-broken-build.mjs [--break server|trust] [--no-build] [--keep]
//
//   server (default)  dist/server.js cut to half its length: the language server cannot start.
//                     Expected: the trusted run fails. Every test would wait for diagnostics
//                     that never come, so it runs the activation and per-template diagnostics
//                     tests (MOCHA_GREP, unless set) with 10 s per test (MINUTES_TEST_TIMEOUT).
//   trust             dist/extension.js reads every `workspace.isTrusted` as true: the extension
//                     tells the server the workspace is trusted and answers link look-ups in
//                     Restricted Mode. Expected: only the restricted run, and it fails (requests
//                     reach the local API).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './vscode-suite.mjs';

const argv = process.argv.slice(2);
const breakArg = argv.indexOf('--break');
const breakage = breakArg >= 0 ? argv[breakArg + 1] : 'server';
const say = (message) => console.log(`[broken-build] ${message}`);

/** Top-level entries a copy of the extension does without (dependencies are bundled into dist/). */
const LEFT_OUT = new Set(['node_modules', '.git', '.cache', 'out']);

const BREAKAGES = {
  server: {
    runnerArgs: ['--trusted-only'],
    env: {
      MOCHA_GREP: process.env.MOCHA_GREP ?? '^(activation|diagnostics in the Problems panel)',
      MINUTES_TEST_TIMEOUT: process.env.MINUTES_TEST_TIMEOUT ?? '10000',
    },
    apply(copy) {
      const file = join(copy, 'dist/server.js');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
      return `dist/server.js cut from ${text.length} to ${Math.floor(text.length / 2)} characters`;
    },
  },
  trust: {
    runnerArgs: ['--restricted-only'],
    env: {},
    apply(copy) {
      const file = join(copy, 'dist/extension.js');
      const text = readFileSync(file, 'utf8');
      const pattern = /\b[\w$]+\.workspace\.isTrusted\b/g;
      const count = text.match(pattern)?.length ?? 0;
      if (!count) throw new Error('dist/extension.js reads workspace.isTrusted nowhere: nothing to break');
      writeFileSync(file, text.replace(pattern, 'true'));
      return `${count} reads of workspace.isTrusted in dist/extension.js replaced by true`;
    },
  },
};

function main() {
  const chosen = BREAKAGES[breakage];
  if (!chosen) {
    say(`unknown --break ${breakage} (server or trust)`);
    return 2;
  }
  if (!argv.includes('--no-build')) {
    say('npm run build');
    if (spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) return 2;
  }
  const parent = mkdtempSync(join(tmpdir(), 'minutes-broken-'));
  const copy = join(parent, 'extension');
  try {
    cpSync(ROOT, copy, {
      recursive: true,
      filter: (source) => {
        const top = relative(ROOT, source).split(/[\\/]/)[0];
        return !LEFT_OUT.has(top) && !(statSync(source).isFile() && source.endsWith('.vsix'));
      },
    });
    say(`copied the extension to ${copy}; ${chosen.apply(copy)}`);
    // Its own suite bundle (inside the repository, for `require('mocha')`), so a normal run alongside is not disturbed.
    const env = { ...process.env, ...chosen.env, VSCODE_SUITE_OUT: join(ROOT, 'out/vscode-broken') };
    const args = [
      'test/vscode/harness/vscode-web.mjs',
      '--no-build',
      '--extension',
      copy,
      ...chosen.runnerArgs,
      ...(argv.includes('--keep') ? ['--keep'] : ['--discard']),
    ];
    say(`node ${args.join(' ')}`);
    const t0 = Date.now();
    const { status } = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
    const seconds = ((Date.now() - t0) / 1000).toFixed(0);
    if (status === 1) {
      say(`as expected, the suite failed against the broken extension (exit ${status}, ${seconds} s)`);
      return 0;
    }
    say(
      status === 0
        ? `the suite PASSED against a broken extension (${seconds} s): it does not prove what it claims`
        : `the runner itself failed (exit ${status}): no conclusion`,
    );
    return 1;
  } finally {
    if (argv.includes('--keep')) say(`kept ${parent}`);
    else rmSync(parent, { recursive: true, force: true });
    rmSync(join(ROOT, 'out/vscode-broken'), { recursive: true, force: true });
  }
}

process.exit(main());
