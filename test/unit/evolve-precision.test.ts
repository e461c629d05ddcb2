import assert from 'node:assert/strict';
import type { SeriesFile } from '../../server/src/core/items/meetings';
import { inSeries, lineOf, lintText, only } from '../helpers';

// Learned templates on series whose template evolved, and Google Docs exports: the conventions
// rounds 7–9 left (a section a team wrote in nearly every minutes but not all, the first minutes
// before a line existed, a link pasted under a new label, people chips), written afresh, next to
// the real defect each rule must keep finding.

async function findings(text: string, path: string, rule: string, severities = ['warning', 'error']) {
  const result = await lintText(text, path);
  return only(result.diagnostics, rule)
    .filter((d) => severities.includes(d.severity))
    .map((d) => `${d.severity} ${lineOf(result, d)} ${d.message}`);
}

/** `count` weekly dates, oldest first. */
const dates = (count: number) => Array.from({ length: count }, (_, i) => new Date(Date.UTC(2031, 0, 6 + 7 * i)).toISOString().slice(0, 10));
const DAYS = dates(7);

describe('precision on series whose template evolved (evolve)', () => {
  describe('template/missing-section (learned): a section the team did not always write', () => {
    const FOLDER = '/ws/council/meetings';
    const minutes = (day: string, { announcements = true, agenda = true } = {}) =>
      [
        `# Orbit Council Meeting ${day}`,
        '',
        '## Links',
        '',
        '* Recording: https://video.example.org/council',
        '',
        '## Present',
        '',
        '* Ana Silva (@asilva)',
        '* Bo Chen (@bochen)',
        '',
        ...(agenda ? ['## Agenda', ''] : []),
        ...(announcements ? ['### Announcements', '', '* The booth at the spring summit is booked.', ''] : []),
        '### orbit/council',
        '',
        '* Budget for the travel fund [#12](https://github.com/orbit/council/issues/12)',
        '',
        '## Upcoming Meetings',
        '',
        '* Calendar: https://calendar.example.org/orbit',
        '',
      ].join('\n');
    // Sixty minutes: "nearly every" lets three of them lack a section, as OpenJS's 193 let nine.
    const series = (shape: (i: number) => Parameters<typeof minutes>[1]): SeriesFile[] =>
      dates(60).map((day, i) => ({ path: `${FOLDER}/${day}.md`, text: minutes(day, shape(i)) }));

    it('a section three minutes of the era left out (working sessions) is not asked of them', async () => {
      const files = series((i) => ({ announcements: ![15, 31, 47].includes(i) }));
      for (const i of [15, 31, 47]) assert.deepEqual(await inSeries(files, files[i].path, 'template/missing-section'), []);
    });

    it('nor of the newest minutes when the team has left it out before', async () => {
      const files = series((i) => ({ announcements: ![20, 40, 59].includes(i) }));
      assert.deepEqual(await inSeries(files, files[59].path, 'template/missing-section'), []);
    });

    it('a section one minutes of the era left out is still found', async () => {
      const files = series((i) => ({ announcements: i !== 31 }));
      assert.deepEqual(await inSeries(files, files[31].path, 'template/missing-section'), [
        '18 Missing section "Announcements": 59 of the last 60 minutes in this folder have it (template learned-council-meetings).',
      ]);
    });

    it('the newest minutes alone without it still forgot it', async () => {
      const files = series((i) => ({ announcements: i !== 59 }));
      assert.deepEqual(await inSeries(files, files[59].path, 'template/missing-section'), [
        '18 Missing section "Announcements": 59 of the last 59 minutes in this folder have it (template learned-council-meetings).',
      ]);
    });

    it('a dropped agenda is still found where the team left announcements out elsewhere', async () => {
      const files = series((i) => ({ announcements: ![15, 31, 47].includes(i), agenda: i !== 31 }));
      assert.deepEqual(await inSeries(files, files[31].path, 'template/missing-section'), [
        '16 Missing section "Agenda": 59 of the last 60 minutes in this folder have it (template learned-council-meetings).',
      ]);
    });
  });

  describe('template/missing-field (learned): the first minutes before a line existed', () => {
    const FOLDER = '/ws/wecg/_minutes';
    const minutes = (day: string, withTime: boolean) =>
      [
        '---',
        'layout: minutes',
        '---',
        '',
        `# Extensions Group Meeting, ${day}`,
        '',
        `- **Date**: ${day}`,
        ...(withTime ? ['- **Time**: 08:00 PT'] : []),
        '- **Notes**: https://notes.example.org/wecg',
        '',
        '## Agenda',
        '',
        '- Storage quota proposal',
        '',
        '## Attendees',
        '',
        '- Ana Silva (Orbit)',
        '- Bo Chen (Delta)',
        '',
        '## Minutes',
        '',
        '- The group agreed to draft the quota proposal.',
        '',
      ].join('\n');
    // Sixty minutes: "nearly every" lets three of them lack the line.
    const series = (without: readonly number[]): SeriesFile[] =>
      dates(60).map((day, i) => ({ path: `${FOLDER}/${day}-wecg.md`, text: minutes(day, !without.includes(i)) }));

    it('the two oldest minutes of the era, written before the line existed, are not asked for it', async () => {
      const files = series([0, 1]);
      assert.deepEqual(await inSeries(files, files[0].path, 'template/missing-field'), []);
      assert.deepEqual(await inSeries(files, files[1].path, 'template/missing-field'), []);
    });

    it('a later minutes without it is still found', async () => {
      const files = series([0, 1, 30]);
      assert.deepEqual(await inSeries(files, files[30].path, 'template/missing-field'), [
        '8 Missing field "Time": 57 of the last 60 minutes in this folder have it (template learned-wecg-minutes).',
      ]);
    });

    it('so is the newest', async () => {
      const files = series([0, 1, 59]);
      assert.deepEqual(await inSeries(files, files[59].path, 'template/missing-field'), [
        '8 Missing field "Time": 57 of the last 59 minutes in this folder have it (template learned-wecg-minutes).',
      ]);
    });
  });

  describe('template/missing-field (learned): a link under a new label', () => {
    const FOLDER = '/ws/ledger-wg/Meeting';
    const header = (day: string, link: string) =>
      [
        `-  **会议时间**: ${day}  16:00-17:00`,
        link,
        `**纪要人:** 王小明`,
        '',
        '## 参会人员',
        '-  **王小明（甲公司）**',
        '-  **李华（乙大学）**',
        '',
        '## 议题',
        '',
        '- 共识算法选型',
        '',
      ].join('\n');
    const files = (newest: string): SeriesFile[] => [
      ...DAYS.slice(0, 6).map((day) => ({
        path: `${FOLDER}/${day} Meeting Info.md`,
        text: header(day, `-  **会议链接**: https://meet.example.com/j/${day.replace(/-/g, '')}`),
      })),
      { path: `${FOLDER}/${DAYS[6]} Meeting Info.md`, text: header(DAYS[6], newest) },
    ];

    it('the newest minutes paste the invitation, the link under another label where it always went', async () => {
      const newest = [
        '-  **Join (Host)**: https://meet.example.com/start?id=4711',
        '-  **Join (External)** : https://meet.example.com/j/4711',
        '-  **会议ID**: 471 100 000',
      ].join('\n');
      const series = files(newest);
      assert.deepEqual(await inSeries(series, series[6].path, 'template/missing-field'), []);
    });

    it('minutes with no link at all are still told', async () => {
      const series = files('-  **会议ID**: 471 100 000');
      assert.deepEqual(await inSeries(series, series[6].path, 'template/missing-field'), [
        '1 Missing field "会议链接": 6 of the last 6 minutes in this folder have it (template learned-ledger-wg-meeting).',
      ]);
    });
  });

  describe('handle/invalid: Google Docs people chips', () => {
    const table = (rows: readonly string[]) => ['| Group | Chair | Check-in |', '| :---: | ----- | :---: |', ...rows];
    const CHIPS = ['| Tooling | @Ana Silva  | Mar 4 |', '| Metrics | @Bo Chen  | Mar 18 |', '| Education | @Cy Lee | Apr 1 |'];
    const exported = (rows: readonly string[]) =>
      [
        '# 2031 Council Meeting Notes',
        '',
        '## Meeting Notes',
        '',
        '* Determine quorum \\- Quorum was established.',
        '',
        '![][image1]',
        '',
        ...table(rows),
        '',
        '[image1]: <data:image/png;base64,iVBORw0KGgoAAAANSUhEUg>',
        '',
      ].join('\n');

    it('an export writes its chips as @First Last: the file is told once, as an info', async () => {
      assert.deepEqual(await findings(exported(CHIPS), '/ws/council/2031.md', 'handle/invalid', ['info', 'warning', 'error']), [
        'info 11 "@Ana Silva" and the 2 other @First Last in this file are Google Docs people chips, as the export writes them; on the forge only "@Ana" would be a mention. To reach people there, write their logins.',
      ]);
    });

    it('one chip is told as one', async () => {
      assert.deepEqual(await findings(exported(CHIPS.slice(2)), '/ws/council/2031.md', 'handle/invalid', ['info', 'warning', 'error']), [
        'info 11 "@Cy Lee" is a Google Docs people chip, as the export writes it; on the forge only "@Cy" would be a mention. To reach the person there, write their login.',
      ]);
    });

    it('the same names in minutes written by hand are each still found', async () => {
      const text = ['# 2031 Council Meeting Notes', '', '## Meeting Notes', '', ...table(CHIPS), ''].join('\n');
      assert.deepEqual(await findings(text, '/ws/council/2031.md', 'handle/invalid'), [
        'warning 7 "@Ana Silva" is a name, not a login: logins have no spaces, so only "@Ana" is a mention. Write the person\'s login.',
        'warning 8 "@Bo Chen" is a name, not a login: logins have no spaces, so only "@Bo" is a mention. Write the person\'s login.',
        'warning 9 "@Cy Lee" is a name, not a login: logins have no spaces, so only "@Cy" is a mention. Write the person\'s login.',
      ]);
    });

    it('escapes alone do not make an export: a real mention before a capitalised surname is still found', async () => {
      const text = ['# Sync 2031-03-04', '', '* Quorum \\- yes', '* Survey owner / @Dana Novak / Orbit', ''].join('\n');
      assert.deepEqual(await findings(text, '/ws/sync/2031-03-04.md', 'handle/invalid'), [
        'warning 4 "@Dana Novak" is a name, not a login: logins have no spaces, so only "@Dana" is a mention. Write the person\'s login.',
      ]);
    });
  });

  describe('handle/invalid: owners joined by +', () => {
    const notes = (line: string) => ['# Council 2031-10-03', '', '## Agenda', '', '* Onboarding guide', `    * ${line}`, ''].join('\n');

    it('@Lead+Ana+Bo names three owners, the first one mentioned', async () => {
      assert.deepEqual(
        await findings(notes('@Lead+Ana+Bo - add a preamble to the guide'), '/ws/council/2031-10-03.md', 'handle/invalid'),
        [],
      );
    });

    it('a login with a character no login has is still found', async () => {
      assert.deepEqual(await findings(notes('@Lead+ - add a preamble to the guide'), '/ws/council/2031-10-03.md', 'handle/invalid'), [
        'warning 6 "@Lead+" cannot be a forge login: "+" is not allowed in logins.',
      ]);
    });
  });
});
