import assert from 'node:assert/strict';
import { lint, resolveConfig, type ConfigHost } from '../../server/src/core';
import { globError, globMatches } from '../../server/src/core/regex/glob';
import { compilePattern, dataPattern, patternError } from '../../server/src/core/regex/pattern';
import type { TemplateSpec } from '../../server/src/core/templates/types';
import { validateTemplate } from '../../server/src/core/templates/validate';
import { only } from '../helpers';

const catastrophic = `${'a'.repeat(64 * 1024)}b`;

describe('patterns from data run in linear time', () => {
  it("^(a+)+$ on 64 KB answers (JavaScript's own engine would not finish)", () => {
    assert.equal(dataPattern('^(a+)+$')!.test(catastrophic), false);
    assert.equal(dataPattern('^(a+)+$', { multiline: true })!.test(`${catastrophic}\naaa`), true);
    assert.equal(dataPattern('(x+x+)+y')!.exec('x'.repeat(50_000)), undefined);
  });

  it('reads patterns as JavaScript does: \\s takes full-width spaces, . stops at \\r, ^ and $ at \\r\\n, \\uXXXX escapes', () => {
    assert.equal(dataPattern('^议题\\s*：$')!.test('议题\u3000：'), true);
    assert.equal(dataPattern('^a.b$')!.test('a\rb'), false);
    assert.equal(dataPattern('^## 时间[ \\t]*$', { multiline: true })!.test('# t\r\n## 时间\r\nx'), true);
    assert.equal(dataPattern('^[\\u4e00-\\u9fa5]+$')!.test('会议纪要'), true);
    assert.equal(dataPattern('^[^]$')!.test('\n'), true);
    assert.equal(dataPattern('(?<!\\d)12')!.test('x12'), true);
    assert.equal(dataPattern('(?<!\\d)12')!.test('312'), false);
  });

  it('gives UTF-16 offsets and named groups like RegExp', () => {
    const m = dataPattern('(?<month>\\d{2})-(?<day>\\d{2})$')!.exec('😀 2023-04-27', 0)!;
    assert.equal(m.index, '😀 2023-'.length);
    assert.deepEqual(m.named.month, { start: 8, end: 10, text: '04' });
    assert.deepEqual(
      [...dataPattern('x{2}')!.matchAll('xxxxx')].map((x) => x.index),
      [0, 2],
    );
  });

  it('an invalid or backtracking-only pattern is an error to report, never a throw', () => {
    assert.match(patternError('[a-')!, /missing closing \]/);
    assert.match(patternError('a(?=b)')!, /lookahead .* is not supported/);
    assert.match(patternError('(a)\\1')!, /back-references .* are not supported/);
    assert.equal(dataPattern('(?!x)'), undefined);
    assert.ok('error' in compilePattern(42 as unknown as string));
  });
});

describe('globs from data run in linear time', () => {
  it('*a*a*a*a*a*a*a*a*b on a 60-character path answers (the glob library took minutes)', () => {
    assert.equal(globMatches('*a*a*a*a*a*a*a*a*b', 'a'.repeat(60)), false);
    assert.equal(globMatches('{a,a}*{a,a}*{a,a}*{a,a}*{a,a}*{a,a}*b', 'a'.repeat(40)), false);
  });

  it('keeps the meaning the templates and configurations rely on', () => {
    assert.ok(globMatches('**/published/**', '/work/TranslateProject/published/2023/x.md'));
    assert.ok(globMatches('**/published/**', 'published'));
    assert.ok(!globMatches('**/published/**', '/work/unpublished/x.md'));
    assert.ok(
      globMatches('[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]_minutes.{txt,md}', '/tc/2023/20230412_minutes.txt'),
      'no slash: the base name',
    );
    assert.ok(globMatches('*会议记录*.md', '/x/docs/4.13 会议记录.md'));
    assert.ok(globMatches('**/docs/会议记录/*.md', '/r/docs/会议记录/a.md'));
    assert.ok(!globMatches('**/docs/会议记录/*.md', '/r/docs/会议记录/sub/a.md'));
    assert.ok(globMatches('Double Week Meetings/**/*.md', 'Double Week Meetings/2023/a.md'));
    assert.ok(globMatches('a/**/b', 'a/b') && globMatches('a/**/b', 'a/x/y/b'));
    assert.ok(globMatches('[!a]x', 'bx') && !globMatches('[!a]x', 'ax'));
    assert.ok(globMatches('!drafts/**', 'minutes/a.md') && !globMatches('!drafts/**', 'drafts/a.md'));
    assert.ok(globMatches('opencurve/*', 'OpenCurve/Curve', { nocase: true, basename: false }));
    assert.ok(!globMatches('opencurve/*', 'opencurve/curve/extra', { nocase: true, basename: false }));
    assert.ok(globMatches('a\\*b', 'a*b') && !globMatches('a\\*b', 'axb'));
  });

  it('an unusable glob is reported, and matches nothing', () => {
    assert.match(globError('[z-a]')!, /invalid character class range/);
    assert.equal(globMatches('[z-a]', 'q'), false);
  });
});

