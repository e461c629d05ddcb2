import assert from 'node:assert/strict';
import type { SeriesFile } from '../../server/src/core/items/meetings';
import { lineOf, lintText, only, seriesServices } from '../helpers';

// Round 6 of the evaluation on minutes of communities in neither corpus (MindSpore's SIGs, the
// Bytecode Alliance's TSC and SIGs, the GraphQL WG, TC39-TG2 / ECMA-402): the shapes that made
// rules cry wolf there, written afresh, next to the real defect each rule must keep finding.

async function findings(text: string, path: string, rule: string) {
  const result = await lintText(text, path);
  return only(result.diagnostics, rule).map((d) => `${lineOf(result, d)} ${d.message}`);
}

async function inSeries(files: SeriesFile[], path: string, rule: string) {
  const file = files.find((f) => f.path === path)!;
  const result = await lintText(file.text, path, { services: seriesServices(files) });
  return only(result.diagnostics, rule).map((d) => `${lineOf(result, d)} ${d.message}`);
}

describe('precision on minutes of other communities (round 6)', () => {
  describe('attendee/duplicate', () => {
    const invitedThenPresent = (present: string) =>
      [
        '# Thursday April 2, 2020 at 21:30pm GMT+8',
        '',
        '## Attendees',
        '* Ana Silva (Acme)',
        '* Bo Chen (Acme)',
        '* Cy Diaz (Acme)',
        '* Di Evans (Acme)',
        '',
        '## Notes',
        `* Participants: ${present}`,
        '* Agreed to merge the PR',
        '',
      ].join('\n');

    it('the people who came, named again in the notes, are the attendance told twice', async () => {
      const text = invitedThenPresent('Ana Silva, Bo Chen, Cy Diaz, Fay Gold');
      assert.deepEqual(await findings(text, '/ws/sigs/data/meetings/001-20200402.md', 'attendee/duplicate'), []);
    });

    it('a name repeated within the second list is still a duplicate', async () => {
      const text = invitedThenPresent('Ana Silva, Bo Chen, Cy Diaz, Bo Chen');
      assert.deepEqual(await findings(text, '/ws/sigs/data/meetings/001-20200402.md', 'attendee/duplicate'), [
        '10 "Bo Chen" is already listed among the attendees (line 10).',
      ]);
    });

    it('another list that shares one person with the first still names a duplicate', async () => {
      const text = [
        '# Committee Meeting 2024-06-25',
        '',
        '## Attendees',
        '* Ana Silva',
        '* Bo Chen',
        '',
        '## Notes',
        '* Remote attendees: Bo Chen, Gus Hall',
        '* Nothing else.',
        '',
      ].join('\n');
      assert.deepEqual(await findings(text, '/ws/meetings/2024-06-25.md', 'attendee/duplicate'), [
        '8 "Bo Chen" is already listed among the attendees (line 5).',
      ]);
    });
  });
});
