import assert from 'node:assert/strict';
import { addedLines } from '../../server/src/cli/git';
import { example, runCli, TempRepo } from './run';

interface JsonFile {
  path: string;
  diagnostics: Array<{ rule: string; line: number; severity: string }>;
}

const files = (stdout: string): JsonFile[] => (JSON.parse(stdout) as { files: JsonFile[] }).files;

describe('minutes-lint --changed-since and --only-changed-lines', function () {
  this.timeout(60000);
  let repo: TempRepo;
  const curve = example('curve/2024-03-14.md');
  const group = example('group/4.20会议记录.md');

  beforeEach(() => {
    repo = new TempRepo();
    repo.write('minutes/2024-03-14.md', curve).write('minutes/old/4.20会议记录.md', group).write('package.json', '{}\n');
    repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
  });
  afterEach(() => repo.dispose());

  it('checks only the minutes changed since the ref: committed, staged, unstaged and new', () => {
    // Line 17 (the #3110 link) changes; the old group minutes and package.json stay as they were.
    repo
      .write('minutes/2024-03-14.md', curve.replace('@David Lee', '@David Lee 与 @数名开发者'))
      .write('package.json', '{ "changed": true }\n');
    repo.commit('edit line 17');
    repo.write('minutes/staged.md', group);
    repo.git('add', 'minutes/staged.md');
    repo.write('minutes/untracked 会议.md', group);
    const r = runCli(['--format', 'json', '--changed-since', 'main'], repo.root);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      files(r.stdout)
        .map((f) => f.path)
        .sort(),
      ['minutes/2024-03-14.md', 'minutes/staged.md', 'minutes/untracked 会议.md'],
    );
  });

  it("compares with the merge base, so what landed on the ref later is not the branch's change", () => {
    repo.git('checkout', '-q', 'main');
    repo.write('minutes/old/4.20会议记录.md', `${group}\n- 新的一行\n`);
    repo.commit('a later change on main');
    repo.git('checkout', '-q', 'feature');
    const r = runCli(['--format', 'json', '--changed-since', 'main'], repo.root);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(files(r.stdout), []);
  });

  it('keeps to the PATHs given and to the extensions a walk takes', () => {
    repo
      .write('minutes/new.md', group)
      .write('other/new.md', group)
      .write('minutes/.drafts/hidden.md', group)
      .write('minutes/notes.rst', group);
    const r = runCli(['--format', 'json', '--changed-since', 'HEAD', 'minutes'], repo.root);
    assert.deepEqual(
      files(r.stdout).map((f) => f.path),
      ['minutes/new.md'],
    );
  });

  it('reports only problems on changed lines with --only-changed-lines; a new file counts as all changed', () => {
    repo.write('minutes/2024-03-14.md', curve.replace('@David Lee', '@David Lee 与 @数名开发者'));
    repo.write('minutes/new.md', group);
    const all = files(runCli(['--format', 'json', '--changed-since', 'main'], repo.root).stdout);
    const narrowed = files(runCli(['--format', 'json', '--changed-since', 'main', '--only-changed-lines'], repo.root).stdout);
    const curveAll = all.find((f) => f.path === 'minutes/2024-03-14.md')!.diagnostics;
    const curveChanged = narrowed.find((f) => f.path === 'minutes/2024-03-14.md')!.diagnostics;
    assert.ok(
      curveAll.some((d) => d.line !== 17),
      'the whole file has problems on other lines',
    );
    assert.ok(curveChanged.length >= 2);
    assert.ok(
      curveChanged.every((d) => d.line === 17),
      JSON.stringify(curveChanged),
    );
    assert.ok(curveChanged.some((d) => d.rule === 'handle/invalid'));
    assert.deepEqual(
      narrowed.find((f) => f.path === 'minutes/new.md')!.diagnostics,
      all.find((f) => f.path === 'minutes/new.md')!.diagnostics,
    );
  });

  it('explains a ref git does not know, a folder outside git, and options that need each other (exit 2)', () => {
    const unknown = runCli(['--changed-since', 'no-such-branch'], repo.root);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /"no-such-branch" is not a commit git knows here/);
    const outside = runCli(['--changed-since', 'HEAD', '.'], '/');
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /not in a git work tree/);
    const lonely = runCli(['--only-changed-lines', 'minutes'], repo.root);
    assert.equal(lonely.code, 2);
    assert.match(lonely.stderr, /--only-changed-lines needs --changed-since/);
    const withFix = runCli(['--changed-since', 'main', '--only-changed-lines', '--fix'], repo.root);
    assert.equal(withFix.code, 2);
    assert.match(withFix.stderr, /cannot be combined with --fix/);
  });

  it('reads the new side of diff hunks, including one-line and pure-deletion hunks', () => {
    const diff = [
      'diff --git a/x.md b/x.md',
      '--- a/x.md',
      '+++ b/x.md',
      '@@ -3 +3 @@',
      '-a',
      '+b',
      '@@ -10,2 +10,0 @@',
      '-c',
      '-d',
      '@@ -20,0 +19,3 @@',
      '+e',
      '+f',
      '+g',
    ].join('\n');
    assert.deepEqual(
      [...(addedLines(diff) as Set<number>)].sort((a, b) => a - b),
      [3, 19, 20, 21],
    );
    assert.equal(addedLines('diff --git a/n.md b/n.md\nnew file mode 100644\n--- /dev/null\n+++ b/n.md\n@@ -0,0 +1,2 @@\n+x\n+y'), 'all');
  });
});

describe('minutes-lint --max-warnings', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = new TempRepo();
    repo.write('4.20会议记录.md', example('group/4.20会议记录.md'));
  });
  afterEach(() => repo.dispose());

  it('exits 1 when there are more warnings than allowed, 0 when there are not', () => {
    const over = runCli(['--max-warnings', '0', '.'], repo.root);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /1 warnings, more than --max-warnings 0/);
    assert.equal(runCli(['--max-warnings', '1', '.'], repo.root).code, 0);
    assert.equal(runCli(['.'], repo.root).code, 0);
  });

  it('refuses a value that is not a whole number', () => {
    const r = runCli(['--max-warnings', 'many', '.'], repo.root);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--max-warnings must be a whole number/);
  });
});
