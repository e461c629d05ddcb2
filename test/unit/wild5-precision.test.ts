import assert from 'node:assert/strict';
import { inSeries, lineOf, lintText, only } from '../helpers';

// Round 5 of the evaluation on minutes of communities in neither corpus (OpenHarmony's PMC and
// SIGs, the Node.js Community Committee): the shapes that made rules cry wolf there, written
// afresh, next to the real defect each rule must keep finding.

describe('precision on minutes of other communities (round 5)', () => {
  describe('attendee/duplicate', () => {
    it('lines of "name, role" name one person each: a role several lines share is nobody', async () => {
      const text = [
        '# Committee Meeting 2017-10-26',
        '',
        '## Present',
        'Ana Silva(@anasilva), member',
        'Bo Chen, observer',
        'Cy Diaz, Board of Directors, observer',
        'Di Evans(@devans), member',
        'Ed Fox, Board of Directors, member',
        'Bo Chen, observer',
        '',
        '## Notes',
        '',
        'Nothing else.',
        '',
      ].join('\n');
      const result = await lintText(text, '/ws/meetings/2017-10-26.md');
      assert.deepEqual(
        only(result.diagnostics, 'attendee/duplicate').map((d) => [lineOf(result, d), d.message]),
        [[9, '"Bo Chen" is already listed among the attendees (line 5).']],
      );
    });

    it('a line in bold alone ends the attendees of minutes without headings; a label line is no name', async () => {
      const text = [
        '# 架构SIG例会 2022-10-25',
        '',
        '## 与会人(Attendees)',
        '任一 [@renyi](https://gitee.com/renyi)  ',
        '董二 [@donger](https://gitee.com/donger)  ',
        '',
        '**议题1、新建sig仓：device_soc_a**  ',
        '汇报人：王三  ',
        '会议结论：  ',
        '1、同意新建device_soc_a sig孵化仓。  ',
        '遗留问题：  ',
        '无。  ',
        '',
        '**议题2、新建sig仓：device_soc_b**  ',
        '汇报人：王三  ',
        '会议结论：  ',
        '1、同意。  ',
        '遗留问题：  ',
        '无。  ',
        '',
      ].join('\n');
      const result = await lintText(text, '/ws/sig_architecture/meetings/2022_10_25_meeting.md');
      assert.deepEqual(only(result.diagnostics, 'attendee/duplicate'), []);
    });

    it('two people given one account: the message says so, and offers no removal', async () => {
      const text = [
        '# PMC 例会 2025-03-06',
        '',
        '## 参会人员 (Attendance)',
        '',
        '| 姓名 | 账号 |',
        '| ---- | ---- |',
        '| 付天福 | [@futianfu](https://gitee.com/futianfu) |',
        '| 赵鹏 | [@futianfu](https://gitee.com/futianfu) |',
        '| 鲜余强 | [@klooer](https://gitee.com/klooer) |',
        '',
      ].join('\n');
      const result = await lintText(text, '/ws/meeting-notes/2025_03_06.md');
      const found = only(result.diagnostics, 'attendee/duplicate');
      assert.deepEqual(
        found.map((d) => [lineOf(result, d), d.message, d.fixes.length]),
        [[8, '"赵鹏" is given the account @futianfu of "付天福" (line 7): one of the two accounts is wrong.', 0]],
      );
    });
  });

  describe('handle/invalid', () => {
    it('a Gitee login may have a dot; GitHub logins still may not', async () => {
      const gitee = '# SIG 例会 2024-02-05\n\n## 与会人\n\n- @zhu.wei(https://gitee.com/zhu.wei) 朱伟\n- [仓库](https://gitee.com/o/r)\n';
      assert.deepEqual(only((await lintText(gitee, '/ws/sig_qt/meetings/2024-02-05.md')).diagnostics, 'handle/invalid'), []);
      const github = '# WG 2024-02-05\n\n- @zhu.wei to review [#1](https://github.com/o/r/pull/1)\n';
      const found = only((await lintText(github, '/ws/wg/2024-02-05.md')).diagnostics, 'handle/invalid');
      assert.equal(found.length, 1);
      assert.match(found[0].message, /"\." is not allowed/);
    });

    it('an @ in the text of a link is a label, not a mention', async () => {
      const text = '# PMC 2021-04-26\n\n- Add unit tests; owner: [@Vinod Kumar](vinods.kumar@example.com), @Jianyu Liu\n';
      const found = only((await lintText(text, '/ws/meeting-notes/2021-04-26.md')).diagnostics, 'handle/invalid');
      assert.deepEqual(
        found.map((d) => d.message.slice(0, 40)),
        ['"@Jianyu Liu" is a name, not a login: lo'],
        'the name after a plain @ is still found',
      );
    });
  });

  describe('privacy/meeting-secret', () => {
    it("a shared file's extraction code (a recording on a file-sharing site) opens no meeting", async () => {
      const text = '# SIG 例会 2022-08-23\n\n**[本次会议录播视频](https://pan.baidu.com/s/1CQ4FyrAVk?pwd=wrcu)**\n';
      assert.deepEqual(only((await lintText(text, '/ws/meetings/2022-08-23.md')).diagnostics, 'privacy/meeting-secret'), []);
    });

    it('a meeting link written as its own text is one finding, fixed in both places', async () => {
      const url = 'https://us06web.zoom.us/j/8341234567?pwd=QXZMabc';
      const text = `# WG 2024-02-05\n\nJoin: [${url}](${url})\n`;
      const result = await lintText(text, '/ws/wg/2024-02-05.md');
      const found = only(result.diagnostics, 'privacy/meeting-secret');
      assert.equal(found.length, 1);
      assert.equal(found[0].fixes[0].edits.length, 2);
    });
  });

  describe('style/cjk-emphasis', () => {
    it('underscores that end a login are no bold', async () => {
      const text = '# SIG IDE\n\n+ @loading__(https://gitcode.com/loading__)\n+ **边缘智能：**数据压缩\n';
      const result = await lintText(text, '/ws/sig_ide/sig_ide.md');
      assert.deepEqual(
        only(result.diagnostics, 'style/cjk-emphasis').map((d) => lineOf(result, d)),
        [4],
        'the bold that does not render is still found',
      );
    });
  });

  describe('the series rules', () => {
    const week = (day: number) => `2019-11-${String(day).padStart(2, '0')}`;

    it('a cancelled meeting that keeps the last agenda forgot no update', async () => {
      const minutes = (date: string, body: string) => ({ path: `cc/meetings/${date}.md`, text: `# Committee Meeting ${date}\n\n${body}` });
      const held = (date: string, n: number) =>
        minutes(
          date,
          `## Present\n\n* Members: ${n} people, see https://example.org/att/${n}\n\n## Notes\n\n- Budget review ${n}: spent 40%.\n- TODO: Ana to send the ballot for chair ${n}\n`,
        );
      const files = [held('2019-10-31', 1), held(week(7), 2), held(week(14), 3), held(week(21), 4)];
      const cancelled = {
        path: `cc/meetings/${week(28)}.md`,
        text: `# Committee Meeting ${week(28)}\n\n## This Meeting Was Cancelled since it was on a holiday\n\n${files[3].text.slice(files[3].text.indexOf('## Present'))}`,
      };
      const all = [...files, cancelled];
      assert.deepEqual(await inSeries(all, cancelled.path, 'series/stale-copy'), []);
      // Held instead, the same copy is a forgotten update.
      const copied = { ...cancelled, text: cancelled.text.replace(/## This Meeting Was Cancelled.*\n\n/, '') };
      assert.equal((await inSeries([...files, copied], copied.path, 'series/stale-copy')).length, 2);
    });

    it('a list of open issues on the agenda stays the same until they close: no stale copy', async () => {
      const issues = (n: number) =>
        `### nodejs/admin\n\n* Update the readme with the new process [#${n}](https://github.com/o/r/pull/${n})\n* Propose a team discussion policy [#${n + 1}](https://github.com/o/r/issues/${n + 1})\n`;
      const files = [30, 31, 32, 33].map((n, i) => ({
        path: `cc/meetings/2020-01-0${i + 1}.md`,
        text: `# Meeting 2020-01-0${i + 1}\n\n${issues(n)}`,
      }));
      const same = { path: 'cc/meetings/2020-01-05.md', text: `# Meeting 2020-01-05\n\n${issues(33)}` };
      assert.deepEqual(await inSeries([...files, same], same.path, 'series/stale-copy'), []);
    });

    it('an item said again in other words (two words the series rarely uses) was carried over', async () => {
      const minutes = (date: string, body: string) => ({ path: `cc/meetings/${date}.md`, text: `# Committee Meeting ${date}\n\n${body}` });
      const files = [
        minutes(
          '2017-08-17',
          '## Agenda\n\n- Website review\n\nAction items:\n- Tracy to send out ballot via decing.com to members to vote on Chairperson\n',
        ),
        minutes('2017-08-31', '## Agenda\n\n- #113 Elect a new chairperson for the committee: voting by secret ballot\n- Website review\n'),
      ];
      assert.deepEqual(await inSeries(files, files[1].path, 'series/dropped-item'), []);
    });
  });

  describe('template/missing-section', () => {
    it('a title grown by a few words is the section still there', async () => {
      const minutes = (date: string, qa: string) => ({
        path: `cc/meetings/${date}.md`,
        text: `# Meeting ${date}\n\n## Links\n\n* Issue: https://example.org/${date}\n\n## Agenda\n\n- item\n\n## ${qa}\n\nNone.\n\n## Upcoming Meetings\n\nSee the calendar.\n`,
      });
      const dates = ['2018-01-11', '2018-01-25', '2018-02-08', '2018-02-22', '2018-03-08', '2018-03-22'];
      const files = dates.map((d, i) => minutes(d, i === 5 ? 'Q&A, Other New Discussion' : 'Q&A, Other'));
      assert.deepEqual(await inSeries(files, files[5].path, 'template/missing-section'), []);
      const dropped = { ...files[5], text: files[5].text.replace('## Q&A, Other New Discussion\n\nNone.\n\n', '') };
      assert.equal((await inSeries([...files.slice(0, 5), dropped], dropped.path, 'template/missing-section')).length, 1);
    });
  });
});
