import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as run } from './run';

// A Curve minutes file without its `## 时间` section: one template/missing-section warning.
const CURVE_WITHOUT_TIME = `## 加入会议

会议号：000-0000-0000

## 会议内容

### 一、近期工作

- [预热共享缓存](https://github.com/opencurve/curve/pull/3101) @example-dev

### 二、开源社区

- 新增一篇部署指南

### 三、答疑 & 交流
`;

describe('minutes-lint', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-lint-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints usage with --help and exits 0', () => {
    const r = run(['--help'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: minutes-lint/);
  });

  it('exits 2 with a clear message for an unknown option or no path', () => {
    const unknown = run(['--frobnicate', 'x.md'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option --frobnicate/);
    const none = run([], dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no PATH given/);
  });

  it('exits 2 and names a path that does not exist', () => {
    const r = run(['no-such-minutes.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no such file or directory: no-such-minutes\.md/);
  });

  it('refuses a binary file with a clear error instead of linting garbage', () => {
    writeFileSync(join(dir, 'photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    const r = run(['photo.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /binary file/);
  });

  it('reports the detected template and 1-based UTF-16 positions in JSON', () => {
    writeFileSync(join(dir, '2024-03-14.md'), CURVE_WITHOUT_TIME);
    const r = run(['--format', 'json', '2024-03-14.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.files.length, 1);
    const file = json.files[0];
    assert.equal(file.path, '2024-03-14.md');
    assert.equal(file.template, 'curve-biweekly');
    const missing = file.diagnostics.filter((d: { rule: string }) => d.rule === 'template/missing-section');
    assert.equal(missing.length, 1);
    assert.equal(missing[0].severity, 'warning');
    assert.equal(missing[0].line, 1);
    assert.equal(missing[0].column, 1);
    assert.match(missing[0].message, /时间/);
    assert.equal(missing[0].fixes[0].edits[0].line, 1);
    assert.match(missing[0].fixes[0].edits[0].newText, /^## 时间\n/);
  });

  it('exits 1 when a rule configured as error fires, 0 when it is off', () => {
    writeFileSync(join(dir, '2024-03-14.md'), CURVE_WITHOUT_TIME);
    writeFileSync(join(dir, '.minutesrc.json'), '{\n  // comments are allowed\n  "rules": { "template/missing-section": "error" }\n}\n');
    assert.equal(run(['2024-03-14.md'], dir).code, 1);
    writeFileSync(join(dir, '.minutesrc.json'), '{ "rules": { "template/missing-section": "off" } }');
    const off = run(['--format', 'json', '2024-03-14.md'], dir);
    assert.equal(off.code, 0);
    assert.equal(
      JSON.parse(off.stdout).files[0].diagnostics.filter((d: { rule: string }) => d.rule === 'template/missing-section').length,
      0,
    );
  });

  it('reports a broken configuration, uses the defaults, and exits 2', () => {
    writeFileSync(join(dir, '2024-03-14.md'), CURVE_WITHOUT_TIME);
    writeFileSync(join(dir, '.minutesrc.json'), '{ "rules": { "template/missing-section": "loud" ');
    const r = run(['--format', 'json', '2024-03-14.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.minutesrc\.json:1:\d+: JSON syntax error/, 'the problem says where it is');
    const diagnostics = JSON.parse(r.stdout).files[0].diagnostics;
    assert.ok(
      diagnostics.some((d: { rule: string; severity: string }) => d.rule === 'template/missing-section' && d.severity === 'warning'),
    );
  });

  it('--fix applies safe fixes in place and leaves the rest of the text untouched', () => {
    const file = join(dir, '2024-03-14.md');
    writeFileSync(file, CURVE_WITHOUT_TIME);
    const r = run(['--fix', '2024-03-14.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    const fixed = readFileSync(file, 'utf8');
    assert.ok(fixed.startsWith('## 时间\n\n'), fixed);
    assert.ok(fixed.endsWith(CURVE_WITHOUT_TIME), 'the original text must follow unchanged');
    const again = JSON.parse(run(['--format', 'json', '2024-03-14.md'], dir).stdout);
    assert.equal(again.files[0].diagnostics.filter((d: { rule: string }) => d.rule === 'template/missing-section').length, 0);
  });

  it('--template forces a template and rejects an unknown one', () => {
    writeFileSync(join(dir, 'notes.md'), '# Notes\n\nnothing here\n');
    const forced = JSON.parse(run(['--format', 'json', '--template', 'curve-biweekly', 'notes.md'], dir).stdout);
    assert.equal(forced.files[0].template, 'curve-biweekly');
    const bad = run(['--template', 'no-such-template', 'notes.md'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /neither a built-in template/);
  });

  it('prints GitHub Actions annotations with --format github, escaping what the syntax reserves', () => {
    writeFileSync(join(dir, '2024-03-14.md'), CURVE_WITHOUT_TIME.replace('## 加入会议', '## 加入会议\n\n会议：100%, 见 a:b'));
    const r = run(['--format', 'github', '2024-03-14.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.ok(
      lines.every((l) =>
        /^::(?:error|warning|notice) file=2024-03-14\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::/.test(l),
      ),
      r.stdout,
    );
    assert.ok(
      lines.some((l) =>
        l.startsWith('::warning file=2024-03-14.md,line=1,col=1,endLine=1,endColumn=8,title=template/missing-section::Missing section'),
      ),
      r.stdout,
    );
  });

  it('speaks Chinese with --lang zh', () => {
    writeFileSync(join(dir, '2024-03-14.md'), CURVE_WITHOUT_TIME);
    const r = run(['--lang', 'zh', '2024-03-14.md'], dir);
    assert.match(r.stdout, /缺少模板 curve-biweekly 要求的章节「时间」/);
  });

  it('walks folders for .md files and skips other files and node_modules', () => {
    mkdirSync(join(dir, 'minutes'));
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'minutes', '2024-03-14.md'), CURVE_WITHOUT_TIME);
    writeFileSync(join(dir, 'node_modules', '2024-03-28.md'), CURVE_WITHOUT_TIME);
    writeFileSync(join(dir, 'minutes', 'notes.txt'), 'shopping list\n');
    const json = JSON.parse(run(['--format', 'json', '.'], dir).stdout);
    assert.deepEqual(
      json.files.map((f: { path: string }) => f.path),
      ['minutes/2024-03-14.md'],
    );
  });
});
