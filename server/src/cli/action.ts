/**
 * The GitHub Action (action.yml at the repository root): turns the action's inputs and the
 * workflow's event into a `minutes-lint` command line and runs it. A pull request is checked
 * on the files it changes (`--changed-since` its base), with annotations on the lines
 * (`--format github`) and a job summary (`--summary "$GITHUB_STEP_SUMMARY"`).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The inputs of action.yml, as the composite step passes them (`INPUT_…`). */
export interface ActionInputs {
  paths: string[];
  changedFilesOnly: boolean;
  onlyChangedLines: boolean;
  maxWarnings?: string;
  config?: string;
  template?: string;
  lang?: string;
  online: boolean;
  sarifFile?: string;
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const input = (name: string) => env[`INPUT_${name}`]?.trim() || undefined;
  const flag = (name: string, fallback: boolean) => {
    const value = input(name)?.toLowerCase();
    return value === undefined ? fallback : value === 'true';
  };
  return {
    paths: (input('PATHS') ?? '.').split(/\s+/).filter(Boolean),
    changedFilesOnly: flag('CHANGED_FILES_ONLY', true),
    onlyChangedLines: flag('ONLY_CHANGED_LINES', false),
    maxWarnings: input('MAX_WARNINGS'),
    config: input('CONFIG'),
    template: input('TEMPLATE'),
    lang: input('LANG'),
    online: flag('ONLINE', false),
    sarifFile: input('SARIF_FILE'),
  };
}

/** The commit a run's changes are measured from: a pull request's base, or the commit a push started from. */
export function baseCommit(eventName: string | undefined, event: Record<string, unknown>): string | undefined {
  const field = (path: string[]): unknown =>
    path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), event);
  let sha: unknown;
  if (eventName === 'pull_request' || eventName === 'pull_request_target') sha = field(['pull_request', 'base', 'sha']);
  else if (eventName === 'merge_group') sha = field(['merge_group', 'base_sha']);
  else if (eventName === 'push') sha = field(['before']);
  // A push that creates a branch has no "before" (all zeros).
  return typeof sha === 'string' && /^[0-9a-f]{40,64}$/.test(sha) && !/^0+$/.test(sha) ? sha : undefined;
}

export interface RunShape {
  format: 'github' | 'sarif';
  base?: string;
  summaryFile?: string;
}

export function cliArguments(inputs: ActionInputs, { format, base, summaryFile }: RunShape): string[] {
  const args = ['--format', format];
  if (summaryFile) args.push('--summary', summaryFile);
  if (base) args.push('--changed-since', base);
  if (base && inputs.onlyChangedLines) args.push('--only-changed-lines');
  if (inputs.maxWarnings !== undefined) args.push('--max-warnings', inputs.maxWarnings);
  if (inputs.config) args.push('--config', inputs.config);
  if (inputs.template) args.push('--template', inputs.template);
  if (inputs.lang) args.push('--lang', inputs.lang);
  if (inputs.online) args.push('--online');
  return [...args, '--', ...inputs.paths];
}

/** actions/checkout fetches one commit: the base may have to be fetched before git can compare with it. */
function ensureCommit(sha: string, cwd: string): boolean {
  const has = () => spawnSync('git', ['cat-file', '-e', `${sha}^{commit}`], { cwd, stdio: 'ignore' }).status === 0;
  if (has()) return true;
  spawnSync('git', ['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', sha], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  return has();
}

export function runAction(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): number {
  const inputs = readInputs(env);
  let base: string | undefined;
  if (inputs.changedFilesOnly) {
    let event: Record<string, unknown> = {};
    try {
      if (env.GITHUB_EVENT_PATH) event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
    } catch {
      process.stdout.write('::warning title=minutes-lint::cannot read the event payload; every file under the paths is checked\n');
    }
    base = baseCommit(env.GITHUB_EVENT_NAME, event);
    if (!base)
      process.stdout.write(
        `::notice title=minutes-lint::a ${env.GITHUB_EVENT_NAME ?? 'manual'} run has no base commit: every file under the paths is checked\n`,
      );
    else if (!ensureCommit(base, cwd)) {
      process.stdout.write(`::error title=minutes-lint::cannot fetch the base commit ${base}; check out with "fetch-depth: 0"\n`);
      return 2;
    }
  }
  const cli = join(__dirname, 'cli.js');
  const childEnv = { ...env };
  // The token is the workflow's, given to minutes-lint only when the workflow asked for online checks.
  if (inputs.online && env.INPUT_GITHUB_TOKEN) childEnv.GITHUB_TOKEN = env.INPUT_GITHUB_TOKEN;
  else delete childEnv.GITHUB_TOKEN;
  const args = cliArguments(inputs, { format: 'github', base, summaryFile: env.GITHUB_STEP_SUMMARY });
  const status = spawnSync(process.execPath, [cli, ...args], { cwd, env: childEnv, stdio: 'inherit' }).status ?? 2;
  if (inputs.sarifFile) {
    // The same check as SARIF for code scanning: no summary twice, and its status is the first run's.
    const out = openSync(resolve(cwd, inputs.sarifFile), 'w');
    try {
      spawnSync(process.execPath, [cli, ...cliArguments(inputs, { format: 'sarif', base })], {
        cwd,
        env: childEnv,
        stdio: ['ignore', out, 'inherit'],
      });
    } finally {
      closeSync(out);
    }
  }
  return status;
}

if (require.main === module) process.exitCode = runAction();