/** A repository whose config holds `template` inline. */
const inlineHost = (template: unknown): ConfigHost => {
  const files: Record<string, string> = { '/repo/.minutesrc.json': JSON.stringify({ template }, null, 2) };
  return { root: '/repo', readFile: (path) => files[path] };
};

describe('a team template is checked before it is used', () => {
  const team = (extra: Partial<TemplateSpec>): TemplateSpec => ({
    id: 'team',
    name: 'Team',
    sections: [{ id: 'notes', names: ['Notes'], level: 2, required: true }],
    ...extra,
  });

  it('the built-ins pass; a wrong shape is reported where it is, in English and Chinese, and detection is used', () => {
    const host = inlineHost({ id: 'team', name: 'Team', sections: [{ id: 'notes', names: 'Notes', level: 9 }], colour: 'blue' });
    const resolved = resolveConfig('/repo/a.md', host);
    const text = host.readFile('/repo/.minutesrc.json')!;
    assert.deepEqual(
      resolved.problems.map((p) => [p.message.en, text.slice(p.start, p.end)]),
      [
        ['template sections[0].names: must be a list; detecting the template instead', '"Notes"'],
        ['template sections[0].level: must be at most 6; detecting the template instead', '9'],
        ['template colour: unknown key "colour"; detecting the template instead', '"blue"'],
      ],
    );
    assert.match(resolved.problems[0].message.zh, /模板 sections\[0\]\.names：必须是列表；改为自动识别模板/);
    assert.equal(resolved.template, undefined);
  });

  const badPatterns: Array<[string, Partial<TemplateSpec>, string]> = [
    ['variants[].when.content', { variants: [{ id: 'v', when: { content: ['(a'] } }] }, 'variants[0].when.content[0]'],
    ['detect.content', { detect: { content: [{ pattern: 'x(?=y)' }] } }, 'detect.content[0].pattern'],
    ['sections[].patterns', { sections: [{ id: 's', names: ['S'], patterns: ['[b-a]'] }] }, 'sections[0].patterns[0]'],
    ['fields[].pattern', { fields: [{ id: 'f', labels: ['F'], pattern: '(x)\\1' }] }, 'fields[0].pattern'],
    ['filename.pattern', { filename: { pattern: '(?<year', example: 'x.md' } }, 'filename.pattern'],
    ['title.pattern', { title: { pattern: '*' } }, 'title.pattern'],
    [
      'placeholders[].text with regex',
      {
        placeholders: [
          { text: 'x{2', regex: true },
          { text: '(?!a)', regex: true },
        ],
      },
      'placeholders[1].text',
    ],
    ['agreements[].extract', { agreements: [{ fields: ['a', 'b'], extract: '(' }] }, 'agreements[0].extract'],
    ['detect.paths globs', { detect: { paths: ['[z-a]/**'] } }, 'detect.paths[0]'],
  ];
  for (const [where, extra, path] of badPatterns) {
    it(`an invalid pattern in ${where} is a config problem on its value`, () => {
      const resolved = resolveConfig('/repo/a.md', inlineHost(team(extra)));
      assert.ok(
        resolved.problems.some((p) => p.message.en.startsWith(`template ${path}: invalid`)),
        JSON.stringify(resolved.problems.map((p) => p.message.en)),
      );
      assert.equal(resolved.template, undefined);
    });
  }

  it('an unknown built-in in extends is a config problem', () => {
    const resolved = resolveConfig('/repo/a.md', inlineHost({ id: 't', name: 't', extends: 'curve-weekly' }));
    assert.deepEqual(
      resolved.problems.map((p) => p.message.en),
      ['template extends: "curve-weekly" is not a built-in template (only built-ins can be extended); detecting the template instead'],
    );
  });

  it('a template file with a wrong shape is reported on the config\'s "template" line', () => {
    const files: Record<string, string> = {
      '/repo/.minutesrc.json': '{\n  "template": "./t.minutes-template.json"\n}',
      '/repo/t.minutes-template.json': JSON.stringify({ id: 'Bad Id', name: 'x', sections: {} }),
    };
    const resolved = resolveConfig('/repo/a.md', { root: '/repo', readFile: (p) => files[p] });
    assert.equal(resolved.problems.length, 1);
    assert.equal(
      resolved.problems[0].message.en,
      'template file /repo/t.minutes-template.json: id: "Bad Id" is not of the form ^[a-z0-9][a-z0-9-]*$ (and 1 more); detecting the template instead',
    );
    assert.equal(files['/repo/.minutesrc.json'].slice(resolved.problems[0].start, resolved.problems[0].end), '"./t.minutes-template.json"');
  });

  it('a template whose patterns would backtrack forever lints 64 KB documents in linear time', async () => {
    const spec = team({
      detect: { content: ['^(a+)+$'] },
      variants: [{ id: 'v', when: { content: ['^(a+)+$'] } }],
      sections: [{ id: 's', names: ['S'], patterns: ['^(a+)+$'] }],
      fields: [{ id: 'f', labels: ['F'], pattern: '^(a+)+$' }],
      filename: { pattern: '^(a+)+$', example: 'a.md' },
      title: { pattern: '^(a+)+$' },
      placeholders: [{ text: '(a+)+b', regex: true }],
      agreements: [{ fields: ['f', 'f'], extract: '^(a+)+$' }],
    });
    assert.deepEqual(validateTemplate(spec), []);
    const resolved = resolveConfig('/repo/a.md', inlineHost(spec));
    const text = `# ${catastrophic}\n\n## ${catastrophic}\n\nF：${catastrophic}\n\n${catastrophic}\n`;
    const result = await lint({ path: `/repo/${'a'.repeat(200)}c.md`, text, config: resolved });
    assert.equal(result.template.resolvedId, 'team');
    assert.equal(only(result.diagnostics, 'template/field-format').length, 2, 'the field and the title are checked against their patterns');
  });

  it('title.pattern is checked by template/field-format, on the title', async () => {
    const resolved = resolveConfig('/repo/2024-03-01.md', inlineHost(team({ title: { pattern: '^周会 \\d{4}-\\d{2}-\\d{2}$' } })));
    const bad = await lint({ path: '/repo/2024-03-01.md', text: '# 周会 3月1日\n\n## Notes\n\nx\n', config: resolved });
    const found = only(bad.diagnostics, 'template/field-format');
    assert.deepEqual(
      found.map((d) => d.message),
      ['Title "周会 3月1日" does not match the pattern of template team: ^周会 \\d{4}-\\d{2}-\\d{2}$.'],
    );
    assert.equal(bad.doc.text.slice(found[0].span.start, found[0].span.end), '周会 3月1日');
    const good = await lint({ path: '/repo/2024-03-01.md', text: '# 周会 2024-03-01\n\n## Notes\n\nx\n', config: resolved });
    assert.deepEqual(only(good.diagnostics, 'template/field-format'), []);
  });

  it('privacy/email allow-list wildcards are linear too', async () => {
    const config = {
      config: { rules: { 'privacy/email': ['warning', { allow: ['*a*a*a*a*a*a*a*a*a*a*c@x.org'] }] } },
      problems: [],
    } as never;
    const result = await lint({ path: '/repo/m.md', text: `联系 ${'a'.repeat(60)}@corp-mail.cn\n`, config });
    assert.equal(only(result.diagnostics, 'privacy/email').length, 1);
  });
});
