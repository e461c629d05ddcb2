import assert from 'node:assert/strict';
import { lineOf, lintText, only } from '../helpers';

// Round 3 of the evaluation on minutes of communities in neither corpus (OpenCloudOS, Apache Dubbo,
// Electron, IPFS, scikit-learn): the shapes that made rules cry wolf there, written afresh, next to
// the real defect each rule must keep finding.

describe('precision on minutes of other communities (round 3)', () => {
  describe('attendee/duplicate', () => {
    it('"name - company" on each line names one person, not two', async () => {
      // OpenCloudOS lists attendees one per line as `田忠 - 腾讯,`; the company is no second attendee.
      const text = [
        '# 社区例会',
        '',
        '## 参会人员：',
        '',
        '王一 - 甲公司,',
        '李二 - 甲公司,',
        '张三 - 乙大学,',
        '赵四 - 乙大学,',
        '王一 - 甲公司',
        '',
        '## 会议纪要',
        '',
        '1. 讨论了版本计划。',
        '',
      ].join('\n');
      const result = await lintText(text, '/ws/Meetings/2022-02-17.MD');
      const found = only(result.diagnostics, 'attendee/duplicate');
      assert.deepEqual(
        found.map((d) => [lineOf(result, d), d.message]),
        [[9, '"王一 - 甲公司" is already listed among the attendees (line 5).']],
        'the person written twice is still found',
      );
    });

    it('the same list again in the Chinese half of bilingual minutes is a copy, not duplicates', async () => {
      const text = [
        'Meeting time: 1 July 2022, 20:30 (GMT +8)',
        'Participants: alice, bob, carol, etc.',
        '',
        '## Ease of use',
        '',
        'The meeting discussed the test component.',
        '',
        '会议时间：2022 年 7 月 1 日 20:30（GMT +8）',
        '参会人：alice, bob, carol 等',
        '',
        '## 易用性',
        '',
        '周会讨论了测试组件。',
        '',
      ].join('\n');
      const result = await lintText(text, '/ws/weeklymeeting/20220701.md');
      assert.deepEqual(only(result.diagnostics, 'attendee/duplicate'), []);

      const twice = text
        .replace('alice, bob, carol, etc.', 'alice, bob, alice, etc.')
        .replace('alice, bob, carol 等', 'alice, bob, alice 等');
      const again = await lintText(twice, '/ws/weeklymeeting/20220701.md');
      assert.deepEqual(
        only(again.diagnostics, 'attendee/duplicate').map((d) => [lineOf(again, d), d.message]),
        [
          [2, '"alice" is already listed among the attendees (line 2).'],
          [9, '"alice" is already listed among the attendees (line 9).'],
        ],
        'a name twice within one list is still a duplicate, in each copy',
      );
    });

    it('"etc." and "等" end a list; they are nobody', async () => {
      const text = 'Participants: alice, bob, etc.\n\n## Notes\n\n- Release plan.\n\n参会人：dave, erin, etc.\n';
      const result = await lintText(text, '/ws/weeklymeeting/20220715.md');
      assert.deepEqual(only(result.diagnostics, 'attendee/duplicate'), []);
    });
  });
});
