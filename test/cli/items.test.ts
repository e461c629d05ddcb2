import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('minutes-lint items', () => {
  it('prints a table per series: open items first, with owners, due date, since and the meetings that mentioned them', () => {
    const r = run(['items', 'test/fixtures/series/infra', '--today', '2024-06-01']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], '## test/fixtures/series/infra (4 meetings, 2024-05-02 – 2024-05-23)');
    assert.equal(lines[2], '| Item | Owners | Due | Since | Status | Meetings |');
    assert.equal(
      lines[4],
      '| book the summit room | @bo-sample | 2024-05-30 | 2024-05-09 | overdue | [2024-05-09](test/fixtures/series/infra/2024-05-09.md#L20), [2024-05-16](test/fixtures/series/infra/2024-05-16.md#L11) |',
    );
    assert.match(r.stdout, /\| share the cost sheet with the board \| @bo-sample \| {2}\| 2024-05-02 \| done \|/);
  });

  it('--open keeps only the open items; --lang zh writes the headings in Chinese', () => {
    const r = run(['items', '--open', '--lang', 'zh', 'test/fixtures/series/tc', '--today', '2024-03-10']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\| 事项 \| 责任人 \| 截止 \| 提出于 \| 状态 \| 提及的会议 \|/);
    assert.match(r.stdout, /\| 整理 SIG 维护者名单 \| 李娜 \| {2}\| 2024-01-24 \| 未完成 \|/);
    assert.doesNotMatch(r.stdout, /24\.03 版本计划/, 'the 24.03 plan was reported done');
  });

  it('--format json gives every series with its meetings and items', () => {
    const r = run(['items', '--format', 'json', 'test/fixtures/series', '--today', '2024-06-01']);
    assert.equal(r.code, 0, r.stderr);
    const data = JSON.parse(r.stdout) as {
      series: Array<{
        folder: string;
        template: string;
        meetings: Array<{ date: string }>;
        items: Array<{ text: string; mentions: unknown[] }>;
      }>;
    };
    // The series model groups them (year folders are one series) and gives each its template.
    assert.deepEqual(
      data.series.map((s) => [s.folder, s.template, s.meetings.length]),
      [
        ['test/fixtures/series/infra', 'learned-test-fixtures-series-infra', 4],
        ['test/fixtures/series/storage-sync/YYYY', 'learned-test-fixtures-series-storage-sync', 9],
        ['test/fixtures/series/tc', 'openeuler-tc', 4],
      ],
    );
    const plan = data.series[2].items.find((i) => i.text === '24.03 版本计划的发布');
    assert.equal(plan?.mentions.length, 3);
  });

  it('exits 2 with usage on a bad option or a missing folder', () => {
    assert.equal(run(['items', '--format', 'xml', 'test']).code, 2);
    const missing = run(['items', 'no/such/folder']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /not a directory: no\/such\/folder/);
    assert.equal(run(['items']).code, 2);
  });
});
