import assert from 'node:assert/strict';
import type { SeriesFile } from '../../server/src/core/items/meetings';
import { inSeries, lineOf, lintText, only } from '../helpers';

// Round 9 of the evaluation on minutes of communities in neither corpus (the OpenSSF TAC,
// JupyterHub's team meetings, the CNCF batch working group, CubeFS): the shapes that made rules
// cry wolf there, written afresh, next to the real defect each rule must keep finding.

async function findings(text: string, path: string, rule: string, severities = ['warning', 'error']) {
  const result = await lintText(text, path);
  return only(result.diagnostics, rule)
    .filter((d) => severities.includes(d.severity))
    .map((d) => `${lineOf(result, d)} ${d.message}`);
}

describe('precision on minutes of other communities (round 9)', () => {
  describe('style/cjk-emphasis', () => {
    const roster = (row: string) =>
      [
        '# 2031 Steering Meeting Notes',
        '',
        '| Present | Name | Pronouns | GitHub |',
        '| :---- | :---- | :---- | :---- |',
        '| x | Ana Silva (Acme, **Chair**) | she/her | asilva |',
        row,
        '',
      ].join('\n');

    it('a bold stretch split around a word by an export renders whole, with no stray asterisk', async () => {
      // `**(**Orbit**, Board)**`: the parser nests one strong in another and bolds `(Orbit, Board)`.
      const text = roster('| x | Bo Chen **(**Orbit**, Board)** | he/him | bochen |');
      assert.deepEqual(await findings(text, '/ws/minutes/2031.md', 'style/cjk-emphasis'), []);
    });

    it('asterisks left literal by the same export are still found', async () => {
      // Only `**/ Delta)**` is bold here: the first two `**` show as typed.
      const text = roster('| x | Cy Lee **(**Orbit **/ Delta)** | he/him | cylee |');
      assert.deepEqual(await findings(text, '/ws/minutes/2031.md', 'style/cjk-emphasis'), [
        '6 This bold text does not render as written: the closing "**" comes after "(" and right before a letter, so CommonMark does not end the emphasis here.',
      ]);
    });

    it('two bold labels whose nesting bolds the plain words between them are still found', async () => {
      const text = '# 周会纪要\n\n**本周结论：**大家同意**下周发布**新版本\n';
      assert.deepEqual(await findings(text, '/ws/minutes/2031-01-02.md', 'style/cjk-emphasis'), [
        '3 This bold text does not render as written: the closing "**" comes after "：" and right before a letter, so CommonMark does not end the emphasis here.',
      ]);
    });
  });

  describe('attendee/duplicate', () => {
    const minutes = (participants: string) =>
      [
        '# 📅 Apr 3, 2031',
        '',
        '## 👥 Attendees',
        '',
        '- Ana Silva (Orbit) [host]',
        '- Bo Chen (Delta)',
        '- Cy Lee (Kestrel Labs)',
        '- Dee',
        '- Eli Park (Northwind)',
        '',
        '## Discussion Notes',
        '',
        'The scheduling subgroup met twice since the last call.',
        participants,
        'More contributors are welcome.',
        '',
      ].join('\n');

    it('a subgroup named by first names in the notes names the same people again', async () => {
      const text = minutes('Participants: Bo, Fay, Dee, Cy, and Ana.');
      assert.deepEqual(await findings(text, '/ws/meeting-notes/2031-04-03.md', 'attendee/duplicate'), []);
    });

    it('a person listed twice in the attendees is still found', async () => {
      const text = minutes('Participants: Bo, Fay, Dee, Cy, and Ana.').replace(
        '- Eli Park (Northwind)',
        '- Eli Park (Northwind)\n- Bo Chen (Delta)',
      );
      assert.deepEqual(await findings(text, '/ws/meeting-notes/2031-04-03.md', 'attendee/duplicate'), [
        '10 "Bo Chen" is already listed among the attendees (line 6).',
      ]);
    });

    it('a later list of other people that shares one first name still shows a duplicate name', async () => {
      const text = minutes('Participants: Dee, Gus, Hal.');
      assert.deepEqual(await findings(text, '/ws/meeting-notes/2031-04-03.md', 'attendee/duplicate'), [
        '14 "Dee" is already listed among the attendees (line 8).',
      ]);
    });
  });

  describe('link/duplicate-target', () => {
    const notes = (second: string) =>
      [
        '# Council notes 2031',
        '',
        '## Jan 7',
        '',
        '* [Council input on the roadmap · Issue #380 · acme/council (github.com)](https://github.com/acme/council/issues/380)',
        '',
        '## Jan 21',
        '',
        `* ${second} \\- input on the roadmap`,
        '',
      ].join('\n');

    it('a link named by its repository and its own number names no item', async () => {
      const text = notes('[Council Issue 380](https://github.com/acme/council/issues/380)');
      assert.deepEqual(await findings(text, '/ws/minutes/2031.md', 'link/duplicate-target'), []);
    });

    it('a bare URL whose path holds the repository name is no title (the name is not taken out of it)', async () => {
      // Falco's minutes: `[Link to PR](…/falco/pull/872)` in the highlights, the bare URL under the agenda item.
      const text = [
        '## Highlights',
        '',
        '- Version API',
        '    - [Link to PR](https://github.com/acme/council/pull/872)',
        '',
        '## Agenda',
        '',
        '- New version API',
        '    - https://github.com/acme/council/pull/872',
        '',
      ].join('\n');
      assert.deepEqual(await findings(text, '/ws/minutes/2031.md', 'link/duplicate-target'), []);
    });

    it('another title on the same issue is still found', async () => {
      const text = notes('[Budget review](https://github.com/acme/council/issues/380)');
      assert.deepEqual(await findings(text, '/ws/minutes/2031.md', 'link/duplicate-target'), [
        '9 "Budget review" links to acme/council#380, which line 5 already links as "Council input on the roadmap · Issue #380 · acme/council (github.com)". Is one of the two links wrong?',
      ]);
    });
  });

  describe('template/missing-section (learned)', () => {
    const FOLDER = '/ws/docs/meetings/hpc';
    const minutes = (month: string, withReports: boolean) =>
      [
        `# HPC Meeting - ${month}`,
        '',
        '## Welcome to the Meeting',
        '',
        '- Say hello in the chat.',
        '',
        '## Quick updates',
        '',
        '- Release candidate is out.',
        '',
        ...(withReports ? ['## Reports and celebrations', '', '- A new contributor merged a first PR.', ''] : []),
        '## Agenda items',
        '',
        '- Batch spawner roadmap.',
        '',
      ].join('\n');
    // Over twenty minutes: "nearly every" then lets one of them lack a section, as JupyterHub's 34 did.
    const months = Array.from({ length: 24 }, (_, i) => `${2030 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-05`);
    const series = (withoutReports: number): SeriesFile[] =>
      months.map((day, i) => ({ path: `${FOLDER}/${day}.md`, text: minutes(day, i < months.length - withoutReports) }));

    it('a section the two newest minutes both left out was dropped by the team', async () => {
      const files = series(2);
      assert.deepEqual(await inSeries(files, files[files.length - 1].path, 'template/missing-section'), []);
      assert.deepEqual(await inSeries(files, files[files.length - 2].path, 'template/missing-section'), []);
    });

    it('the newest minutes alone without it forgot it', async () => {
      const files = series(1);
      assert.deepEqual(await inSeries(files, files[files.length - 1].path, 'template/missing-section'), [
        '11 Missing section "Reports and celebrations": 23 of the last 23 minutes in this folder have it (template learned-meetings-hpc).',
      ]);
    });
  });

  describe('handle/invalid', () => {
    const cafe = (line: string) =>
      ['# Collab Cafe 2031', '', '### Breakout room suggestions', '', line, '* Roadmap workshop planning', ''].join('\n');

    it('a capitalised verb after @name, then a link and a lowercase word, is a sentence, not a surname', async () => {
      const text = cafe('* @Ada Adding [https://hub.example.org](https://hub.example.org) to the federation');
      assert.deepEqual(await findings(text, '/ws/collab-cafe/2031.md', 'handle/invalid'), []);
    });

    it('a full name written where the login goes is still found', async () => {
      const text = cafe('* Ada / @Ada Novak / Delft University / ');
      assert.deepEqual(await findings(text, '/ws/collab-cafe/2031.md', 'handle/invalid'), [
        '5 "@Ada Novak" is a name, not a login: logins have no spaces, so only "@Ada" is a mention. Write the person\'s login.',
      ]);
    });
  });

  describe('privacy/email', () => {
    it("a foundation's operations address belongs to no one person", async () => {
      const text = '# Meeting 2031-02-03\n\n* Funding questions: write to [operations@acme.org](mailto:operations@acme.org).\n';
      assert.deepEqual(await findings(text, '/ws/minutes/2031-02-03.md', 'privacy/email', ['info', 'warning']), []);
    });

    it('a personal address next to it is still found', async () => {
      const text = '# Meeting 2031-02-03\n\n* Funding questions: write to [bo.chen@acme.org](mailto:bo.chen@acme.org).\n';
      assert.equal((await findings(text, '/ws/minutes/2031-02-03.md', 'privacy/email', ['info', 'warning'])).length, 1);
    });
  });
});
