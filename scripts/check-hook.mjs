// The pre-commit hook (.pre-commit-hooks.yaml), run by the pre-commit framework itself on a
// throw-away repository: `pre-commit try-repo <this repository> minutes-lint --all-files`.
// pre-commit installs this repository the way it installs any node hook (npm install, npm pack,
// npm install -g), so this also proves the package builds from a clone. npm reads its cache
// first (the registry only for what the cache lacks). Prints "N passed, N failed".
//   node scripts/check-hook.mjs
// pre-commit comes from Debian (apt-get install pre-commit) when it is missing and this runs as root.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptInstall, checks, have } from './checks.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

if (!have('pre-commit')) aptInstall(['pre-commit']);
if (!have('pre-commit')) {
  console.error('check-hook: pre-commit is not installed (apt-get install pre-commit) and cannot be installed here');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'minutes-hook-'));
const repo = join(work, 'repo');
// The hook is installed from a clone of this repository's last commit (try-repo adds uncommitted
// changes to tracked files), into a pre-commit home of its own, so no earlier install is reused.
const env = {
  ...process.env,
  PRE_COMMIT_HOME: join(work, 'pre-commit-home'),
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  NO_COLOR: '1',
};
const { check, finish } = checks('hook');

try {
  mkdirSync(join(repo, 'minutes'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.email', 'hook@example.invalid');
  git(repo, 'config', 'user.name', 'Hook');
  // Published LCTT minutes with placeholders left in (error severity), and a plain-text file the hook must not touch.
  cpSync(join(ROOT, 'examples', 'lctt'), join(repo, 'minutes', 'lctt'), { recursive: true });
  writeFileSync(join(repo, 'requirements.txt'), 'left-pad==1.0\n');
  git(repo, 'add', '-A');

  const tryRepo = () =>
    spawnSync('pre-commit', ['try-repo', ROOT, 'minutes-lint', '--all-files', '--verbose'], {
      cwd: repo,
      env,
      encoding: 'utf8',
      timeout: 15 * 60 * 1000,
    });
  const failing = tryRepo();
  const failingOutput = `${failing.stdout}\n${failing.stderr}`;
  check('the hook fails on minutes with errors', failing.status === 1 && /minutes-lint\.+Failed/.test(failingOutput), failingOutput);
  check(
    'and names the file and the rule',
    /20240501 A Sample Article About Minutes\.md/.test(failingOutput) && /template\/placeholder/.test(failingOutput),
    failingOutput,
  );
  check('it checks Markdown only, not requirements.txt', !/requirements\.txt/.test(failingOutput), failingOutput);

  // The author fixes the placeholders and the missing definition: the commit may go ahead.
  const article = join(repo, 'minutes', 'lctt', 'published', '202405', '20240501 A Sample Article About Minutes.md');
  const fixed = readFileSync(article, 'utf8')
    .replaceAll('校对者ID', 'example-reviewer')
    .replace('publisher: " "', 'publisher: "example-publisher"')
    .replace('[工具][2]', '[工具][1]')
    .replace('译者：[another-translator]', '译者：[example-translator]');
  writeFileSync(article, fixed);
  git(repo, 'add', '-A');
  const passing = tryRepo();
  const passingOutput = `${passing.stdout}\n${passing.stderr}`;
  check('the hook passes once the errors are fixed', passing.status === 0 && /minutes-lint\.+Passed/.test(passingOutput), passingOutput);
} finally {
  rmSync(work, { recursive: true, force: true });
}
finish();
