import assert from 'node:assert/strict';
import type { SeriesFile } from '../../server/src/core/items/meetings';
import { englishSubject } from '../../server/src/core/items/owners';
import { inSeries, lineOf, lintText, only } from '../helpers';

// Round 11 of the evaluation on minutes of communities in neither corpus (the Academy Software
// Foundation's TAC, the Open Mainframe Project's TAC, the IETF HTTP working group): the shapes
// that made rules cry wolf there, written afresh, next to the real defect each rule must keep finding.

async function findings(text: string, path: string, rule: string, severities = ['warning', 'error']) {
  const result = await lintText(text, path);
  return only(result.diagnostics, rule)
    .filter((d) => severities.includes(d.severity))
    .map((d) => `${lineOf(result, d)} ${d.message}`);
}

describe('precision on minutes of other communities (round 11)', () => {
  describe('series/dropped-item', () => {
    const FOLDER = '/ws/tac/meetings';
    /** A council's minutes: who came ticked off in task boxes, then the meeting's action items. */
    const minutes = (date: string, actions: readonly string[], attendance = true) =>
      [
        `# Technical Council Meeting - ${date}`,
        '',
        ...(attendance
          ? [
              '## Voting Representative Attendees',
              '',
              '### Premier Member Representatives',
              '',
              '- [x] Ana Silva - Acme Corporation',
              '- [ ] Bo Chen - Globex Inc.',
              '',
              '### Project Representatives',
              '',
              '- [ ] Cy Diaz - Widget Representative',
              '',
              '## Non Voting Projects, Working Groups',
              '',
              '- [ ] Di Evans - Gadget Representative',
              '',
              '## Other Attendees',
              '',
              '- Ed Fox, Initech',
              '',
            ]
          : ['## Attendees', '', '- Ana Silva', '- Ed Fox', '']),
        '## Action Items',
        '',
        ...actions.map((a) => `- ${a}`),
        '',
        '## Notes',
        '',
        '- The council reviewed the release calendar.',
        '',
      ].join('\n');
    const draft = 'Ana to draft the security policy template';
    const budget = 'Bo to review the build farm budget';
    const checklist = 'Cy to write the graduation checklist';
    const files = (last: SeriesFile): SeriesFile[] => [
      { path: `${FOLDER}/2031-01-08.md`, text: minutes('January 8, 2031', [draft]) },
      { path: `${FOLDER}/2031-01-22.md`, text: minutes('January 22, 2031', [draft, budget]) },
      { path: `${FOLDER}/2031-02-05.md`, text: minutes('February 5, 2031', [budget, checklist]) },
      { path: `${FOLDER}/2031-02-19.md`, text: minutes('February 19, 2031', [checklist]) },
      last,
    ];

    it('people ticked off in the attendance are no open items when the next minutes list nobody that way', async () => {
      const last = { path: `${FOLDER}/2031-03-05.md`, text: minutes('March 5, 2031', [checklist], false) };
      assert.deepEqual(await inSeries(files(last), last.path, 'series/dropped-item'), []);
    });

    it('an action item the next minutes forget is still found', async () => {
      const last = { path: `${FOLDER}/2031-03-05.md`, text: minutes('March 5, 2031', ['Ed to book the summit venue'], false) };
      assert.deepEqual(await inSeries(files(last), last.path, 'series/dropped-item'), [
        '1 "Cy to write the graduation checklist" (Cy) was open in the previous minutes (2031-02-19.md, line 24); these minutes neither report it done nor carry it over.',
      ]);
    });

    it('a note to link something has no owner called "Link"; a name before "to" still owns the task', () => {
      assert.equal(englishSubject('Link to product board'), undefined);
      assert.equal(englishSubject('Move to the new calendar invite'), undefined);
      assert.equal(englishSubject('Andrew to provide the resource assessment'), 'Andrew');
    });
  });

  describe('attendee/duplicate', () => {
    const meeting = (others: readonly string[]) =>
      [
        '# Council Meeting 2031-07-24',
        '',
        '### Other attendees',
        '',
        ...others.map((o) => `* ${o}`),
        '',
        'Quorum Achieved',
        '',
        '**Agenda Items**',
        '',
        '* <span style="text-decoration:underline;">Move projects to the new meeting tool</span>',
        '* <span style="text-decoration:underline;">Widget - Annual Review</span>',
        '* <span style="text-decoration:underline;">Gadget - Annual Review</span>',
        '',
        '## Notes',
        '',
        '* Nothing else.',
        '',
      ].join('\n');

    it('a bold line starting the agenda ends the attendance: its underlined items are no people', async () => {
      assert.deepEqual(await findings(meeting(['Ana Silva, Acme', 'Bo Chen']), '/ws/tac/2031-07-24.md', 'attendee/duplicate'), []);
    });

    it('a person listed twice above it is still found', async () => {
      assert.deepEqual(await findings(meeting(['Ana Silva', 'Bo Chen', 'Ana Silva']), '/ws/tac/2031-07-24.md', 'attendee/duplicate'), [
        '7 "Ana Silva" is already listed among the attendees (line 5).',
      ]);
    });
  });

  describe('privacy/meeting-secret', () => {
    const notes = (link: string) =>
      [
        '# Council Meeting 2031-05-26',
        '',
        '## Meeting Recording',
        '',
        'The recording is at the link below.',
        '',
        link,
        '',
        'Passcode: q*Z4+7Lm',
        '',
      ].join('\n');

    it('the passcode of a recording shared for those who missed the meeting opens no meeting', async () => {
      const text = notes('https://zoom.us/rec/share/Xy7Qk2vB9Lw.f3NwsO');
      assert.deepEqual(await findings(text, '/ws/tac/2031-05-26.md', 'privacy/meeting-secret', ['info', 'warning']), []);
    });

    it("a meeting's passcode under its join link is still found", async () => {
      const text = notes('https://zoom.us/j/93150042117');
      assert.deepEqual(await findings(text, '/ws/tac/2031-05-26.md', 'privacy/meeting-secret'), [
        '9 A meeting passcode is published here: anyone who reads the minutes can join the meeting.',
      ]);
    });
  });

  describe('link/duplicate-target', () => {
    const toc = (friday: string) =>
      [
        '# Interim Meeting Minutes',
        '',
        '- [Thursday, June 5](#thursday-june-5)',
        '  - [[ALTSVC as an extension](https://github.com/acme/widget-spec/issues/499)](#altsvc)',
        '- [Friday, June 6](#friday-june-6)',
        `  - [[${friday}](https://github.com/acme/widget-spec/issues/499)](#friday)`,
        '',
      ].join('\n');

    it('a title reworded when the discussion goes on the next day names the same issue', async () => {
      assert.deepEqual(await findings(toc('Make alt-svc an extension to the spec'), '/ws/interim/minutes.md', 'link/duplicate-target'), []);
    });

    it('a title of other words on the same issue is still found', async () => {
      assert.deepEqual(await findings(toc('Frame size limits for extensions'), '/ws/interim/minutes.md', 'link/duplicate-target'), [
        '6 "Frame size limits for extensions" links to acme/widget-spec#499, which line 4 already links as "ALTSVC as an extension". Is one of the two links wrong?',
      ]);
    });
  });

  describe('handle/invalid', () => {
    it('"@-prefix" talks about the sign, not a login', async () => {
      const text = '# Interim 2031-09-14\n\nroy: is an @-prefix the right way for the names?\n';
      assert.deepEqual(await findings(text, '/ws/interim/minutes.md', 'handle/invalid'), []);
    });

    it('a login written with a leading hyphen is still found', async () => {
      const text = '# Interim 2031-09-14\n\n- [ ] @-anasilva to send the draft\n';
      assert.deepEqual(await findings(text, '/ws/interim/minutes.md', 'handle/invalid'), [
        '3 "@-anasilva" cannot be a login: logins start with a letter or a digit.',
      ]);
    });
  });

  describe('privacy/email', () => {
    it("a foundation's meetings address belongs to no one person", async () => {
      const text = '# Council Meeting 2031-02-03\n\n* Calendar questions: write to meetings@acme.org.\n';
      assert.deepEqual(await findings(text, '/ws/tac/2031-02-03.md', 'privacy/email', ['info', 'warning']), []);
    });

    it('a personal address is still found', async () => {
      const text = '# Council Meeting 2031-02-03\n\n* Calendar questions: write to bo.chen@acme.org.\n';
      assert.equal((await findings(text, '/ws/tac/2031-02-03.md', 'privacy/email', ['info', 'warning'])).length, 1);
    });
  });
});
