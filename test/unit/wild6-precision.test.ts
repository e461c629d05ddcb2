import assert from 'node:assert/strict';
import type { SeriesFile } from '../../server/src/core/items/meetings';
import { inSeries, lineOf, lintText, only, seriesServices } from '../helpers';

// Round 6 of the evaluation on minutes of communities in neither corpus (MindSpore's SIGs, the
// Bytecode Alliance's TSC and SIGs, the GraphQL WG, TC39-TG2 / ECMA-402): the shapes that made
// rules cry wolf there, written afresh, next to the real defect each rule must keep finding.

async function findings(text: string, path: string, rule: string) {
  const result = await lintText(text, path);
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

  describe('template/empty-section', () => {
    const call = (day: string, notes: string) =>
      [
        `# March ${day} project call`,
        '',
        '## Agenda',
        '1. Opening, welcome and roll call',
        '1. Release policy discussion',
        '',
        '## Notes',
        '',
        notes,
        '',
      ].join('\n');
    const filled = '### Notes\n\n- Agreed on a point release.';
    const series = (latest: string): SeriesFile[] => [
      { path: '/ws/wasmtime/2024/wasmtime-03-03.md', text: call('3rd', filled) },
      { path: '/ws/wasmtime/2024/wasmtime-03-10.md', text: call('10th', filled) },
      { path: '/ws/wasmtime/2024/wasmtime-03-17.md', text: call('17th', filled) },
      { path: '/ws/wasmtime/2024/wasmtime-03-24.md', text: call('24th', filled) },
      { path: '/ws/wasmtime/2024/wasmtime-03-31.md', text: call('31st', latest) },
    ];

    it('a blank part named like its section (## Notes > ### Notes) is not the template section left empty', async () => {
      const files = series('### Notes');
      assert.deepEqual(await inSeries(files, '/ws/wasmtime/2024/wasmtime-03-31.md', 'template/empty-section'), []);
    });

    it('the template section itself left empty is still reported', async () => {
      const files = series('');
      const text = files[4].text.replace('## Notes\n\n\n', '## Notes\n\n## Action items\n\n- none\n');
      files[4] = { ...files[4], text };
      assert.deepEqual(await inSeries(files, '/ws/wasmtime/2024/wasmtime-03-31.md', 'template/empty-section'), [
        '7 Section "Notes" is empty; template learned-ws-wasmtime expects content here.',
      ]);
    });
  });

  describe('link/undefined-reference', () => {
    it('[Name][**ACTION**] tags an action item, and [Name][ACTION] is the same tag; [text][1] is still a broken link', async () => {
      const text = [
        '# GraphQL WG Meeting 2019-09-12',
        '',
        '## Notes',
        '',
        '*   [Ivan][**ACTION**] Write a proposal',
        '*   [Matt][ACTION] Will sync with the team',
        '*   See [the spec][1] for details',
        '',
      ].join('\n');
      assert.deepEqual(await findings(text, '/ws/notes/2019-09-12.md', 'link/undefined-reference'), [
        '7 No definition "[1]: …" for the link "[the spec][1]": it renders as plain text.',
      ]);
    });
  });

  describe('link/duplicate-target', () => {
    it('"RFC" under the topic names the document the agenda named by its title; a title given to another item is still reported', async () => {
      const text = [
        '# GraphQL WG Notes - May 2021',
        '',
        '## Agenda',
        '',
        '1. [Default Value Coercion RFC](https://github.com/graphql/graphql-spec/pull/793) (5m, Evan)',
        '1. [formatToParts](https://github.com/graphql/graphql-spec/issues/47)',
        '1. [DurationFormat](https://github.com/graphql/graphql-spec/issues/47)',
        '',
        '## Default Value Coercion RFC (5m, Evan)',
        '',
        '- [RFC](https://github.com/graphql/graphql-spec/pull/793)',
        '',
      ].join('\n');
      assert.deepEqual(await findings(text, '/ws/notes/2021-05-13.md', 'link/duplicate-target'), [
        '7 "DurationFormat" links to graphql/graphql-spec#47, which line 6 already links as "formatToParts". Is one of the two links wrong?',
      ]);
    });
  });

  describe('template/missing-field (learned)', () => {
    async function missingFields(files: SeriesFile[], path: string) {
      const file = files.find((f) => f.path === path)!;
      const result = await lintText(file.text, path, { services: seriesServices(files) });
      return only(result.diagnostics, 'template/missing-field').map((d) => `${d.severity} ${d.message.replace(/ \(template .*$/, '')}`);
    }

    it('a password is never asked for, and what three minutes all have is only said', async () => {
      const invite = (day: string) =>
        [
          `# Friday July ${day}, 2020 at 14:00pm GMT+8`,
          '',
          '## Conference links',
          '- Conference ID：988 991 394',
          '- Password：qw123e',
          '',
          '## Notes',
          '- Agreed.',
          '',
        ].join('\n');
      const files: SeriesFile[] = [
        { path: '/ws/sigs/frontend/meetings/001-20200703.md', text: invite('3') },
        { path: '/ws/sigs/frontend/meetings/002-20200710.md', text: invite('10') },
        { path: '/ws/sigs/frontend/meetings/003-20200717.md', text: invite('17') },
        {
          path: '/ws/sigs/frontend/meetings/004-20200724.md',
          text: invite('24').replace(/- (?:Conference ID|Password)：.*\n/g, '- https://welink-meeting.zoom.us/j/620653212\n'),
        },
      ];
      assert.deepEqual(await missingFields(files, '/ws/sigs/frontend/meetings/004-20200724.md'), [
        'info Missing field "Conference ID": 3 of the last 3 minutes in this folder have it',
      ]);
    });
  });

  describe('link/number-mismatch', () => {
    it('"UTS #35" names a Unicode standard; a wrong number of the PR itself is still reported', async () => {
      const text = [
        '# ECMA 402 meeting 2018-07-19',
        '',
        '## Agenda',
        '',
        '1. [Normative: Cite UTS #35 for canonicalizing Unicode extension tags](https://github.com/tc39/proposal-intl-locale/pull/48)',
        '1. [#788](https://github.com/graphql/graphql-wg/issues/798) review the schema coordinates PR',
        '',
      ].join('\n');
      assert.deepEqual(await findings(text, '/ws/meetings/notes-2018-07-19.md', 'link/number-mismatch'), [
        '6 The text names #788 but the link points to issue 798.',
      ]);
    });
  });
});
