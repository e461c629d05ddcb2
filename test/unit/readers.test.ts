import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinTemplate, resolveTemplate } from '../../server/src/core';
import { parseForTemplate } from '../../server/src/core/views/parse';
import { isAttendanceLabel } from '../../server/src/core/model/attendance';
import { listAttendees } from '../../server/src/core/views/attendees';
import { findDates, isTimeOfDay, parseDate, sameDate } from '../../server/src/core/model/dates';
import { normalizeName } from '../../server/src/core/text/names';
import { summarize } from '../../server/src/core/summary';
import { lineOf, lintText, only, ROOT } from '../helpers';

// The readers on minutes in the shape of the real files they used to misread (test/fixtures/readers).
const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'readers', name), 'utf8');

function read(name: string, path: string, templateId = 'generic') {
  const text = fixture(name);
  const template = resolveTemplate(path, text, { spec: builtinTemplate(templateId)!, reason: 'test' });
  return { doc: parseForTemplate(path, text, template), template, text };
}

const names = (name: string, path: string, templateId?: string) => {
  const { doc, template } = read(name, path, templateId);
  return listAttendees(doc, template).map((a) => a.name || `@${a.handle}`);
};

describe('readers', () => {
  describe('labels with notes and synonyms', () => {
    it('compares a label without its note: 议题列表（更新中）： is 议题列表', () => {
      assert.equal(normalizeName('议题列表（更新中）：'), '议题列表');
      assert.equal(normalizeName('参会人员(应超过TC总人数的一半，当前总人数14)：'), '参会人员');
      assert.equal(normalizeName('**Attendees:**'), 'attendees');
      assert.equal(normalizeName('(一)'), '(一)', 'a name that is all note stays');
    });

    it('knows what every community calls the attendance', () => {
      for (const label of [
        'Attendance',
        'Present',
        'Participants',
        'Attendees',
        'Voting member attendance',
        'Remote attendees',
        'In-person attendees',
        'TSC members present',
        'Additional Attendees',
        '与会人员',
        '参会人员',
        '出席人员',
        '出席',
        '参会者',
        '线上参会人员',
        '参会人员(应过半)：',
      ]) {
        assert.ok(isAttendanceLabel(label), label);
      }
      for (const label of [
        'Presenter',
        'Presentation',
        'Quorum is present',
        'Attendance was low this week because of the holiday',
        'Introduction of attendees',
        '议题',
        '请假',
      ]) {
        assert.ok(!isAttendanceLabel(label), label);
      }
    });

    it("an openEuler SIG's plain-text minutes: the agenda behind its note, the attendees under 与会人员", async () => {
      const path = '/ws/sig-Kernel/meetings/kernel-sig.txt';
      const { doc } = read('sig-kernel.txt', path, 'openeuler-tc');
      assert.ok(
        doc.sections.some((s) => s.rawTitle === '议题列表（更新中）'),
        doc.sections.map((s) => s.rawTitle).join(),
      );
      const result = await lintText(fixture('sig-kernel.txt'), path, { template: 'generic' });
      const duplicate = only(result.diagnostics, 'attendee/duplicate');
      assert.deepEqual(
        duplicate.map((d) => [lineOf(result, d), result.doc.text.slice(d.span.start, d.span.end)]),
        [[6, '李卫东']],
      );
      assert.equal(duplicate[0].fixes[0].safe, true, 'both in one list');
      const secrets = only(result.diagnostics, 'privacy/meeting-secret');
      assert.deepEqual(
        secrets.map((d) => [lineOf(result, d), d.message]),
        [
          [8, 'This meeting link carries its password (pwd=…): anyone who reads the minutes can join the meeting.'],
          [10, 'The password of an archive is published here: anyone who reads the minutes can open it.'],
        ],
      );
      assert.equal(result.doc.text.slice(secrets[1].span.start, secrets[1].span.end), 'kernel1118');
    });

    it('`## Voting member attendance` with its observers, up to `### Regrets`', async () => {
      assert.deepEqual(names('wg-voting.md', '/ws/build/2024-03-12.md'), ['Ada Park', 'Ben Ortiz', 'Ada Park', 'Chen Lu']);
      const result = await lintText(fixture('wg-voting.md'), '/ws/build/2024-03-12.md', { template: 'generic' });
      assert.deepEqual(
        only(result.diagnostics, 'attendee/duplicate').map((d) => lineOf(result, d)),
        [7],
      );
    });

    it('a label and a table of people: the name column; a row labelled 出席; a count is no one', () => {
      assert.deepEqual(names('plenary.md', '/ws/plenary/february-20.md'), ['Chris Example', 'Sam Sample', 'Chris Example']);
      assert.deepEqual(names('team-table.md', '/ws/team/5_1015_M.md'), ['Hua Li', 'Ming Zhao', 'Yan Sun', 'Ming Zhao']);
    });

    it('labelled lines of names under the attendance heading', async () => {
      assert.deepEqual(names('team-roles.md', '/ws/lang/2021-02-09.md'), [
        'nikomatsakis',
        'pnkfelix',
        'scottmcm',
        'simulacrum',
        'pnkfelix',
      ]);
      const result = await lintText(fixture('team-roles.md'), '/ws/lang/2021-02-09.md', { template: 'generic' });
      const [duplicate] = only(result.diagnostics, 'attendee/duplicate');
      assert.equal(lineOf(result, duplicate), 8);
      assert.equal(duplicate.fixes[0].safe, true);
    });

    it('a sentence about the attendance names no one', () => {
      const text =
        '# PFCC 会议纪要\n\n- 参会人：本次会议共有 30 名成员参会，由来自全国各地的贡献者组成。\n\n## Attendance:\nWill record detailed attendance starting next meeting. The attendance have\nreached quorum with 16 participants.\n';
      const path = '/ws/pfcc/2024-01-25.md';
      const template = resolveTemplate(path, text, { spec: builtinTemplate('generic')!, reason: 'test' });
      assert.deepEqual(listAttendees(parseForTemplate(path, text, template), template), []);
    });

    it('the summary lists the attendees found under an unknown label', async () => {
      const result = await lintText(fixture('plenary.md'), '/ws/plenary/february-20.md', { template: 'generic' });
      const summary = summarize(result.doc, result.template, result.diagnostics);
      assert.deepEqual(
        summary.attendees.map((a) => a.name),
        ['Chris Example', 'Sam Sample'],
      );
    });
  });

  describe('plain text in one fence', () => {
    const path = '/ws/storage/2023-04-12.md';

    it('reads the text inside: fields, sections, attendees', () => {
      const { doc, template } = read('fenced.md', path, 'openeuler-tc');
      assert.equal(doc.format, 'plaintext');
      assert.deepEqual(doc.wrappingFence?.length, 2);
      assert.deepEqual(doc.fields.map((f) => f.label).slice(0, 4), ['会议时间', '主持人', '与会人', '会议链接']);
      assert.ok(doc.sections.some((s) => s.title === '议题'));
      assert.deepEqual(
        listAttendees(doc, template).map((a) => a.name),
        ['王小红', '赵六', '钱七', '赵六'],
      );
      assert.deepEqual(doc.verbatim, [], 'the fence is the file, not code in it');
    });

    it('the universal rules see inside it; Markdown rules know it is shown as typed', async () => {
      const result = await lintText(fixture('fenced.md') + '\n', path, { template: 'generic' });
      const rules = result.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.rule);
      assert.ok(rules.includes('attendee/duplicate'), rules.join());
      assert.ok(rules.includes('privacy/meeting-secret'), rules.join());
      const fenceless = await lintText('```\n会议记录 [议程] (https://example.org/agenda)\n```\n', path, { template: 'generic' });
      assert.deepEqual(only(fenceless.diagnostics, 'link/spaced-syntax'), [], 'inside a fence it is no link anyway');
    });

    it('code in a fence stays code; a fence that closes before the end is a code block', () => {
      const code = read('fenced.md', path).text.replace('```\n', '```python\n');
      const template = resolveTemplate(path, code, { spec: builtinTemplate('generic')!, reason: 'test' });
      assert.equal(parseForTemplate(path, code, template).wrappingFence, undefined);
      const partial = '```\n会议时间：2023-04-12\n```\n\n## 议题\n';
      assert.equal(parseForTemplate(path, partial, template).wrappingFence, undefined);
    });
  });

  describe('dates', () => {
    it('reads ranges as ranges', () => {
      const [english] = findDates('Community Summit, December 19, 2022 – December 24, 2022');
      assert.deepEqual(english.date, { year: 2022, month: 12, day: 19, until: { year: 2022, month: 12, day: 24 } });
      assert.equal(english.text, 'December 19, 2022', 'the match itself is the first day');
      const [chinese] = findDates('会议日期：2022年11月18日-20日');
      assert.deepEqual(chinese.date, { year: 2022, month: 11, day: 18, until: { year: 2022, month: 11, day: 20 } });
      const [slashed] = findDates('2023/4/12~4/13 线下会议');
      assert.deepEqual(slashed.date.until, { year: 2023, month: 4, day: 13 });
      assert.equal(slashed.text, '2023/4/12');
      const [days] = findDates('Summit on Feb 11-13, 2025 in San Francisco');
      assert.deepEqual(days.date, { year: 2025, month: 2, day: 11, until: { year: 2025, month: 2, day: 13 } });
      assert.equal(findDates('2022-11-18 ~ 2022-11-20').length, 1);
    });

    it('a date and a time are not a range', () => {
      const [date] = findDates('2023-04-12 10:00-12:00');
      assert.equal(date.date.until, undefined);
      const [next] = findDates('2023-04-12 - 3 weeks later');
      assert.equal(next.date.until, undefined);
    });

    it('a day inside a range is the same meeting; one outside is not', () => {
      const range = parseDate('2022年11月18日-20日')!;
      assert.ok(sameDate(range, { year: 2022, month: 11, day: 19 }));
      assert.ok(sameDate({ month: 11, day: 20 }, range));
      assert.ok(!sameDate(range, { year: 2022, month: 11, day: 21 }));
      assert.ok(!sameDate(range, { year: 2023, month: 11, day: 19 }));
    });

    it('says which dates are well formed: 2022年11月18日 is', () => {
      const formed = (text: string) => findDates(text)[0].wellFormed;
      assert.ok(formed('2022年11月18日'));
      assert.ok(formed('2023-04-12') && formed('2023/04/12') && formed('June 1, 2023'));
      assert.ok(!formed('2023-4-12') && !formed('2022/07-21') && !formed('2023.04.12'));
    });

    it('a time of day is no date', () => {
      for (const t of ['10:00-12:00', '19:00~19:30', '14:00 至 16:00', '9:30', '10:00-12:00 (UTC+8)', '下午 3:00'])
        assert.ok(isTimeOfDay(t), t);
      for (const t of ['2023-04-12 10:00-12:00', '2023-04-12', '每周三']) assert.ok(!isTimeOfDay(t), t);
    });

    it('date-mismatch accepts a file named for a day of the range', async () => {
      const result = await lintText(fixture('range.md'), '/ws/summit/2022-12-20.md', { template: 'generic' });
      assert.deepEqual(only(result.diagnostics, 'template/date-mismatch'), []);
      const outside = await lintText(fixture('range.md'), '/ws/summit/2022-12-28.md', { template: 'generic' });
      assert.equal(only(outside.diagnostics, 'template/date-mismatch').length, 1);
    });
  });

  describe('LCTT articles from before the header', () => {
    const credits = (name: string) => {
      const path = `/ws/TranslateProject/published/${name}`;
      const { doc } = read(name, path, 'lctt-article');
      return doc.fields
        .filter((f) => f.source === 'line')
        .map((f) => [f.label, f.value, doc.text.slice(f.labelSpan.start, f.labelSpan.end)]);
    };

    it('2014: 译者 and 校对 on one line are two fields', () => {
      assert.deepEqual(credits('lctt-2014.md'), [
        ['via', 'http://example.com/2014/07/soundcloud-command-line.html', 'via'],
        ['原文作者', '[Adrien Example][a]', '原文作者'],
        ['译者', '[geekpi](https://github.com/geekpi)', '译者'],
        ['校对', '[wxy](https://github.com/wxy)', '校对'],
      ]);
    });

    it('2018: four credits on one line, the via in angle brackets', () => {
      assert.deepEqual(
        credits('lctt-2018.md').map(([label, value]) => [label, value]),
        [
          ['via', '<https://example.com/tools/how-to-use-sudo-access-in-winscp/>'],
          ['作者', '[kerneltalks](https://example.com)'],
          ['选题', '[lujun9972](https://github.com/lujun9972)'],
          ['译者', '[geekpi](https://github.com/geekpi)'],
          ['校对', '[wxy](https://github.com/wxy)'],
        ],
      );
    });
  });

  describe('tables', () => {
    it('a task table gives action items: owner handle, due date, done', async () => {
      const result = await lintText(fixture('actions-table.md'), '/ws/storage/2024-05-16.md', { template: 'generic' });
      const summary = summarize(result.doc, result.template, result.diagnostics);
      assert.deepEqual(
        summary.actionItems.map((a) => [a.task, a.owners, a.due, a.done]),
        [
          ['补齐快照文档', ['zhangsan'], '2024-05-30', false],
          ['发布 v2.7', ['lisi'], '2024-06-15', true],
        ],
      );
      assert.deepEqual(
        result.doc.mentions.map((m) => m.handle),
        ['zhangsan', 'lisi'],
        'a cell ends the handle',
      );
    });
  });
});
