import assert from 'node:assert/strict';
import { builtinTemplate, resolveTemplate } from '../../server/src/core';
import { seriesCadence } from '../../server/src/core/items/cadence';
import { nextMeeting } from '../../server/src/core/items/carry';
import { orderMeetings, type SeriesFile } from '../../server/src/core/items/meetings';

// New Minutes proposes the next meeting's date from the beat of the series' latest era, not of
// the whole series: a team that met weekly for years and now meets every two weeks is not
// asked to meet next week, and a series whose latest meetings keep no beat gets no date.

/** `count` dates `step` days apart, the first `start` (YYYY-MM-DD, UTC). */
function every(start: string, step: number, count: number): string[] {
  const first = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(first + i * step * 86_400_000).toISOString().slice(0, 10));
}

/** The dates after `last`, each the given number of days after the one before. */
function then(last: string, steps: readonly number[]): string[] {
  let day = Date.parse(`${last}T00:00:00Z`);
  return steps.map((step) => new Date((day += step * 86_400_000)).toISOString().slice(0, 10));
}

/** A series `sync/` of one file per date; the last one keeps an open action. */
function meetings(dates: readonly string[]) {
  const files: SeriesFile[] = dates.map((d, i) => ({
    path: `sync/${d}.md`,
    text:
      `# Build sync, ${d}\n\n## Notes\n\n- The release branch is green.\n` +
      (i === dates.length - 1 ? '\n## Action items\n\n- [ ] @lee-sample rotate the signing key\n' : ''),
  }));
  const last = files[files.length - 1];
  return orderMeetings(files, resolveTemplate(last.path, last.text, { spec: builtinTemplate('generic')!, reason: 'test' }));
}

describe('New Minutes: the next date by the latest era', () => {
  // Weekly from October 2023 to February 2024 (20 meetings), then every two weeks from March
  // (8 meetings, the last on 2024-06-19): 19 of the 27 intervals are a week.
  const weekly = every('2023-10-18', 7, 20);
  const biweekly = every('2024-03-13', 14, 8);

  it('proposes two weeks on for a weekly series turned biweekly, where the whole series is weekly', () => {
    const series = meetings([...weekly, ...biweekly]);
    assert.equal(seriesCadence(series)?.kind, 'weekly');
    const next = nextMeeting(series);
    assert.equal(next.date, '2024-07-03');
    assert.deepEqual(
      next.items.map((i) => [i.text, i.owners]),
      [['rotate the signing key', ['@lee-sample']]],
    );
  });

  it('catches up from today by the biweekly beat when the folder fell behind', () => {
    assert.equal(nextMeeting(meetings([...weekly, ...biweekly]), '2024-07-10').date, '2024-07-17');
    assert.equal(nextMeeting(meetings([...weekly, ...biweekly]), '2024-07-03').date, '2024-07-03');
  });

  it('proposes the biweekly date once most of the last six intervals are two weeks', () => {
    const series = meetings([...weekly, ...then(weekly[weekly.length - 1], [14, 14, 14, 14])]);
    assert.equal(seriesCadence(series)?.kind, 'weekly');
    assert.equal(nextMeeting(series).date, '2024-05-08'); // 2024-04-24 + 14
  });

  it('proposes no date while the beat is changing: two weeks, twice, after years of weeks', () => {
    const series = meetings([...weekly, ...then(weekly[weekly.length - 1], [14, 14])]);
    assert.equal(seriesCadence(series)?.kind, 'weekly');
    assert.equal(nextMeeting(series).date, undefined);
  });

  it('proposes no date when the latest meetings keep no beat, and still carries the open items', () => {
    const series = meetings([...weekly, ...then(weekly[weekly.length - 1], [10, 25, 18, 33])]);
    assert.equal(seriesCadence(series)?.kind, 'weekly');
    const next = nextMeeting(series, '2024-06-01');
    assert.equal(next.date, undefined);
    assert.deepEqual(
      next.items.map((i) => i.text),
      ['rotate the signing key'],
    );
  });

  it('keeps the weekly date after a skipped week or a summer break', () => {
    const last = weekly[weekly.length - 1]; // 2024-02-28
    assert.equal(nextMeeting(meetings([...weekly, ...then(last, [14])])).date, '2024-03-20');
    assert.equal(nextMeeting(meetings([...weekly, ...then(last, [63])])).date, '2024-05-08');
    assert.equal(nextMeeting(meetings([...weekly, ...then(last, [63, 7, 7])])).date, '2024-05-22');
  });

  it('proposes the date of a small series that keeps its beat, and none with fewer than three intervals', () => {
    assert.equal(nextMeeting(meetings(every('2024-01-03', 14, 4))).date, '2024-02-28');
    assert.equal(nextMeeting(meetings(every('2024-01-03', 30, 4))).date, '2024-05-02');
    assert.equal(nextMeeting(meetings(every('2024-01-03', 7, 3))).date, undefined);
    assert.equal(nextMeeting([]).date, undefined);
  });
});
