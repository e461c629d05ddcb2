import assert from 'node:assert/strict';
import { isSeriesCandidate, SeriesIndex } from '../../server/src/core/series';
import { lineOf, lintText, only, seriesServices } from '../helpers';

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

  describe('a folder that keeps several meetings side by side', () => {
    // IPFS keeps one folder per quarter with every team's weekly notes, told apart by name.
    const weekly = (date: string) => ({
      path: `/ws/meeting-notes/2019/Q1/${date}--core-team-weekly.md`,
      text: `# Core team weekly ${date}\n\n**Attendees:**\n\n- @ana\n- @ben\n\n## Agenda\n\n- Releases\n\n## Notes\n\n- Datastore work went on.\n`,
    });
    const allHands = (date: string) => ({
      path: `/ws/meeting-notes/2019/Q1/${date}--all-hands.md`,
      text: `# All hands call ${date}\n\n- Moderator: @cy\n- Notetaker: @di\n\n## Attendees\n\n- @cy\n- @di\n\n## Demos\n\n- A new tool.\n`,
    });
    const files = [
      ...['2019-01-07', '2019-01-14', '2019-01-21', '2019-01-28'].map(weekly),
      ...['2019-01-08', '2019-01-15', '2019-01-22', '2019-01-29', '2019-02-05'].map(allHands),
    ];

    it('each kind of minutes is a series of its own, with its own learned template', async () => {
      const index = new SeriesIndex();
      for (const f of files) index.set(f.path, f.text);
      assert.deepEqual(index.keys(), ['/ws/meeting-notes/*/Q1::#--all-hands', '/ws/meeting-notes/*/Q1::#--core-team-weekly']);
      assert.equal(index.seriesOf(files[0].path)?.members.length, 4);
      assert.equal(index.seriesOf(files[4].path)?.members.length, 5);

      const newest = weekly('2019-02-04');
      const result = await lintText(newest.text, newest.path, { services: seriesServices([...files, newest]) });
      assert.equal(result.template.confidence, 'learned');
      assert.deepEqual(
        result.diagnostics.filter((d) => d.rule.startsWith('template/')).map((d) => d.message),
        [],
        'no Moderator, Notetaker or Demos asked of a weekly sync',
      );
      const without = await lintText(newest.text.replace(/## Agenda\n\n- Releases\n\n/, ''), newest.path, {
        services: seriesServices([...files, newest]),
      });
      assert.deepEqual(
        only(without.diagnostics, 'template/missing-section').map((d) => d.message.replace(/ \(template .*/, '')),
        ['Missing section "Agenda": 4 of the last 4 minutes in this folder have it'],
        "a section every one of the kind's minutes has is still required",
      );
    });

    it('one folder of one kind, or of titled articles, is not split', () => {
      const index = new SeriesIndex();
      for (const f of files.slice(0, 4)) index.set(f.path, f.text);
      index.set('/ws/meeting-notes/2019/Q1/2019-02-04-special.md', files[0].text);
      index.set('/ws/meeting-notes/2019/Q1/20190211_minutes.txt', files[0].text);
      assert.deepEqual(index.keys(), ['/ws/meeting-notes/*/Q1']);
    });

    it('a name with a stray space stays with its kind, whose naming then tells it', async () => {
      // CubeFS: `2025-03-19 -en.md` among `…-en.md` files had become a kind of its own, checked by nothing.
      const stray = { ...weekly('2019-02-04'), path: '/ws/meeting-notes/2019/Q1/2019-02-04 --core-team-weekly.md' };
      const all = [...files, stray];
      const index = new SeriesIndex();
      for (const f of all) index.set(f.path, f.text);
      assert.equal(index.seriesOf(stray.path)?.members.length, 5);
      const result = await lintText(stray.text, stray.path, { services: seriesServices(all) });
      assert.deepEqual(
        only(result.diagnostics, 'template/filename').map((d) => d.message.replace(/^.*rename it/, 'rename it')),
        ['rename it to "2019-02-04--core-team-weekly.md".'],
      );
    });
  });

  it('"@0.4.19" after a package name is its version, not a mention', async () => {
    const text = '# Weekly\n\n## Notes\n\n- Released ipfs-http-client @30.1.0 and go-ipfs-dep @v0.4.19\n- Thanks @Erick Zhao\n';
    const result = await lintText(text, '/ws/notes/2019-03-20.md');
    assert.deepEqual(
      only(result.diagnostics, 'handle/invalid').map((d) => text.slice(d.span.start, d.span.end)),
      ['@Erick Zhao'],
    );
  });

  describe('round 4: OpenSSF TAC and JupyterHub', () => {
    it('an attendance table with a column of presence marks reads the names, not the marks', async () => {
      const text = [
        '# 2024-12-10',
        '',
        '## Attendance (please mark an "X" if you are here)',
        '',
        '|  | Name/Affiliation | Pronouns | GH ID |',
        '| ----- | :---- | :---: | :---- |',
        '| x | Ada Lovelace (Acme, **TAC**) | she/her | adal |',
        '| x | Bo Li (Initech) | he/him | boli |',
        '|  | Cy Young (Globex) | he/him | cyy |',
        '| x | Bo Li (Initech) | he/him | boli |',
        '',
        '## Agenda',
        '',
        '- Working group updates',
        '',
      ].join('\n');
      const result = await lintText(text, '/ws/minutes/2024-12-10.md');
      assert.deepEqual(
        only(result.diagnostics, 'attendee/duplicate').map((d) => [lineOf(result, d), d.message]),
        [[10, '"Bo Li" is already listed among the attendees (line 8).']],
      );
    });

    it('"Issue 161" in the text of a link to pull request 182 names the issue the PR is for', async () => {
      const text = [
        '# TAC meeting 2023-08-08',
        '',
        '## Agenda',
        '',
        '- Please review [Update SIG lifecycle doc (TAC Issue 161)](https://github.com/ossf/tac/pull/182)',
        '- Business case: [TAC Issue 256](https://github.com/ossf/tac/issues/257)',
        '',
      ].join('\n');
      const result = await lintText(text, '/ws/minutes/2023-08-08.md');
      assert.deepEqual(
        only(result.diagnostics, 'link/number-mismatch').map((d) => d.message),
        ['The text names #256 but the link points to issue 257.'],
      );
    });

    it('"to be @-ed" is the verb, not a mention', async () => {
      const text =
        '# HPC meeting 2022-09-07\n\n## Agenda\n\n- Will start a PR: add your tag here if you would like to be @-ed\n- Review by @-Wine93\n';
      const result = await lintText(text, '/ws/hpc/2022-09-07.md');
      assert.deepEqual(
        only(result.diagnostics, 'handle/invalid').map((d) => text.slice(d.span.start, d.span.end)),
        ['@-Wine93'],
      );
    });

    it("a file named by a year alone holds the year's meetings: it is no member of the series", () => {
      assert.equal(isSeriesCandidate('/ws/minutes/2024.md'), false);
      assert.equal(isSeriesCandidate('/ws/minutes/2024-01-09.md'), true);
      assert.equal(isSeriesCandidate('/ws/minutes/2025-06.md'), true);
    });
  });
});
