import assert from 'node:assert/strict';
import { parseConfigText, resolveConfig, type ConfigHost } from '../../server/src/core';

/** An in-memory file system: the config loader only reads through its host. */
function host(files: Record<string, string>, root = '/ws'): ConfigHost {
  return { root, readFile: (path) => files[path] };
}

describe('configuration', () => {
  it('reads JSON with comments and trailing commas', () => {
    const { config, problems } = parseConfigText(
      '{\n  // team settings\n  "template": "curve-biweekly",\n  "rules": { "privacy/email": "off", },\n}\n',
      '/ws/.minutesrc.json',
    );
    assert.deepEqual(problems, []);
    assert.equal(config.template, 'curve-biweekly');
    assert.deepEqual({ ...config.rules }, { 'privacy/email': 'off' });
  });

  it('reports a syntax error where it is, in English and Chinese, and keeps nothing of the file', () => {
    const text = '{ "rules": { "privacy/email": "off" ';
    const { config, problems } = parseConfigText(text, '/ws/.minutesrc.json');
    assert.deepEqual(config, {});
    assert.equal(problems[0].kind, 'syntax');
    assert.match(problems[0].message.en, /^JSON syntax error/);
    assert.match(problems[0].message.zh, /^JSON 语法错误/);
    assert.ok(problems[0].start >= text.indexOf('"off"'), 'the error points at the end of the broken text');
  });

  it('drops only the setting with a wrong shape and says which', () => {
    const text = '{ "template": "generic", "rules": { "privacy/email": "loud", "link/split": "off" } }';
    const { config, problems } = parseConfigText(text, '/ws/.minutesrc.json');
    assert.equal(config.template, 'generic');
    assert.deepEqual(config.rules, { 'link/split': 'off' });
    assert.equal(problems.length, 1);
    assert.equal(problems[0].key, 'rules');
    assert.match(problems[0].message.en, /rule "privacy\/email": severity must be one of/);
    assert.match(problems[0].message.zh, /严重级别必须是/);
    assert.equal(text.slice(problems[0].start, problems[0].end), '"privacy/email": "loud"');
  });

  it('reports an unknown rule and keeps the other settings', () => {
    const text = '{ "rules": { "privacy/emails": "off", "privacy/email": "info" } }';
    const { config, problems } = parseConfigText(text, '/ws/.minutesrc.json');
    assert.deepEqual(config.rules, { 'privacy/email': 'info' });
    assert.deepEqual(
      problems.map((p) => p.message.en),
      ['unknown rule "privacy/emails"'],
    );
  });

  it('checks rule options against the rule: a misspelled or mistyped option is a problem, the severity still applies', () => {
    const text =
      '{ "rules": { "handle/unknown": ["info", { "knownAfer": 2 }], "privacy/email": ["warning", { "allow": "*@corp.cn" }], "template/empty-section": ["warning", { "allHeadings": true }] } }';
    const { config, problems } = parseConfigText(text, '/ws/.minutesrc.json');
    assert.deepEqual(
      problems.map((p) => p.message.en),
      [
        'rule "handle/unknown" has no option "knownAfer" (options: knownAfter); the rule runs with its defaults',
        'rule "privacy/email": option "allow" must be a list of strings; the rule runs with its defaults',
      ],
    );
    assert.match(problems[1].message.zh, /选项「allow」必须是字符串列表/);
    assert.equal(text.slice(problems[0].start, problems[0].end), '"knownAfer": 2');
    assert.deepEqual(JSON.parse(JSON.stringify(config.rules)), {
      'handle/unknown': 'info',
      'privacy/email': 'warning',
      'template/empty-section': ['warning', { allHeadings: true }],
    });
  });

  it('holds numbers to their minimum and options to an object', () => {
    const { problems } = parseConfigText(
      '{ "rules": { "handle/unknown": ["info", { "knownAfter": -1 }], "privacy/email": ["info", 3] } }',
      '/ws/.minutesrc.json',
    );
    assert.deepEqual(
      problems.map((p) => p.message.en),
      [
        'rule "handle/unknown": option "knownAfter" must be a number ≥ 0; the rule runs with its defaults',
        'rule "privacy/email": the options must be an object; the rule runs with its defaults',
      ],
    );
  });

  it('uses the nearest configuration file, not the ones further up', () => {
    const files = {
      '/ws/.minutesrc.json': '{ "template": "openeuler-tc" }',
      '/ws/curve/.minutesrc.json': '{ "template": "curve-biweekly" }',
    };
    assert.equal(resolveConfig('/ws/curve/2023/2023-04-27.md', host(files)).template?.id, 'curve-biweekly');
    assert.equal(resolveConfig('/ws/tc/20230412_minutes.txt', host(files)).template?.id, 'openeuler-tc');
    assert.equal(resolveConfig('/elsewhere/notes.md', host(files)).path, undefined);
  });

  it('follows extends: later files win and rules merge id by id', () => {
    const files = {
      '/ws/base.json': '{ "template": "generic", "rules": { "privacy/email": "off", "link/split": "error" } }',
      '/ws/.minutesrc.json': '{ "extends": "./base.json", "rules": { "link/split": "info" } }',
    };
    const resolved = resolveConfig('/ws/2026-01-07.md', host(files));
    assert.deepEqual(resolved.problems, []);
    assert.equal(resolved.template?.id, 'generic');
    assert.deepEqual({ ...resolved.config.rules }, { 'privacy/email': 'off', 'link/split': 'info' });
  });

  it('reports an extends cycle and a missing parent instead of looping or throwing', () => {
    const cycle = resolveConfig(
      '/ws/a.md',
      host({
        '/ws/.minutesrc.json': '{ "extends": "./b.json" }',
        '/ws/b.json': '{ "extends": "./.minutesrc.json" }',
      }),
    );
    assert.ok(cycle.problems.some((p) => /"extends" cycle/.test(p.message.en)));
    const missing = resolveConfig('/ws/a.md', host({ '/ws/.minutesrc.json': '{ "extends": "./gone.json" }' }));
    assert.ok(missing.problems.some((p) => p.key === 'extends' && /not found: \/ws\/gone\.json/.test(p.message.en)));
  });

  it('loads a team template file and falls back to detection for an unknown id', () => {
    const team = resolveConfig(
      '/ws/m.md',
      host({
        '/ws/.minutesrc.json': '{ "template": "./team.minutes-template.json" }',
        '/ws/team.minutes-template.json': '{ "id": "team", "name": "Team", "sections": [] }',
      }),
    );
    assert.equal(team.template?.id, 'team');
    const unknown = resolveConfig('/ws/m.md', host({ '/ws/.minutesrc.json': '{ "template": "curve-weekly" }' }));
    assert.equal(unknown.template, undefined);
    assert.match(unknown.problems[0].message.zh, /未知模板「curve-weekly」/);
  });
});
