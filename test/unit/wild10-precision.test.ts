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
});
