import assert from 'node:assert/strict';
import { meetingNumber, type SeriesFile } from '../../server/src/core/items/meetings';
import { inSeries, lineOf, lintText, only } from '../helpers';

// Round 8 of the evaluation on minutes of communities in neither corpus (CloudWeGo's community
// meetings, AOSC's contributor meetings and working groups, KubeSphere's release SIG, Falco's
// community calls): the shapes that made rules cry wolf there, written afresh, next to the real
// defect each rule must keep finding.

async function findings(text: string, path: string, rule: string, severities = ['warning', 'error']) {
  const result = await lintText(text, path);
  return only(result.diagnostics, rule)
    .filter((d) => severities.includes(d.severity))
    .map((d) => `${lineOf(result, d)} ${d.message}`);
}

describe('precision on minutes of other communities (round 8)', () => {
  describe('series/date-out-of-order', () => {
    it('the day after "Meeting" in "Meeting 28th June 2019" is a date, not the meeting number', () => {
      assert.equal(meetingNumber('Probe Office hours - Meeting 28th June 2019'), undefined);
      assert.equal(meetingNumber('Probe Office hours - Meeting 4 Sept 2019'), undefined);
      assert.equal(meetingNumber('Probe Community Call - Meeting 08th Jan. 2020'), undefined);
      assert.equal(meetingNumber('Probe Community Call - Meeting 53'), 53);
      assert.equal(meetingNumber('Meeting #12 (May update)'), 12);
    });

    const call = (title: string) => [`# ${title}`, '', '**MC:** Ana Silva', '', '## Notes', '', '- Released 0.3.', ''].join('\n');

    it('minutes titled by their date are not out of order', async () => {
      const files: SeriesFile[] = [
        { path: '/ws/probe/meeting-notes/2019-06-06.md', text: call('Probe Office hours - Meeting 6th June 2019') },
        { path: '/ws/probe/meeting-notes/2019-06-13.md', text: call('Probe Office hours - Meeting 13th June 2019') },
        { path: '/ws/probe/meeting-notes/2019-06-27.md', text: call('Probe Office hours - Meeting 27th June 2019') },
        { path: '/ws/probe/meeting-notes/2019-07-04.md', text: call('Probe Office hours - Meeting 4th July 2019') },
        { path: '/ws/probe/meeting-notes/2019-07-11.md', text: call('Probe Office hours - Meeting 11th July 2019') },
      ];
      for (const file of files) assert.deepEqual(await inSeries(files, file.path, 'series/date-out-of-order'), [], file.path);
    });

    it('a numbered meeting dated out of order is still reported', async () => {
      const files: SeriesFile[] = [
        { path: '/ws/probe/calls/Meeting 41.md', text: call('Probe Community Call - Meeting 41, 2019-06-06') },
        { path: '/ws/probe/calls/Meeting 42.md', text: call('Probe Community Call - Meeting 42, 2019-06-13') },
        { path: '/ws/probe/calls/Meeting 43.md', text: call('Probe Community Call - Meeting 43, 2019-05-02') },
        { path: '/ws/probe/calls/Meeting 44.md', text: call('Probe Community Call - Meeting 44, 2019-06-27') },
        { path: '/ws/probe/calls/Meeting 45.md', text: call('Probe Community Call - Meeting 45, 2019-07-04') },
      ];
      assert.deepEqual(await inSeries(files, '/ws/probe/calls/Meeting 43.md', 'series/date-out-of-order'), [
        '1 Meeting 43 is dated 2019-05-02, before meeting 42 (2019-06-13); meetings 43 and 42 of this series are in the other order.',
      ]);
    });
  });

  describe('link/undefined-reference', () => {
    const notes = (pair: string) =>
      [
        '# Probe Community Call',
        '',
        '## 2020-02-05',
        '',
        '### Agenda',
        '',
        '- [Ivo] Status of the kernel module builds',
        '    - [Ivo] Nightly builds are green again',
        '- [Rhea] Proposal: one notes document for every call',
        pair,
        '- [Rhea] The plugin registry, see [the index][registry]',
        '',
      ].join('\n');

    it('two speakers tagged side by side at the head of an item render as written', async () => {
      assert.deepEqual(
        await findings(
          notes('    - [Tomas][Ivo] Draft the shim together'),
          '/ws/probe/meeting-notes/2020-02-05.md',
          'link/undefined-reference',
        ),
        ['11 No definition "[registry]: …" for the link "[the index][registry]": it renders as plain text.'],
      );
    });

    it('a reference to a missing definition at the head of an item is still broken', async () => {
      assert.deepEqual(
        await findings(
          notes('    - [Release notes][relnotes] are out'),
          '/ws/probe/meeting-notes/2020-02-05.md',
          'link/undefined-reference',
        ),
        [
          '10 No definition "[relnotes]: …" for the link "[Release notes][relnotes]": it renders as plain text.',
          '11 No definition "[registry]: …" for the link "[the index][registry]": it renders as plain text.',
        ],
      );
    });

    it('without the habit of speaker tags, [Name][Name] is a broken reference', async () => {
      const text = ['# Probe Community Call', '', '## Notes', '', '- [Tomas][Ivo] Draft the shim together', ''].join('\n');
      assert.deepEqual(await findings(text, '/ws/probe/meeting-notes/2020-02-05.md', 'link/undefined-reference'), [
        '5 No definition "[Ivo]: …" for the link "[Tomas][Ivo]": it renders as plain text.',
      ]);
    });
  });

  describe('template/missing-section (learned)', () => {
    const call = (day: string, joined: string) =>
      [
        `# Probe Community Call ${day}`,
        '',
        '### MC',
        '',
        '- Ana Silva',
        '',
        joined,
        '',
        '### Agenda',
        '',
        '- Release 0.4 planning',
        '',
      ].join('\n');
    const heading = '### Who joined\n\n- Ana Silva\n- Bo Chen';
    const series = (latest: string): SeriesFile[] => [
      { path: '/ws/probe/meeting-notes/2020-03-04.md', text: call('2020-03-04', heading) },
      { path: '/ws/probe/meeting-notes/2020-03-11.md', text: call('2020-03-11', heading) },
      { path: '/ws/probe/meeting-notes/2020-03-18.md', text: call('2020-03-18', heading) },
      { path: '/ws/probe/meeting-notes/2020-03-25.md', text: call('2020-03-25', heading) },
      { path: '/ws/probe/meeting-notes/2020-04-01.md', text: call('2020-04-01', latest) },
    ];

    it('a bold label over the list of names is the section written another way', async () => {
      for (const label of ['**Who joined**:', '**Who joined:**', 'Who joined:']) {
        const files = series(`${label}\n\n- Ana Silva\n- Bo Chen`);
        assert.deepEqual(await inSeries(files, '/ws/probe/meeting-notes/2020-04-01.md', 'template/missing-section'), [], label);
      }
    });

    it('a label with nothing under it is still a missing section', async () => {
      const files = series('**Who joined**:\n\nNobody took the list.');
      assert.deepEqual(await inSeries(files, '/ws/probe/meeting-notes/2020-04-01.md', 'template/missing-section'), [
        '11 Missing section "Who joined": 4 of the last 4 minutes in this folder have it (template learned-probe-meeting-notes).',
      ]);
    });
  });

  describe('template/date-mismatch (learned)', () => {
    const post = (date: string, day: string) =>
      [
        '---',
        'categories:',
        '  - minutes',
        `title: "纪要：贡献者例会（2025 年 6 月 ${day} 日）"`,
        `date: ${date}`,
        'important: false',
        '---',
        '',
        '本期议题',
        '---',
        '',
        '### 系统维护',
        '',
        '- 六月发行更新内容介绍',
        '',
      ].join('\n');
    const series = (latest: string): SeriesFile[] => [
      { path: '/ws/site/news/2025-06-07-contributor-minutes.md', text: post('2025-06-07T22:00:00+08:00', '7') },
      { path: '/ws/site/news/2025-06-14-contributor-minutes.md', text: post('2025-06-14T18:00:00+08:00', '14') },
      { path: '/ws/site/news/2025-06-21-contributor-minutes.md', text: post('2025-06-21T16:30:00+08:00', '21') },
      { path: '/ws/site/news/2025-06-28-contributor-minutes.md', text: post(latest, '28') },
    ];
    const latest = '/ws/site/news/2025-06-28-contributor-minutes.md';

    it('a front matter stamp a day or a week after the meeting is when the minutes were published', async () => {
      assert.deepEqual(await inSeries(series('2025-06-29T10:30:00+08:00'), latest, 'template/date-mismatch'), []);
      assert.deepEqual(await inSeries(series('2025-07-05T09:30:00+08:00'), latest, 'template/date-mismatch'), []);
    });

    it('a stamp before the meeting (copied from the previous post) is still reported', async () => {
      assert.deepEqual(await inSeries(series('2025-06-21T16:30:00+08:00'), latest, 'template/date-mismatch'), [
        '5 The field "date" says 2025-06-21, but the file name says 2025-06-28.',
      ]);
    });

    it('a stamp weeks after the meeting, or a date without a time, is still reported', async () => {
      assert.deepEqual(await inSeries(series('2025-07-26T09:30:00+08:00'), latest, 'template/date-mismatch'), [
        '5 The field "date" says 2025-07-26, but the file name says 2025-06-28.',
      ]);
      assert.deepEqual(await inSeries(series('2025-06-29'), latest, 'template/date-mismatch'), [
        '5 The field "date" says 2025-06-29, but the file name says 2025-06-28.',
      ]);
    });
  });
});
