/**
 * action.yml, run the way the GitHub runner runs a composite action: each step's `run` in bash
 * with its `env`, `${{ inputs.* }}` filled from the inputs (or their defaults), GITHUB_* set
 * as on a pull request, in a real git repository with a base and a head commit.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { baseCommit, readInputs } from '../../server/src/cli/action';
import { ROOT } from '../helpers';
import { example, TempRepo } from './run';

interface CompositeAction {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Array<{ name: string; shell: string; run: string; env?: Record<string, string> }> };
}

const ACTION = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as CompositeAction;
const TOKEN = 'ghs_test-token';

/** `${{ inputs.name }}` and `${{ github.token }}`: the only expressions the action may use. */
function expand(value: string, inputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expression: string) => {
    if (expression === 'github.token') return TOKEN;
    const name = expression.replace(/^inputs\./, '');
    if (!expression.startsWith('inputs.') || !(name in ACTION.inputs))
      throw new Error(`action.yml uses an expression the test does not know: ${expression}`);
    return inputs[name] ?? expand(ACTION.inputs[name].default ?? '', inputs);
  });
}

interface ActionRun {
  status: number;
  stdout: string;
  summary: string;
}

function runAction(repo: TempRepo, event: { name: string; payload: unknown }, inputs: Record<string, string> = {}): ActionRun {
  const eventPath = join(repo.root, '..', `${repo.root.split('/').pop()}-event.json`);
  const summaryPath = `${eventPath}.summary.md`;
  writeFileSync(eventPath, JSON.stringify(event.payload));
  writeFileSync(summaryPath, '');
  let stdout = '';
  let status = 0;
  for (const step of ACTION.runs.steps) {
    assert.equal(step.shell, 'bash');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_WORKSPACE: repo.root,
      GITHUB_EVENT_NAME: event.name,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'org/minutes',
      GITHUB_SHA: repo.git('rev-parse', 'HEAD').trim(),
    };
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = expand(value, inputs);
    const r = spawnSync('bash', ['-e', '-c', step.run], { cwd: repo.root, env, encoding: 'utf8' });
    stdout += r.stdout;
    status = r.status ?? 2;
    if (status !== 0) break;
  }
  return { status, stdout, summary: readFileSync(summaryPath, 'utf8') };
}

function annotations(stdout: string): Array<{ level: string; file: string; line: number; rule: string }> {
  return [...stdout.matchAll(/^::(error|warning|notice) file=([^,]+),line=(\d+),col=\d+,endLine=\d+,endColumn=\d+,title=([^:]+)::/gm)].map(
    (m) => ({
      level: m[1],
      file: decodeURIComponent(m[2]),
      line: Number(m[3]),
      rule: decodeURIComponent(m[4]),
    }),
  );
}

