import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const SERIES = join(ROOT, 'test', 'fixtures', 'series', 'storage-sync');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('minutes-lint learn, and linting a series', () => {
  let dir: string;
  let minutes: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-learn-'));
    minutes = join(dir, 'storage-sync');
    cpSync(SERIES, minutes, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the template learned from the series as JSON, and says what it learned from on stderr', () => {
    const r = run(['learn', 'storage-sync'], dir);
    assert.equal(r.code, 0, r.stderr);
    const template = JSON.parse(r.stdout);
    assert.equal(template.id, 'learned-storage-sync');
    assert.deepEqual(
      template.sections.filter((s: { required?: boolean }) => s.required).map((s: { names: string[] }) => s.names[0]),
      ['Attendees', '遗留问题', 'Agenda', 'Release status', 'Action items'],
    );
    assert.match(r.stderr, /learned learned-storage-sync from 5 of the 9 minutes in storage-sync \(2023-09-07 to 2024-03-07\)/);
  });

  it('--write puts it next to the minutes; pinned in .minutesrc.json it is the configured template', () => {
    const r = run(['learn', 'storage-sync', '--write'], dir);
    assert.equal(r.code, 0, r.stderr);
    const file = join(minutes, '.minutes-template.json');
    assert.ok(existsSync(file));
    assert.match(r.stderr, /"template": "\.\/\.minutes-template\.json"/);
    writeFileSync(join(minutes, '.minutesrc.json'), '{ "template": "./.minutes-template.json" }');
    // Delete a section the whole series has from an older file: the pinned template still requires it.
    const path = join(minutes, '2023', '2023-10-05.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^## 遗留问题\n[\s\S]*?(?=^## )/m, ''));
    const lint = run(['--format', 'json', 'storage-sync'], dir);
    const report = JSON.parse(lint.stdout).files.find((f: { path: string }) => f.path.endsWith('2023-10-05.md'));
    assert.equal(report.templateConfidence, 'configured');
    assert.deepEqual(
      report.diagnostics.map((d: { message: string }) => d.message),
      ['Missing section "遗留问题": 5 of the last 5 minutes in this folder have it (template learned-storage-sync).'],
    );
  });

  it('--write=FILE needs one series; learn needs a folder; a folder without a series has nothing to learn', () => {
    const written = run(['learn', 'storage-sync', '--write=custom.json'], dir);
    assert.equal(written.code, 0, written.stderr);
    assert.equal(JSON.parse(readFileSync(join(dir, 'custom.json'), 'utf8')).id, 'learned-storage-sync');
    assert.equal(run(['learn'], dir).code, 2);
    assert.equal(run(['learn', 'storage-sync', '--frobnicate'], dir).code, 2);
    rmSync(join(minutes, '2023'), { recursive: true });
    rmSync(join(minutes, '2024'), { recursive: true });
    const nothing = run(['learn', 'storage-sync'], dir);
    assert.equal(nothing.code, 1);
    assert.match(nothing.stderr, /nothing to learn/);
  });

  it('without configuration, the newest minutes are checked against the series, and the report says how sure it is', () => {
    const path = join(minutes, '2024', '2024-03-07.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^## Attendees\n[\s\S]*?(?=^## )/m, ''));
    const json = JSON.parse(run(['--format', 'json', path], dir).stdout).files[0];
    assert.equal(json.template, 'learned-storage-sync');
    assert.equal(json.templateConfidence, 'learned');
    assert.match(json.templateExplanation, /learned from 4 minutes in this folder \(storage-sync\/YYYY\) \(2023-09-07 to 2024-01-04\)/);
    assert.deepEqual(
      json.diagnostics.map((d: { rule: string }) => d.rule),
      ['template/missing-section'],
    );
    const text = run([path], dir).stdout;
    assert.match(text, /\(template: learned-storage-sync, learned from 4 minutes in this folder\)/);
    assert.match(text, /Templates:\n {2}learned-storage-sync \(learned\): learned from 4 minutes/);
    const zh = JSON.parse(run(['--format', 'json', '--lang', 'zh', path], dir).stdout).files[0];
    assert.match(zh.templateExplanation, /从此目录（storage-sync\/YYYY）的 4 份纪要学习得到/);
  });

  it('a file of the series that only guesses a template gets no structure findings', () => {
    const json = JSON.parse(run(['--format', 'json', 'storage-sync'], dir).stdout);
    const cancelled = json.files.find((f: { path: string }) => f.path.endsWith('2024-02-01.md'));
    assert.equal(cancelled.templateConfidence, 'guessed');
    // The series notes its one gap of a meeting (none in December); no file gets structure findings.
    const findings = json.files.flatMap((f: { diagnostics: Array<{ rule: string }> }) => f.diagnostics);
    assert.deepEqual(
      findings.filter((d: { rule: string }) => !d.rule.startsWith('series/')),
      [],
    );
    assert.deepEqual(
      findings.map((d: { rule: string }) => d.rule),
      ['series/missed-meeting'],
    );
  });
});
