import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize, type MinutesSummary } from '../../server/src/core/summary';
import { lintText, ROOT } from '../helpers';

// The preview's summary, read from minutes written in each community's shape
// (test/fixtures/summary). Lines are 0-based, as the editor counts them.

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'summary', name), 'utf8');

async function summaryOf(name: string, path: string, template: string, text = fixture(name)): Promise<MinutesSummary> {
  const result = await lintText(text, path, { template });
  return summarize(result.doc, result.template, result.diagnostics, { lang: 'zh' });
}

describe('minutes summary', () => {
  describe('Curve biweekly meeting', () => {
    let s: MinutesSummary;
    before(async () => {
      s = await summaryOf('2024-03-14.md', 'Double Week Meetings/2024/2024-03-14.md', 'curve-biweekly');
    });

    it('names the template in the user language, and says how sure the choice is', () => {
      assert.deepEqual(s.template, {
        id: 'curve-biweekly',
        name: 'Curve 双周会',
        confidence: 'configured',
        explanation: '由配置指定（test）：按它检查章节、字段和文件名。',
      });
    });

    it('reads the date and the time from the `## 时间` section', () => {
      assert.deepEqual(s.date, { text: '2024/03/14', iso: '2024-03-14', source: 'field', line: 2, character: 0 });
      assert.deepEqual(s.time, { text: '19:00~19:30', line: 2, character: 11 });
      assert.deepEqual(s.hosts, []);
      assert.deepEqual(s.attendees, [], 'Curve minutes list no attendees');
    });

    it('lists each linked PR and issue once, with the handles of its item and how often it is linked', () => {
      assert.deepEqual(
        s.links.map((l) => [l.kind, l.repo, l.id, l.owners.join(','), l.mentions]),
        [
          ['pull', 'opencurve/curve', '3001', 'dev-alpha', 1],
          ['pull', 'opencurve/curve', '3005', 'dev-beta', 1],
          ['issue', 'opencurve/curve', '2990', 'dev-beta', 1],
          ['pull', 'opencurve/curve', '3010', 'dev-gamma', 2],
        ],
      );
      assert.equal(s.links[0].text, '元数据缓存预热支持按目录过滤');
      assert.equal(s.links[0].url, 'https://github.com/opencurve/curve/pull/3001');
      assert.deepEqual([s.links[0].line, s.links[0].character], [17, 2]);
    });

    it('finds a decision written as a bold label in a list, without its markup', () => {
      assert.deepEqual(s.decisions, [{ text: '预读功能在下个版本默认开启', line: 19, character: 0 }]);
    });

    it('reads task-list items as action items with owner, due date and state', () => {
      assert.deepEqual(s.actionItems, [
        { task: '整理性能测试报告', owners: ['dev-alpha'], due: '2024-03-28', done: false, line: 28, character: 0 },
        { task: '更新贡献者指南', owners: ['dev-beta'], done: true, line: 29, character: 0 },
      ]);
    });

    it('lists the problems with their rule, severity and place, and counts them', () => {
      const duplicate = s.problems.find((p) => p.rule === 'link/duplicate-target');
      assert.ok(duplicate, JSON.stringify(s.problems));
      assert.equal(duplicate.severity, 'warning');
      assert.equal(duplicate.line, 24);
      assert.equal(s.counts.warnings, s.problems.filter((p) => p.severity === 'warning').length);
      assert.ok(s.counts.warnings >= 1);
    });
  });

  describe('openEuler TC meeting (plain text)', () => {
    let s: MinutesSummary;
    before(async () => {
      s = await summaryOf('20240306_minutes.txt', 'Meeting_Minutes/2024/20240306_minutes.txt', 'openeuler-tc');
    });

    it('reads date, time and host from the header lines', () => {
      assert.equal(s.date?.iso, '2024-03-06');
      assert.deepEqual([s.date?.line, s.date?.character], [0, 8]);
      assert.equal(s.time?.text, '14:00-16:00 (UTC/GMT+8:00)');
      assert.deepEqual(
        s.hosts.map((h) => h.name),
        ['成员甲'],
      );
    });

    it('lists each attendee once, though the minutes name one twice', () => {
      assert.deepEqual(
        s.attendees.map((a) => a.name),
        ['成员甲', '成员乙', '成员丙', '成员丁'],
      );
      assert.ok(
        s.problems.some((p) => p.rule === 'attendee/duplicate'),
        'the repeat is a problem',
      );
    });

    it('gives each topic conclusion with its topic, also when the text is on the line below the label', () => {
      assert.deepEqual(
        s.decisions.map((d) => [d.topic, d.text, d.line]),
        [
          ['新建 SIG 的申请 -- 汇报人：成员丙', '同意成立，由成员丙担任负责人。', 14],
          ['文档站点迁移方案 -- 汇报人：成员丁', '迁移方案通过，4 月底前完成切换。', 18],
        ],
      );
    });

    it('reports the topic without a conclusion among the problems', () => {
      const missing = s.problems.filter((p) => p.rule === 'template/topic-conclusion');
      assert.deepEqual(
        missing.map((p) => p.line),
        [21],
      );
    });

    it('lists the Gitee pull request', () => {
      assert.deepEqual(
        s.links.map((l) => [l.kind, l.repo, l.id]),
        [['pull', 'openeuler/community', '5001']],
      );
    });
  });

  describe('generic minutes (TSC style)', () => {
    let s: MinutesSummary;
    before(async () => {
      s = await summaryOf('generic-2024-05-02.md', 'meetings/2024-05-02.md', 'generic');
    });

    it('takes the date from the title and keeps the title', () => {
      assert.equal(s.title, 'Infra Team Meeting 2024-05-02');
      assert.deepEqual(s.date, { text: '2024-05-02', iso: '2024-05-02', source: 'title', line: 0, character: 21 });
      assert.equal(s.time, undefined);
    });

    it('reads the Present section as attendees with their handles', () => {
      assert.deepEqual(
        s.attendees.map((a) => [a.name, a.handle]),
        [
          ['Ada Example', 'ada-example'],
          ['Bo Sample', 'bo-sample'],
          ['Cy Person', 'cy-person'],
        ],
      );
    });

    it('collects the Decisions section and `Decision:` lines of the agenda', () => {
      assert.deepEqual(
        s.decisions.map((d) => [d.text, d.line]),
        [
          ['add two more runners before the next release', 14],
          ['Keep the weekly meeting at the same time', 22],
        ],
      );
    });

    it('reads `- [ ] @owner task (due YYYY-MM-DD)` action items, with several owners', () => {
      assert.deepEqual(
        s.actionItems.map((a) => [a.owners, a.task, a.due, a.done]),
        [
          [['ada-example'], 'write the runner migration guide', '2024-05-16', false],
          [['bo-sample'], 'share the cost sheet', undefined, true],
          [['cy-person', 'bo-sample'], 'review #412', undefined, false],
        ],
      );
    });

    it('reads Chinese due dates, and does not take "overdue" for a due date', async () => {
      const text =
        '# Team Meeting 2024-05-02\n\n## Action Items\n\n- [ ] @dev-x 更新部署文档（截止：2024-06-01）\n- [ ] @dev-y fix the overdue build\n';
      const t = await summaryOf('', 'meetings/2024-05-02.md', 'generic', text);
      assert.deepEqual(
        t.actionItems.map((a) => [a.task, a.due]),
        [
          ['更新部署文档', '2024-06-01'],
          ['fix the overdue build', undefined],
        ],
      );
    });

    it('counts `#412` written as text as another mention of the linked PR, and resolves owner/repo#N', () => {
      assert.deepEqual(
        s.links.map((l) => [l.kind, l.repo, l.id, l.mentions]),
        [
          ['pull', 'example-org/infra', '412', 2],
          ['issue', 'example-org/infra', '415', 1],
          ['pull', 'example-org/docs', '88', 1],
        ],
      );
    });
  });

  describe('lookups supplied by the host', () => {
    it('adds roster names to handles and cached online states to links', async () => {
      const result = await lintText(fixture('generic-2024-05-02.md'), 'meetings/2024-05-02.md', { template: 'generic' });
      const s = summarize(result.doc, result.template, result.diagnostics, {
        roster: (handle) => (handle === 'ada-example' ? 'Ada E. (infra lead)' : undefined),
        linkStatus: (target) =>
          target.id === '412' ? { state: 'found', kind: 'pull', status: 'merged', title: 'Add runners' } : { state: 'unverified' },
      });
      assert.equal(s.attendees[0].rosterName, 'Ada E. (infra lead)');
      assert.equal(s.attendees[1].rosterName, undefined);
      assert.deepEqual(s.links[0].online, { state: 'found', status: 'merged', title: 'Add runners' });
      assert.equal(s.links[1].online, undefined, 'an unverified answer is no state');
    });

    it('an empty document has an empty summary, not an error', async () => {
      const result = await lintText('', 'meetings/notes.md', { template: 'generic' });
      const s = summarize(result.doc, result.template, result.diagnostics);
      assert.deepEqual([s.attendees, s.decisions, s.actionItems, s.links], [[], [], [], []]);
      assert.equal(s.date, undefined);
    });
  });
});
