import assert from 'node:assert/strict';
import type { SeriesFile } from '../../server/src/core/items/meetings';
import { inSeries, lineOf, lintText, only, seriesServices } from '../helpers';

// Round 10 of the evaluation on minutes of communities in neither corpus (the C# Language Design
// Meeting notes, SPDX's teams, the Django Software Foundation board, Intersect's product
// committee): the shapes that made rules cry wolf there, written afresh, next to the real defect
// each rule must keep finding.

async function findings(text: string, path: string, rule: string, severities = ['warning', 'error']) {
  const result = await lintText(text, path);
  return only(result.diagnostics, rule)
    .filter((d) => severities.includes(d.severity))
    .map((d) => `${lineOf(result, d)} ${d.message}`);
}

const minutesOf = (path: string, lines: readonly string[]): SeriesFile => ({ path, text: lines.join('\n') + '\n' });

describe('precision on minutes of other communities (round 10)', () => {
  describe('series kinds: a date written with a month name is no kind', () => {
    // A wiki (GitBook) names each page after the title it was created with, and a copied page keeps
    // the name with a counter: `26th-september-2031-3.md` holds the minutes of 10th October.
    const page = (name: string, title: string): SeriesFile =>
      minutesOf(`/ws/committee-notes/2031/${name}.md`, [
        `# ${title}`,
        '',
        '## Participants',
        '',
        '* Ana Silva',
        '* Bo Chen',
        '',
        '## Agenda',
        '',
        '* Review actions',
        '',
        '## Updates',
        '',
        `* Notes of ${title}.`,
      ]);
    const files = [
      page('29th-august-2031', '29th August 2031'),
      page('5th-september-2031', '5th September 2031'),
      page('8th-september-2031', '8th September 2031'),
      page('12th-september-2031', '12th September 2031'),
      page('19th-september-2031', '19th September 2031'),
      page('26th-september-2031-3', '3rd October 2031'),
      page('26th-september-2031-2', '10th October 2031'),
      page('26th-september-2031-1', '17th October 2031'),
      page('26th-september-2031', '24th October 2031'),
      page('7th-november-2031', '7th November 2031'),
    ];

    it('pages named after dates in words are one series, not one per month', async () => {
      const services = seriesServices(files);
      const ids = new Set(files.map((f) => services.series!(f.path)?.choice?.spec?.id));
      assert.equal(ids.size, 1);
      // The September-named page holding October's minutes was held to `^\d+th September \d+$`.
      assert.deepEqual(await inSeries(files, '/ws/committee-notes/2031/26th-september-2031.md', 'template/field-format'), []);
    });

    it('a folder that keeps two meetings side by side is still split by their names', () => {
      const call = (name: string): SeriesFile =>
        minutesOf(`/ws/notes/${name}.md`, [
          `# ${name}`,
          '',
          '## Attendees',
          '',
          '- Ana Silva',
          '',
          '## Notes',
          '',
          '- Released 1.2.',
        ] as const);
      const both = ['2031-01-07', '2031-01-14', '2031-01-21', '2031-01-28'].flatMap((d) => [
        call(`${d}--core-team`),
        call(`${d}--community-call`),
      ]);
      const services = seriesServices(both);
      const a = services.series!('/ws/notes/2031-01-07--core-team.md')?.choice?.spec?.id;
      const b = services.series!('/ws/notes/2031-01-07--community-call.md')?.choice?.spec?.id;
      assert.ok(a && b);
      assert.notEqual(a, b);
    });
  });

  describe('series/dropped-item', () => {
    // A tech team meets every Tuesday (`2031-03-18.md`) and, once, holds a session on translations
    // on a Thursday (`2031-03-20-translation.md`) with its own to-dos.
    const meeting = (date: string, actions: readonly string[], kind = ''): SeriesFile =>
      minutesOf(`/ws/tech/2031/${date}${kind}.md`, [
        `# Tech Team Meeting${kind ? ' Translation' : ''} ${date}`,
        '',
        '## Attendees',
        '',
        '- Ana Silva',
        '- Bo Chen',
        '',
        '## Notes',
        '',
        '- Went through the open pull requests.',
        '',
        '## Action Items',
        '',
        ...actions.map((a) => `- ${a}`),
      ]);
    const tasks = [
      'Ana to book the room for the summit',
      'Bo to draft the release notes of 3.1',
      'Cy to fix the JSON examples',
      'Ana to ask legal about the logo',
      'Bo to rename the profile fields',
      'Cy to merge the SHACL shapes',
      'Ana to move the wiki pages',
    ];
    const dates = ['2031-02-04', '2031-02-11', '2031-02-18', '2031-02-25', '2031-03-04', '2031-03-11', '2031-03-18'];
    const files = [
      ...dates.map((d, i) =>
        meeting(d, [...(i ? [`${tasks[i - 1]} (done)`] : []), tasks[i], ...(i === 6 ? ['Dee to review PR 512'] : [])]),
      ),
      meeting('2031-03-20', ['Eli will set up the language folders', 'Fay will ask the Asia team for reviewers'], '-translation'),
      meeting('2031-03-25', [`${tasks[6]} (done)`, 'Bo to publish the examples page']),
    ];

    it("a session on one topic owes the regular meeting nothing, and its to-dos are not the next meeting's", async () => {
      assert.deepEqual(await inSeries(files, '/ws/tech/2031/2031-03-20-translation.md', 'series/dropped-item'), []);
      // The regular meeting follows the regular one before it: what that one left open is still asked.
      assert.deepEqual(await inSeries(files, '/ws/tech/2031/2031-03-25.md', 'series/dropped-item'), [
        '1 "Dee to review PR 512" (Dee) was open in the previous minutes (2031-03-18.md, line 16); these minutes neither report it done nor carry it over.',
      ]);
    });
  });

  describe('handle/invalid', () => {
    const attendees = (extra: string) =>
      [
        '# Legal Team Meeting, May 6, 2031',
        '',
        '## Attendees',
        '* Ana Silva @Acme',
        '* Dana Reyes @Blue Harbor',
        '* Bo Chen',
        '',
        '## Notes',
        '',
        extra,
        '',
      ].join('\n');

    it("`@` after a person's full name in the attendees says where they work", async () => {
      assert.deepEqual(await findings(attendees('Reviewed the license list.'), '/ws/legal/2031-05-06.md', 'handle/invalid'), []);
    });

    it('a spaced name written where a login belongs is still found', async () => {
      assert.deepEqual(await findings(attendees('Next steps: @Dana Reyes'), '/ws/legal/2031-05-06.md', 'handle/invalid'), [
        '10 "@Dana Reyes" is a name, not a login: logins have no spaces, so only "@Dana" is a mention. Write the person\'s login.',
      ]);
    });
  });

  describe('template/missing-section (learned)', () => {
    const general = (date: string, legal: string | undefined, body = '## Notes'): SeriesFile =>
      minutesOf(`/ws/general/2031/${date}.md`, [
        `# General Meeting Minutes - ${date}`,
        '',
        '## Administrative',
        '',
        '* Minutes approved.',
        '',
        '## Tech Team Report - Ana/Bo',
        '',
        '* The 3.1 draft is out.',
        '',
        ...(legal ? [`## ${legal}`, '', '* Two new licenses were added.', ''] : []),
        body,
        '',
        '* Questions from the floor.',
        '',
        '## Attendees',
        '',
        '* Ana Silva',
      ]);
    const dates = ['2031-01-08', '2031-02-05', '2031-03-05', '2031-04-02', '2031-05-07', '2031-06-04'];

    it('a report whose presenters changed is still the report', async () => {
      const files = [...dates.map((d) => general(d, 'Legal Team Update - Dana/Lee')), general('2031-07-02', 'Legal Team Update - Dana')];
      assert.deepEqual(await inSeries(files, '/ws/general/2031/2031-07-02.md', 'template/missing-section'), []);
    });

    it('`Minutes` where the series writes `Notes` is the same body', async () => {
      const files = [
        ...dates.map((d) => general(d, 'Legal Team Update - Dana/Lee')),
        general('2031-07-02', 'Legal Team Update - Dana/Lee', '## Minutes'),
      ];
      assert.deepEqual(await inSeries(files, '/ws/general/2031/2031-07-02.md', 'template/missing-section'), []);
    });

    it('a report or the notes really missing are still found', async () => {
      const files = [...dates.map((d) => general(d, 'Legal Team Update - Dana/Lee')), general('2031-07-02', undefined, '## Outlook')];
      const found = await inSeries(files, '/ws/general/2031/2031-07-02.md', 'template/missing-section');
      assert.equal(found.length, 2);
      assert.match(found[0], /Missing section "Legal Team Update - Dana\/Lee"/);
      assert.match(found[1], /Missing section "Notes"/);
    });
  });
});
