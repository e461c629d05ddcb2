/**
 * Text that is not read from its file (standard input with --stdin-filename, the Node API's
 * `text`) still gets its series' template: the siblings on disk are read, and the text stands
 * for the file it names.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../server/src/api';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const SERIES = join(ROOT, 'test', 'fixtures', 'series', 'storage-sync');

describe('series for text given on stdin or to the Node API', () => {
  let dir: string;
  let withoutAttendees: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-series-inputs-'));
    cpSync(SERIES, join(dir, 'storage-sync'), { recursive: true });
    // The newest minutes lose a section every other one has; the file on disk keeps it.
    withoutAttendees = readFileSync(join(dir, 'storage-sync', '2024', '2024-03-07.md'), 'utf8').replace(
      /^## Attendees\n[\s\S]*?(?=^## )/m,
      '',
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('minutes-lint - --stdin-filename: the text is checked against the series of the file it names', () => {
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', '-', '--stdin-filename', 'storage-sync/2024/2024-03-07.md'], {
      cwd: dir,
      input: withoutAttendees,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const file = JSON.parse(r.stdout).files[0];
    assert.equal(file.template, 'learned-storage-sync');
    assert.equal(file.templateConfidence, 'learned');
    assert.deepEqual(
      file.diagnostics.map((d: { rule: string }) => d.rule),
      ['template/missing-section'],
    );
  });

  it('without --stdin-filename, no folder is read as its series', () => {
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', '-'], {
      cwd: join(dir, 'storage-sync', '2024'),
      input: withoutAttendees,
      encoding: 'utf8',
    });
    const file = JSON.parse(r.stdout).files[0];
    assert.notEqual(file.templateConfidence, 'learned');
    assert.ok(!file.diagnostics.some((d: { rule: string }) => d.rule === 'template/missing-section'));
  });

  it('the Node API: lint({ path, text }) reports the series template and how sure it is', async () => {
    const report = await lint({ path: join(dir, 'storage-sync', '2024', '2024-03-07.md'), text: withoutAttendees, root: dir });
    assert.equal(report.template, 'learned-storage-sync');
    assert.equal(report.templateConfidence, 'learned');
    assert.match(report.templateExplanation ?? '', /learned from 4 minutes in this folder \(storage-sync\/YYYY\)/);
    assert.deepEqual(
      report.diagnostics.map((d) => d.rule),
      ['template/missing-section'],
    );
    const zh = await lint({ path: join(dir, 'storage-sync', '2024', '2024-03-07.md'), text: withoutAttendees, root: dir, lang: 'zh' });
    assert.notEqual(zh.templateExplanation, report.templateExplanation);
  });
});
