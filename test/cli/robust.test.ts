import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('minutes-lint on pathological minutes (issue 11)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-robust-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--fix on minutes ending in an unclosed fence: the second run fixes nothing and the file stops growing', () => {
    const file = join(dir, '2023-04-27.md');
    writeFileSync(file, '# Curve 双周会 2023-04-27\r\r## 时间\r\r2023/04/27 19:00~19:30\r\r```\rinvite without its closing fence\r');
    run(['--fix', '--template', 'curve-biweekly', '2023-04-27.md'], dir);
    const once = readFileSync(file, 'utf8');
    const second = run(['--fix', '--template', 'curve-biweekly', '2023-04-27.md'], dir);
    assert.equal(readFileSync(file, 'utf8'), once);
    assert.doesNotMatch(second.stdout, /fixed/);
    assert.ok(!once.includes('\n'), 'a CR-only file gets no LF');
  });

  it('reports every file of a run that holds nesting thousands deep, with no stack trace', () => {
    writeFileSync(join(dir, 'quotes.md'), `# Minutes 2024-05-02\n\n${'> '.repeat(4600)}\n`);
    writeFileSync(join(dir, 'lists.md'), `# Minutes 2024-05-02\n\n${'- '.repeat(2300)}\n`);
    writeFileSync(join(dir, 'ok.md'), '# Minutes 2024-05-02\n\nfine\n');
    const r = run(['--format', 'json', 'quotes.md', 'lists.md', 'ok.md'], dir);
    assert.doesNotMatch(r.stderr, /RangeError|at .*\.js:\d+/);
    const files = JSON.parse(r.stdout).files as Array<{ path: string; diagnostics: Array<{ rule: string }> }>;
    assert.deepEqual(
      files.map((f) => f.path),
      ['quotes.md', 'lists.md', 'ok.md'],
    );
    for (const f of files.slice(0, 2))
      assert.ok(
        f.diagnostics.some((d) => d.rule === 'style/markup-limit'),
        f.path,
      );
  });

  it('keeps the BOM of an LCTT article and adds no second header line', () => {
    const lctt = readFileSync(join(ROOT, 'test/fixtures/templates/lctt-published.md'), 'utf8');
    const file = join(dir, 'published.md');
    writeFileSync(file, `\uFEFF${lctt}`);
    const r = run(['--fix', '--format', 'json', '--template', 'lctt-article', 'published.md'], dir);
    const fixed = readFileSync(file, 'utf8');
    assert.equal(fixed.charCodeAt(0), 0xfeff);
    assert.equal((fixed.slice(1).match(/^\[#\]: subject:/gm) ?? []).length, (lctt.match(/^\[#\]: subject:/gm) ?? []).length);
    const diagnostics = JSON.parse(r.stdout).files[0].diagnostics as Array<{ rule: string }>;
    assert.deepEqual(
      diagnostics.filter((d) => d.rule === 'link/unused-definition'),
      [],
    );
  });
});
