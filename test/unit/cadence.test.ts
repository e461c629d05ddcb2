import assert from 'node:assert/strict';
import type { SeriesFile } from '../../server/src/core/items/meetings';
import { inSeries, lintText, only, seriesServices } from '../helpers';

// series/missed-meeting judges a gap by the beat of the meetings around it (its era), not by
// the beat of the whole series: a series of years meets weekly in one era, every two weeks in
// another, and stops now and then.

const RULE = 'series/missed-meeting';

/** A series `wg/` with one file per date: a title line naming the date, nothing more. */
function series(dates: readonly string[]): SeriesFile[] {
  return dates.map((d) => ({ path: `wg/${d}.md`, text: `# Working Group Meeting ${d}\n\nNotes of the ${d} call.\n` }));
}

/** `count` dates `step` days apart, the first `start` (YYYY-MM-DD, UTC). */
function every(start: string, step: number, count: number): string[] {
  const first = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(first + i * step * 86_400_000).toISOString().slice(0, 10));
}

/** Every file of the series that the rule reports, with its messages. */
async function reported(files: readonly SeriesFile[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const f of files) {
    const messages = await inSeries(files, f.path, RULE);
    if (messages.length) found[f.path] = messages;
  }
  return found;
}

describe('series/missed-meeting by era', () => {
  // Weekly from October 2023 to February 2024, then every two weeks from March: the whole
  // series is "weekly" (19 of its 27 intervals are seven days), its second era is not.
  const weekly = every('2023-10-18', 7, 20); // 2023-10-18 … 2024-02-28
  const biweekly = every('2024-03-13', 14, 8); // 2024-03-13 … 2024-06-19

  it('reads the biweekly era as biweekly: its two-week intervals are no missed meetings', async () => {
    assert.deepEqual(await reported(series([...weekly, ...biweekly])), {});
  });

  it('names the beat and the date of the era where a meeting is missing', async () => {
    // 2024-04-24 left out of the biweekly era, 2024-01-24 of the weekly one.
    const dates = [...weekly, ...biweekly].filter((d) => d !== '2024-04-24' && d !== '2024-01-24');
    assert.deepEqual(await reported(series(dates)), {
      'wg/2024-01-31.md': [
        '1 No minutes between 2024-01-17.md (2024-01-17) and these (2024-01-31): the series meets weekly, so a meeting around 2024-01-24 has none (or it was cancelled).',
      ],
      'wg/2024-05-08.md': [
        '1 No minutes between 2024-04-10.md (2024-04-10) and these (2024-05-08): the series meets every two weeks, so a meeting around 2024-04-24 has none (or it was cancelled).',
      ],
    });
  });

  it('says it in Chinese with the era’s beat', async () => {
    const files = series([...weekly, ...biweekly].filter((d) => d !== '2024-04-24'));
    const file = files.find((f) => f.path === 'wg/2024-05-08.md')!;
    const result = await lintText(file.text, file.path, { services: seriesServices(files), lang: 'zh' });
    assert.deepEqual(
      only(result.diagnostics, RULE).map((d) => d.message),
      ['2024-04-10.md（2024-04-10）与本次（2024-05-08）之间没有纪要：该系列每两周开会，2024-04-24 前后的会议没有纪要（或已取消）。'],
    );
  });

  it('says nothing where the beat changes: the gap between a weekly and a biweekly era has no one beat', async () => {
    // 2024-02-28 -> 2024-03-13 is the first two-week interval. With 2024-02-28 gone too, three
    // weeks pass before the first biweekly meeting: the weekly side would call it a missed week,
    // the side after it does not keep that beat.
    const files = series([...weekly, ...biweekly]);
    assert.deepEqual(await inSeries(files, 'wg/2024-03-13.md', RULE), []);
    const wider = series([...weekly.slice(0, -1), ...biweekly]);
    assert.deepEqual(await inSeries(wider, 'wg/2024-03-13.md', RULE), []);
  });

  it('says nothing in an irregular stretch of a series that is weekly overall', async () => {
    // Weekly for months, then meetings 10, 20, 25, 12, 19 days apart: a 25-day gap there says
    // nothing about a missed meeting, though the series' beat as a whole is weekly.
    const regular = every('2024-01-03', 7, 20);
    const irregular = ['2024-05-25', '2024-06-14', '2024-07-09', '2024-07-21', '2024-08-09', '2024-08-19', '2024-09-08'];
    const files = series([...regular, ...irregular]);
    assert.deepEqual(await inSeries(files, 'wg/2024-07-09.md', RULE), []);
    assert.deepEqual(await inSeries(files, 'wg/2024-08-09.md', RULE), []);
    // Inside the weekly stretch, three weeks without minutes are noted.
    const gap = series(regular.filter((d) => d !== '2024-03-20' && d !== '2024-03-27'));
    assert.equal((await inSeries(gap, 'wg/2024-04-03.md', RULE)).length, 1);
  });

  it('judges a summer break in its own era, and still finds two files of one date', async () => {
    // Every two weeks, a break of ten weeks, every two weeks again: the break is a pause.
    const dates = [...every('2024-03-06', 14, 8), ...every('2024-08-28', 14, 6)];
    const files = series(dates);
    assert.deepEqual(await reported(files), {});
    const twice = [...files, { path: 'wg/2024-04-17-extra.md', text: '# Working Group Meeting 2024-04-17\n\nAn extra call.\n' }];
    assert.equal((await inSeries(twice, 'wg/2024-04-17-extra.md', RULE)).length, 1);
  });
});
