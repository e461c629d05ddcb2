import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { example, runCli, TempRepo } from './run';

describe('minutes-lint - (standard input)', function () {
  this.timeout(60000);
  let repo: TempRepo;
  const curve = example('curve/2024-03-14.md');
  beforeEach(() => {
    repo = new TempRepo();
  });
  afterEach(() => repo.dispose());

  it('checks piped text as the file --stdin-filename names: its path chooses the template and the config', () => {
    repo.write('minutes/.minutesrc.json', '{ "rules": { "link/spaced-syntax": "error" } }');
    const r = runCli(['--format', 'json', '-', '--stdin-filename', 'minutes/2024-03-14.md'], repo.root, { input: curve });
    assert.equal(r.code, 1, r.stderr);
    const [file] = (
      JSON.parse(r.stdout) as {
        files: Array<{ path: string; template: string; diagnostics: Array<{ rule: string; severity: string; line: number }> }>;
      }
    ).files;
    assert.equal(file.path, 'minutes/2024-03-14.md');
    assert.equal(file.template, 'curve-biweekly');
    assert.deepEqual(
      file.diagnostics.find((d) => d.rule === 'link/spaced-syntax'),
      { ...file.diagnostics.find((d) => d.rule === 'link/spaced-syntax'), severity: 'error', line: 16 },
    );
  });

  it('without --stdin-filename, detects the template from the text alone', () => {
    const r = runCli(['-'], repo.root, { input: curve });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<stdin> {2}\(template: curve-biweekly/);
  });

  it('with --fix, prints the fixed text and nothing else, and leaves files alone', () => {
    repo.write('minutes/2024-03-14.md', curve);
    const r = runCli(['--fix', '-', '--stdin-filename', 'minutes/2024-03-14.md'], repo.root, { input: curve });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^## 时间\n\n.*\n\n## 加入会议\n/, 'the missing section is inserted where the template puts it');
    assert.ok(r.stdout.includes('- [快照清理修复](https://github.com/opencurve/curve/pull/3107)'), 'the spaced link is joined');
    assert.ok(!r.stdout.includes('[快照清理修复] ('));
    assert.equal(readFileSync(join(repo.root, 'minutes/2024-03-14.md'), 'utf8'), curve, 'the file on disk is not touched');
    // Text with nothing to fix comes back byte for byte.
    const clean = '# 4.20 会议记录\n\n## 会议主题\n\n确定技术路线\n';
    assert.equal(runCli(['--fix', '-', '--stdin-filename', '4.20会议记录.md'], repo.root, { input: clean }).stdout, clean);
  });

  it('refuses - with other paths, --stdin-filename without -, and binary input', () => {
    const mixed = runCli(['-', 'other.md'], repo.root, { input: '' });
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /cannot be combined with other paths/);
    const orphan = runCli(['--stdin-filename', 'x.md', 'x.md'], repo.root);
    assert.equal(orphan.code, 2);
    assert.match(orphan.stderr, /add - to the command/);
    const binary = runCli(['-', '--stdin-filename', 'x.md'], repo.root, { input: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]) });
    assert.equal(binary.code, 2);
    assert.match(binary.stdout, /binary file/);
  });
});