describe('the GitHub Action (action.yml)', function () {
  // Each run starts bash, the action and minutes-lint: on a loaded machine that takes seconds.
  this.timeout(60000);
  let repo: TempRepo;
  let base: string;
  const curve = example('curve/2024-03-14.md');
  const group = example('group/4.20会议记录.md');
  const pullRequest = () => ({
    name: 'pull_request',
    payload: { pull_request: { number: 7, base: { sha: base }, head: { sha: repo.git('rev-parse', 'HEAD').trim() } } },
  });

  beforeEach(() => {
    repo = new TempRepo();
    repo.write('minutes/2024-03-14.md', curve).write('minutes/old/4.20会议记录.md', group);
    base = repo.commit('base');
    // The pull request: one line of the Curve minutes changes, one new file, the old minutes untouched.
    repo.write('minutes/2024-03-14.md', curve.replace('@David Lee', '@David Lee 与 @数名开发者')).write('minutes/2024-04-11.md', curve);
    repo.commit('head');
  });
  afterEach(() => repo.dispose());

  it('is a composite action whose expressions are only its inputs', () => {
    assert.equal(ACTION.runs.using, 'composite');
    for (const step of ACTION.runs.steps) for (const value of Object.values(step.env ?? {})) expand(value, {});
  });

  it('annotates the files a pull request changes and writes a job summary with rule links', () => {
    const r = runAction(repo, pullRequest());
    assert.equal(r.status, 0, r.stdout);
    const found = annotations(r.stdout);
    assert.deepEqual([...new Set(found.map((a) => a.file))].sort(), ['minutes/2024-03-14.md', 'minutes/2024-04-11.md']);
    assert.ok(
      found.some((a) => a.file === 'minutes/2024-03-14.md' && a.line === 16 && a.rule === 'link/spaced-syntax' && a.level === 'warning'),
    );
    assert.match(r.summary, /^## minutes-lint\n\n\*\*files checked: 2 · errors: 0 · warnings: 1[67] · info: 0\*\*/);
    assert.match(r.summary, /\| minutes\/2024-04-11\.md \| `curve-biweekly` \| 0 \| 8 \| 0 \|/);
    assert.match(r.summary, /### minutes\/2024-03-14\.md/);
    assert.match(
      r.summary,
      /\[`handle\/invalid`\]\(https:\/\/github\.com\/community-minutes\/community-minutes\/blob\/main\/docs\/rules\/handle\/invalid\.md\)/,
    );
    assert.ok(!r.summary.includes('4.20会议记录'), 'a file the pull request did not touch is not in the summary');
  });

  it('with only-changed-lines, annotates only the changed lines (all lines of a new file)', () => {
    const r = runAction(repo, pullRequest(), { 'only-changed-lines': 'true' });
    assert.equal(r.status, 0, r.stdout);
    const found = annotations(r.stdout);
    const edited = found.filter((a) => a.file === 'minutes/2024-03-14.md');
    assert.ok(edited.length >= 2);
    assert.ok(
      edited.every((a) => a.line === 17),
      JSON.stringify(edited),
    );
    assert.equal(found.filter((a) => a.file === 'minutes/2024-04-11.md').length, 8);
  });

  it('fails the step on error-severity problems', () => {
    repo.write('minutes/.minutesrc.json', '{ "rules": { "link/spaced-syntax": "error" } }');
    repo.commit('the team makes spaced links errors');
    const errors = runAction(repo, pullRequest());
    assert.equal(errors.status, 1);
    assert.ok(annotations(errors.stdout).some((a) => a.level === 'error' && a.rule === 'link/spaced-syntax'));
  });

  it('fails the step on more warnings than max-warnings', () => {
    const over = runAction(repo, pullRequest(), { 'max-warnings': '3' });
    assert.equal(over.status, 1);
    assert.match(over.stdout, /::warning /, 'the annotations are still written');
  });

  it('checks every file when the event has no base (a manual run), and says so', () => {
    const r = runAction(repo, { name: 'workflow_dispatch', payload: {} });
    assert.match(r.stdout, /^::notice title=minutes-lint::a workflow_dispatch run has no base commit/m);
    assert.ok(annotations(r.stdout).some((a) => a.file === 'minutes/old/4.20会议记录.md'));
  });

  it('writes SARIF too when asked, with the same findings, and the summary once', () => {
    const r = runAction(repo, pullRequest(), { 'sarif-file': 'minutes.sarif' });
    assert.equal(r.status, 0, r.stdout);
    const sarif = JSON.parse(readFileSync(join(repo.root, 'minutes.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    assert.equal(sarif.runs[0].results.length, annotations(r.stdout).length);
    assert.equal(r.summary.match(/## minutes-lint/g)?.length, 1, 'one summary, not two');
  });

  it('reads its inputs and the base commit of pull requests, merge queues and pushes', () => {
    const sha = 'b'.repeat(40);
    assert.equal(baseCommit('pull_request', { pull_request: { base: { sha } } }), sha);
    assert.equal(baseCommit('pull_request_target', { pull_request: { base: { sha } } }), sha);
    assert.equal(baseCommit('merge_group', { merge_group: { base_sha: sha } }), sha);
    assert.equal(baseCommit('push', { before: sha }), sha);
    assert.equal(baseCommit('push', { before: '0'.repeat(40) }), undefined, 'a new branch has no before');
    assert.equal(baseCommit('push', { before: '--upload-pack=evil' }), undefined);
    const inputs = readInputs({ INPUT_PATHS: 'minutes\ndocs/meetings  other', INPUT_ONLY_CHANGED_LINES: 'TRUE', INPUT_MAX_WARNINGS: '' });
    assert.deepEqual(inputs.paths, ['minutes', 'docs/meetings', 'other']);
    assert.equal(inputs.onlyChangedLines, true);
    assert.equal(inputs.changedFilesOnly, true);
    assert.equal(inputs.maxWarnings, undefined);
  });
});
