import assert from 'node:assert/strict';
import { configuredTemplate, formattingOf, newConfigText, templateEdits, withTemplate } from '../../client/src/templateChoice/configEdit';
import { parseConfigText } from '../../server/src/core/config/load';

// "Change Template…" writes the choice into the team's .minutesrc.json: a small edit that must
// leave everything else in the file as the team wrote it, comments first.

const TEAM_CONFIG = `{
  // The team's configuration: reviewed in every PR.
  "template": "curve-biweekly", // pinned since 2023
  /* Severity per rule. */
  "rules": {
    "template/filename": "off",
  },
}
`;

describe('changing the template in .minutesrc.json', () => {
  it('replaces the value and keeps every comment and trailing comma', () => {
    assert.equal(withTemplate(TEAM_CONFIG, 'openeuler-tc'), TEAM_CONFIG.replace('"curve-biweekly"', '"openeuler-tc"'));
  });

  it('adds the key near the top when it is missing, indented as the file is', () => {
    const text =
      '{\n    "$schema": "./node_modules/community-minutes/schemas/minutesrc.schema.json",\n    // Rules the team turned off.\n    "rules": { "template/filename": "off" }\n}\n';
    const edited = withTemplate(text, 'generic')!;
    assert.equal(
      edited,
      '{\n    "$schema": "./node_modules/community-minutes/schemas/minutesrc.schema.json",\n    "template": "generic",\n    // Rules the team turned off.\n    "rules": { "template/filename": "off" }\n}\n',
    );
    const parsed = parseConfigText(edited, '/repo/.minutesrc.json');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.config.template, 'generic');
    assert.deepEqual({ ...parsed.config.rules }, { 'template/filename': 'off' });
  });

  it('keeps Windows line ends and tab indentation', () => {
    const text = '{\r\n\t"rules": {}\r\n}\r\n';
    const edited = withTemplate(text, 'lctt-article')!;
    assert.ok(!/[^\r]\n/.test(edited), `a bare \\n in ${JSON.stringify(edited)}`);
    assert.match(edited, /\r\n\t"template": "lctt-article",\r\n\t"rules": \{\}/);
    assert.deepEqual(formattingOf(text), { insertSpaces: false, tabSize: 4, eol: '\r\n' });
  });

  it('removes the key for automatic detection, with its line and nothing else', () => {
    assert.equal(
      withTemplate(TEAM_CONFIG, undefined),
      `{
  // The team's configuration: reviewed in every PR.
  /* Severity per rule. */
  "rules": {
    "template/filename": "off",
  },
}
`,
    );
    // The last key takes the comma before it along; on one line, the space after it goes too.
    assert.equal(
      withTemplate('{\n  "rules": {}, // none yet\n  "template": "generic"\n}\n', undefined),
      '{\n  "rules": {} // none yet\n}\n',
    );
    assert.equal(withTemplate('{ "template": "generic", "rules": {} }', undefined), '{ "rules": {} }');
    assert.equal(withTemplate('{ "rules": {} }', undefined), '{ "rules": {} }');
  });

  it('turns an empty file into a config, and makes new ones the loader accepts', () => {
    const fromEmpty = withTemplate('', 'osh-group-meeting')!;
    assert.equal(parseConfigText(fromEmpty, '/repo/.minutesrc.json').config.template, 'osh-group-meeting');
    const fresh = newConfigText('curve-biweekly');
    const parsed = parseConfigText(fresh, '/repo/.minutesrc.json');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual({ ...parsed.config }, { template: 'curve-biweekly' });
  });

  it('refuses a file it cannot edit safely', () => {
    assert.deepEqual(templateEdits('{ "template": "generic", ', 'openeuler-tc'), { ok: false, reason: 'syntax' });
    assert.deepEqual(templateEdits('["generic"]', 'openeuler-tc'), { ok: false, reason: 'not-object' });
  });

  it('reads the template as written, whatever its kind', () => {
    assert.equal(configuredTemplate(TEAM_CONFIG), 'curve-biweekly');
    assert.equal(configuredTemplate('{ "template": "./team.minutes-template.json" }'), './team.minutes-template.json');
    assert.deepEqual(configuredTemplate('{ "template": { "id": "team" } }'), { id: 'team' });
    assert.equal(configuredTemplate('{ "rules": {} }'), undefined);
  });
});
