import assert from 'node:assert/strict';
import type { SeriesFile } from '../../server/src/core/items/meetings';
import { inSeries, lineOf, lintText, only } from '../helpers';

// Round 7 of the evaluation on minutes of communities in neither corpus (the W3C WebExtensions
// CG, the OpenJS Foundation's Cross Project Council, 开源社's project committee, EdgeGallery's
// TSC and working groups): the shapes that made rules cry wolf there, written afresh, next to the
// real defect each rule must keep finding.

async function findings(text: string, path: string, rule: string, severities = ['warning', 'error']) {
  const result = await lintText(text, path);
  return only(result.diagnostics, rule)
    .filter((d) => severities.includes(d.severity))
    .map((d) => `${lineOf(result, d)} ${d.message}`);
}

describe('precision on minutes of other communities (round 7)', () => {
  describe('attendee/duplicate', () => {
    const present = (second: string) =>
      [
        '# Council Meeting 2019-10-01',
        '',
        '## Present',
        '',
        '* Ana Silva (@asilva)',
        '* Christopher Hale (@chale)',
        '* Bo Chen',
        second,
        '',
      ].join('\n');

    it('a short form of the first name with the same surname and account is the same person listed twice', async () => {
      assert.deepEqual(await findings(present('* Chris Hale (@chale)'), '/ws/meetings/2019/2019-10-01.md', 'attendee/duplicate'), [
        '8 "Chris Hale" is already listed among the attendees (line 6).',
      ]);
    });

    it('another first name with the same surname and account is still an account copied', async () => {
      assert.deepEqual(await findings(present('* Dana Hale (@chale)'), '/ws/meetings/2019/2019-10-01.md', 'attendee/duplicate'), [
        '8 "Dana Hale" is given the account @chale of "Christopher Hale" (line 6): one of the two accounts is wrong.',
      ]);
    });
  });

  describe('privacy/meeting-secret', () => {
    const notes = (line: string) =>
      [
        '# WECG Meeting, Public Notes, Nov 3',
        '',
        '* Chair: Ana Silva',
        '* Zoom meeting link is in the calendar invite.',
        '',
        '## Issue 311: unload the background script',
        '',
        line,
        ' * [ana] Let us revisit this next time.',
        '',
      ].join('\n');

    it('a product named with a digit before "Password" is no passcode', async () => {
      const text = notes(' * [bo] Use case from 2Password: wipe secrets from memory by stopping the worker');
      assert.deepEqual(await findings(text, '/ws/_minutes/2022-11-03-wecg.md', 'privacy/meeting-secret'), []);
    });

    it('a passcode beside the meeting link is still found', async () => {
      const text = notes(' * Password: 482913');
      assert.deepEqual(await findings(text, '/ws/_minutes/2022-11-03-wecg.md', 'privacy/meeting-secret'), [
        '8 A meeting passcode is published here: anyone who reads the minutes can join the meeting.',
      ]);
    });
  });

  describe('link/duplicate-target', () => {
    const agendaThenNotes = (agenda: string, notes: string) =>
      [
        '# WECG Meeting, Public Notes, Dec 4',
        '',
        '## Agenda',
        '',
        ' * **Triage** (15 minutes)',
        `   * ${agenda}`,
        '',
        '## Minutes',
        '',
        '[Issue 50](https://github.com/acme/ext/issues/50): Support an onEnabled event',
        '',
        ` * ${notes}`,
        ' * [ana] The proposal should use the same reasons as onInstalled.',
        '',
      ].join('\n');

    it('"Issue 50 (comment)" and "Issue #50 (comment)" name one item', async () => {
      const url = 'https://github.com/acme/ext/issues/50#issuecomment-1234567';
      const text = agendaThenNotes(
        `[Issue 50 (comment)](${url}): Fix the reason values`,
        `[Issue #50 (comment)](${url}): Fix the reason values`,
      );
      assert.deepEqual(await findings(text, '/ws/_minutes/2025-12-04-wecg.md', 'link/duplicate-target'), []);
    });

    it('"A comment" and "comment" name the link, not the item', async () => {
      const url = 'https://github.com/acme/ext/commit/0123456789abcdef0123456789abcdef01234567#r998877';
      const text = agendaThenNotes(
        `[A comment](${url}) on [PR 60](https://github.com/acme/ext/pull/60): a test API`,
        `([comment](${url})) asks whether the arguments were left out on purpose`,
      );
      assert.deepEqual(await findings(text, '/ws/_minutes/2025-12-04-wecg.md', 'link/duplicate-target'), []);
    });

    it('one comment linked under two different titles is still found', async () => {
      const url = 'https://github.com/acme/ext/issues/50#issuecomment-1234567';
      const text = agendaThenNotes(
        `[Issue 50 (comment)](${url}): Fix the reason values`,
        `[Issue 51 (comment)](${url}): Remove the alarms API`,
      );
      assert.deepEqual(await findings(text, '/ws/_minutes/2025-12-04-wecg.md', 'link/duplicate-target'), [
        '12 "Issue 51 (comment)" links to acme/ext#50, which line 6 already links as "Issue 50 (comment)". Is one of the two links wrong?',
      ]);
    });
  });

  describe('handle/invalid', () => {
    it('"@ALL" addresses everyone: beside it, the minutes name people by @name', async () => {
      const text = [
        '# TSC Meeting Minutes',
        '',
        '## Agenda Items',
        '',
        '| Item | Owner |',
        '| --- | --- |',
        '| 纪要评审 | @ALL |',
        '| 版本需求讨论 | @ALL |',
        '| 工作组范围讨论 | @ALL |',
        '',
        '## Action Items',
        '',
        '- 项目组模板下次评审 @王一',
        '',
      ].join('\n');
      assert.deepEqual(await findings(text, '/ws/TSC/Meetings/202011/18-11-2020 Minutes.md', 'handle/invalid'), []);
      const info = await findings(text, '/ws/TSC/Meetings/202011/18-11-2020 Minutes.md', 'handle/invalid', ['info']);
      assert.equal(info.length, 1);
      assert.match(info[0], /^13 "@王一" is a name, not a login/);
    });

    it('one @name among logins is still a slip', async () => {
      const text = [
        '# Meeting',
        '',
        '## Actions',
        '',
        '- @alice to review',
        '- @bob to merge',
        '- @carol to release',
        '- @王一 to write the notes',
        '',
      ].join('\n');
      assert.deepEqual(await findings(text, '/ws/meetings/2020-11-18.md', 'handle/invalid'), [
        '8 "@王一" cannot be a login: logins use Latin letters, digits and hyphens. Write the person\'s login, or drop the "@".',
      ]);
    });

    it('"@Ann Lee" among @names written in Chinese is one more name, not a slip', async () => {
      const text = [
        '# 例会 2025年3月23日',
        '',
        '参会人：@王一@李二@张三 @赵四 @Ann Lee @钱五 @孙六',
        '',
        '## 议题',
        '',
        '- 官网改版 @王一',
        '',
      ].join('\n');
      assert.deepEqual(await findings(text, '/ws/例会纪要/例会 2025年3月23日.md', 'handle/invalid'), []);
    });

    it('"@Ann Lee" among logins is still a name where a login belongs', async () => {
      const text = ['# Meeting', '', '## Present', '', '- @alice', '- @bob', '- @Ann Lee', ''].join('\n');
      assert.deepEqual(await findings(text, '/ws/meetings/2025-03-23.md', 'handle/invalid'), [
        '7 "@Ann Lee" is a name, not a login: logins have no spaces, so only "@Ann" is a mention. Write the person\'s login.',
      ]);
    });

    it('a backslash escape (an export escaping punctuation) is read as the character it shows', async () => {
      const text = ['# 例会纪要', '', '## 欢迎新朋友', '', '1. @annlee07\\-09 暑期实习，欢迎加入', '2. @bo\\~chen 负责文档', ''].join('\n');
      assert.deepEqual(await findings(text, '/ws/例会纪要/2023年9月3日.md', 'handle/invalid'), [
        '6 "@bo~chen" cannot be a forge login: "~" is not allowed in logins.',
      ]);
    });
  });

  describe('series/stale-copy', () => {
    const week = (day: number, room: string, agenda: string) =>
      [
        `**meeting 会议时间**: 2020-08-${String(day).padStart(2, '0')} 19:00-20:00`,
        '',
        '## agenda 议题',
        '',
        agenda,
        '',
        '## meeting link',
        ` https://meeting.example.com/j/${room}`,
        '',
        '## 纪要人',
        '王一',
        '',
      ].join('\n');
    const agendaOf = (n: number) => `1. 第 ${n} 轮测试用例评审，owner 李二；2. 自动化构建问题跟踪，owner 张三`;
    const series = (lastRoom: string, lastAgenda: string): SeriesFile[] => [
      { path: '/ws/Test WG/Meeting/20200702 meeting info.md', text: week(2, '9376750321', agendaOf(1)) },
      { path: '/ws/Test WG/Meeting/20200709 meeting info.md', text: week(9, '9376750322', agendaOf(2)) },
      { path: '/ws/Test WG/Meeting/20200716 meeting info.md', text: week(16, '9376750323', agendaOf(3)) },
      { path: '/ws/Test WG/Meeting/20200723 meeting info.md', text: week(23, '9376750324', agendaOf(4)) },
      { path: '/ws/Test WG/Meeting/20200730 meeting info.md', text: week(30, lastRoom, lastAgenda) },
    ];
    const latest = '/ws/Test WG/Meeting/20200730 meeting info.md';

    it('a section that is one link, kept for a second week, is the same meeting room', async () => {
      assert.deepEqual(await inSeries(series('9376750324', agendaOf(5)), latest, 'series/stale-copy'), []);
    });

    it('an agenda copied from the week before is still found', async () => {
      assert.deepEqual(await inSeries(series('9376750325', agendaOf(4)), latest, 'series/stale-copy'), [
        '3 "agenda 议题" is word for word the one of the previous minutes (20200723 meeting info.md), though this series changed it in 3 of the 3 meetings before: was it updated?',
      ]);
    });
  });
});
