import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { allRules, builtinTemplates, type Diagnostic } from '../../server/src/core';
import { defaultSettings } from '../../server/src/lsp/config/settings';
import { lintText, ROOT } from '../helpers';

// The extension manifest and the files it points to (schemas, snippets, grammar, translations)
// are data nobody compiles: these tests are what keeps them in step with the code.

type Json = any;
const readJson = (path: string): Json => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const pkg = readJson('package.json');
const contributes = pkg.contributes;

describe('extension manifest', () => {
  // Commands are registered where their feature lives (client/src/items/…), so every folder counts.
  const clientSource = (readdirSync(join(ROOT, 'client/src'), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(ROOT, 'client/src', f), 'utf8'))
    .join('\n');
  const registered = [...clientSource.matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]);

  it('registers in the client every contributed command, and contributes every registered one', () => {
    const contributed = contributes.commands.map((c: Json) => c.command);
    assert.deepEqual([...registered].sort(), [...contributed].sort());
    for (const entry of contributes.menus?.commandPalette ?? []) assert.ok(contributed.includes(entry.command), entry.command);
  });

  it('activates on minutes documents and on a workspace with a .minutesrc.json', () => {
    for (const event of ['onLanguage:markdown', 'onLanguage:plaintext', 'workspaceContains:**/.minutesrc.json']) {
      assert.ok(pkg.activationEvents.includes(event), event);
    }
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('contributes the settings the server reads, with the same defaults', () => {
    const properties = contributes.configuration.properties;
    // `links: { online }` is the setting `communityMinutes.links.online`.
    const flat = Object.entries(defaultSettings).flatMap(([key, value]): Array<[string, unknown]> =>
      typeof value === 'object' && value !== null ? Object.entries(value).map(([k, v]) => [`${key}.${k}`, v]) : [[key, value]],
    );
    for (const [key, value] of flat) {
      const setting = properties[`communityMinutes.${key}`];
      assert.ok(setting, `communityMinutes.${key} is not contributed`);
      assert.equal(setting.default, value, `default of communityMinutes.${key}`);
      if (setting.enum) assert.equal(setting.enum.length, setting.enumDescriptions.length, `enumDescriptions of ${key}`);
    }
    assert.ok(properties['communityMinutes.trace.server'], 'trace.server lets users log the LSP traffic');
  });

  it('points only at files that exist', () => {
    const paths = [
      pkg.main,
      pkg.icon,
      ...contributes.snippets.map((s: Json) => s.path),
      ...contributes.grammars.map((g: Json) => g.path),
      ...contributes.jsonValidation.map((v: Json) => v.url),
    ];
    for (const path of paths.filter((p) => !p.startsWith('./dist/'))) assert.ok(existsSync(join(ROOT, path)), path);
  });

  it('ships in the .vsix every file the manifest points to, and no sources', () => {
    const rules = readFileSync(join(ROOT, '.vscodeignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    // vsce semantics: the last matching pattern decides; `!pattern` re-includes.
    const shipped = (path: string) => {
      let included = true;
      for (const rule of rules) {
        const negated = rule.startsWith('!');
        if (picomatch(negated ? rule.slice(1) : rule, { dot: true })(path)) included = negated;
      }
      return included;
    };
    const wanted = [
      pkg.main,
      pkg.icon,
      'dist/server.js',
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'README.md',
      'LICENSE',
      ...contributes.snippets.map((s: Json) => s.path),
      ...contributes.grammars.map((g: Json) => g.path),
      ...contributes.jsonValidation.map((v: Json) => v.url),
    ].map((p: string) => p.replace(/^\.\//, ''));
    for (const path of wanted) assert.ok(shipped(path), `${path} is left out of the .vsix`);
    for (const path of [
      'client/src/extension.ts',
      'server/src/core/index.ts',
      'test/helpers.ts',
      'node_modules/unified/package.json',
      'dist/extension.js.map',
      'scripts/build.mjs',
      'images/draw-icon.mjs',
      'tsconfig.json',
    ]) {
      assert.ok(!shipped(path), `${path} would be shipped`);
    }
  });
});

describe('manifest translations', () => {
  const keys = new Set<string>();
  JSON.stringify(pkg, (_key, value) => {
    if (typeof value === 'string') for (const m of value.matchAll(/^%([^%]+)%$/g)) keys.add(m[1]);
    return value;
  });
  const en = readJson('package.nls.json');
  const zh = readJson('package.nls.zh-cn.json');

  it('resolves every %key% of package.json in English and in Chinese', () => {
    assert.ok(keys.size >= 10, `only ${keys.size} localized strings found`);
    for (const key of keys) {
      assert.ok(typeof en[key] === 'string' && en[key].trim(), `package.nls.json lacks ${key}`);
      assert.ok(typeof zh[key] === 'string' && /[\u4e00-\u9fff]/.test(zh[key]), `package.nls.zh-cn.json lacks a Chinese ${key}`);
    }
  });

  it('has no translation that nothing uses', () => {
    assert.deepEqual(
      Object.keys(en).filter((k) => !keys.has(k)),
      [],
    );
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  });
});

/**
 * A small JSON Schema (draft-07) checker: the keywords our two schemas use, enough to prove
 * that real templates and configs pass and wrong ones fail. `format` is not checked.
 */
function schemaErrors(schema: Json, value: Json, root: Json = schema, at = '$'): string[] {
  if (schema.$ref) {
    const target = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((node: Json, key: string) => node?.[key], root);
    assert.ok(target, `unresolved $ref ${schema.$ref}`);
    return schemaErrors(target, value, root, at);
  }
  if (schema.anyOf) {
    const failures = schema.anyOf.map((s: Json) => schemaErrors(s, value, root, at));
    return failures.some((f: string[]) => f.length === 0)
      ? []
      : [`${at}: matches none of anyOf (${failures.map((f: string[]) => f[0]).join('; ')})`];
  }
  const errors: string[] = [];
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (schema.type) {
    const ok = schema.type === type || (schema.type === 'integer' && Number.isInteger(value));
    if (!ok) return [`${at}: expected ${schema.type}, got ${type}`];
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern, 'u').test(value))
    errors.push(`${at}: does not match ${schema.pattern}`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${at}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${at}: above ${schema.maximum}`);
  }
  if (type === 'array') {
    if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errors.push(`${at}: more than ${schema.maxItems} items`);
    value.forEach((item: Json, i: number) => {
      const itemSchema = Array.isArray(schema.items) ? schema.items[i] : schema.items;
      if (itemSchema) errors.push(...schemaErrors(itemSchema, item, root, `${at}[${i}]`));
    });
  }
  if (type === 'object') {
    for (const key of schema.required ?? []) if (!(key in value)) errors.push(`${at}: lacks ${key}`);
    if (schema.minProperties !== undefined && Object.keys(value).length < schema.minProperties)
      errors.push(`${at}: needs ${schema.minProperties} key(s)`);
    for (const [key, v] of Object.entries(value)) {
      const sub = schema.properties?.[key] ?? schema.additionalProperties;
      if (sub === false) errors.push(`${at}: unknown key ${key}`);
      else if (sub && sub !== true) errors.push(...schemaErrors(sub, v, root, `${at}.${key}`));
    }
  }
  return errors;
}

describe('.minutesrc.json schema', () => {
  const schema = readJson('schemas/minutesrc.schema.json');
  const templateSchema = readJson('schemas/template.schema.json');
  const stale = 'schemas/minutesrc.schema.json is stale: run `node scripts/gen-schema.mjs` (npm run build does)';

  it('lists exactly the registered rules, with their default severities', () => {
    const rules = schema.properties.rules.properties;
    assert.deepEqual(
      Object.keys(rules),
      allRules.map((r) => r.id),
      stale,
    );
    for (const rule of allRules) assert.equal(rules[rule.id].default, rule.defaultSeverity, `${stale} (${rule.id})`);
  });

  it('offers exactly the built-in template ids', () => {
    const ids = schema.properties.template.anyOf.find((s: Json) => s.enum).enum;
    assert.deepEqual(
      ids,
      builtinTemplates.map((t) => t.id),
      stale,
    );
  });

  it('embeds the current template schema for inline templates', () => {
    const { definitions, $schema: _schema, $id: _id, title: _title, ...root } = templateSchema;
    assert.deepEqual(schema.definitions.templateSpec, root, stale);
    for (const [name, definition] of Object.entries(definitions))
      assert.deepEqual(schema.definitions[name], definition, `${stale} (${name})`);
  });

  it('accepts a complete configuration', () => {
    const config = {
      $schema: './node_modules/community-minutes/schemas/minutesrc.schema.json',
      extends: ['../.minutesrc.json'],
      template: 'curve-biweekly',
      files: ['Double Week Meetings/**/*.md'],
      rules: { 'template/missing-section': 'error', [allRules[allRules.length - 1].id]: ['off', {}] },
      links: { repos: ['opencurve/*'], online: true, api: { 'github.com': 'https://api.github.com' } },
      contributors: { sources: ['rosters/team.json', 'sig-info.yaml'], handles: ['example-dev'] },
    };
    assert.deepEqual(schemaErrors(schema, config), []);
    assert.deepEqual(schemaErrors(schema, { template: './team.minutes-template.json' }), []);
    assert.deepEqual(
      schemaErrors(schema, { template: { id: 'team', name: 'Team', sections: [{ id: 'notes', names: ['Notes'], required: true }] } }),
      [],
    );
  });

  it('rejects what the config loader rejects', () => {
    const wrong: Array<[string, Json]> = [
      ['unknown rule', { rules: { 'template/no-such-rule': 'warning' } }],
      ['bad severity', { rules: { 'template/missing-section': 'fatal' } }],
      ['unknown key', { templates: 'generic' }],
      ['unknown template id', { template: 'curve' }],
      ['repos not owner/repo', { links: { repos: ['opencurve'] } }],
      ['online not boolean', { links: { online: 'yes' } }],
    ];
    for (const [what, config] of wrong) assert.notDeepEqual(schemaErrors(schema, config), [], what);
  });
});

describe('template schema', () => {
  const schema = readJson('schemas/template.schema.json');

  for (const template of builtinTemplates) {
    it(`accepts the built-in template ${template.id}`, () => {
      assert.deepEqual(schemaErrors(schema, template), []);
    });
  }

  it('rejects a misspelled key and a section without names', () => {
    assert.notDeepEqual(schemaErrors(schema, { id: 'x', name: 'X', section: [] }), []);
    assert.notDeepEqual(schemaErrors(schema, { id: 'x', name: 'X', sections: [{ id: 'a' }] }), []);
  });
});

type SnippetNode =
  string | { tabstop: number; children: SnippetNode[]; choices?: string[] } | { variable: string; children: SnippetNode[] };

/** Parses VS Code snippet syntax ($1, ${1:default}, ${1|a,b|}, ${VAR}, ${VAR:default}, \$ escapes). */
function parseSnippet(text: string, start = 0, inPlaceholder = false): [SnippetNode[], number] {
  const nodes: SnippetNode[] = [];
  let literal = '';
  let i = start;
  const flush = () => {
    if (literal) nodes.push(literal);
    literal = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && '$}\\'.includes(text[i + 1])) {
      literal += text[i + 1];
      i += 2;
      continue;
    }
    if (inPlaceholder && c === '}') break;
    const bare = /^\$(\d+|[A-Z_]+)/.exec(text.slice(i));
    if (bare) {
      flush();
      nodes.push(/^\d/.test(bare[1]) ? { tabstop: Number(bare[1]), children: [] } : { variable: bare[1], children: [] });
      i += bare[0].length;
      continue;
    }
    const open = /^\$\{(\d+|[A-Z_]+)(:|\|([^|]*)\|)?/.exec(text.slice(i));
    if (open) {
      flush();
      let children: SnippetNode[] = [];
      i += open[0].length;
      if (open[2] === ':') [children, i] = parseSnippet(text, i, true);
      assert.equal(text[i], '}', `unclosed \${ at ${i} in ${JSON.stringify(text)}`);
      i++;
      if (/^\d/.test(open[1])) nodes.push({ tabstop: Number(open[1]), children, choices: open[3]?.split(',') });
      else nodes.push({ variable: open[1], children });
      continue;
    }
    literal += c;
    i++;
  }
  flush();
  return [nodes, i];
}

/** The text a snippet inserts when the user accepts every default (tab stops mirror their first default). */
function expandSnippet(body: string | string[], variables: Record<string, string>): string {
  const [nodes] = parseSnippet(Array.isArray(body) ? body.join('\n') : body);
  const defaults = new Map<number, string>();
  const render = (list: SnippetNode[]): string =>
    list
      .map((n) => {
        if (typeof n === 'string') return n;
        if ('variable' in n) {
          assert.ok(n.variable in variables || n.children.length, `unknown snippet variable ${n.variable}`);
          return variables[n.variable] ?? render(n.children);
        }
        const own = n.choices ? n.choices[0] : n.children.length ? render(n.children) : undefined;
        if (own !== undefined && !defaults.has(n.tabstop)) defaults.set(n.tabstop, own);
        return own ?? defaults.get(n.tabstop) ?? '';
      })
      .join('');
  render(nodes); // first pass: learn defaults that mirrors earlier in the text refer to
  return render(nodes);
}

describe('snippets', () => {
  const files = [...new Set<string>(contributes.snippets.map((s: Json) => s.path))];
  const serious = (d: Diagnostic) => d.severity === 'error' || d.severity === 'warning';
  const describeDiagnostics = (ds: Diagnostic[]) => ds.map((d) => `${d.rule}: ${d.message}`);

  it('has one snippet file per built-in template', () => {
    assert.deepEqual(files.map((f) => f.replace(/^\.\/snippets\/|\.json$/g, '')).sort(), builtinTemplates.map((t) => t.id).sort());
  });

  it('expands VS Code snippet syntax as the editor does', () => {
    assert.equal(expandSnippet('${1:a} $1 ${2|x,y|} \\$3 ${CURRENT_YEAR}${3}', { CURRENT_YEAR: '2024' }), 'a a x $3 2024');
    assert.equal(expandSnippet(['$2 then', '${2:b${1:c}}'], {}), 'bc then\nbc');
  });

  for (const file of files) {
    const templateId = file.replace(/^\.\/snippets\/|\.json$/g, '');
    const snippets: Record<string, Json> = readJson(file);

    for (const [name, snippet] of Object.entries(snippets)) {
      const prefixes: string[] = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
      const isSkeleton = prefixes.includes(templateId);

      it(`${templateId}: "${name}" ${isSkeleton ? 'is a skeleton that lints cleanly' : 'is a fragment without link or handle problems'}`, async () => {
        assert.ok(
          prefixes.every((p) => typeof p === 'string' && p),
          'prefix',
        );
        assert.ok(typeof snippet.description === 'string' && snippet.description, 'description');
        const template = builtinTemplates.find((t) => t.id === templateId)!;
        // The file name the template expects, and the date it carries, so dates agree.
        const example =
          template.filename?.example ?? (templateId === 'lctt-article' ? 'translated/tech/20240501 A Sample Article.md' : '2024-05-01.md');
        const groups = template.filename ? new RegExp(template.filename.pattern).exec(example.split('/').pop()!)?.groups : undefined;
        // VS Code's CURRENT_MONTH and CURRENT_DATE are always two digits.
        const year = groups?.year ?? '2024';
        const month = (groups?.month ?? '5').padStart(2, '0');
        const day = (groups?.day ?? '1').padStart(2, '0');
        const text = expandSnippet(snippet.body, { CURRENT_YEAR: year, CURRENT_MONTH: month, CURRENT_DATE: day }) + '\n';
        const result = await lintText(text, `minutes/${example}`, { template: templateId });
        const problems = isSkeleton
          ? result.diagnostics.filter(serious)
          : result.diagnostics.filter((d) => serious(d) && /^(?:link|handle|encoding|style|privacy)\//.test(d.rule));
        assert.deepEqual(describeDiagnostics(problems), [], `expanded text:\n${text}`);
        if (!isSkeleton) return;
        assert.deepEqual(describeDiagnostics(result.diagnostics.filter((d) => d.rule === 'template/missing-section')), []);
        // A fresh file typed from the skeleton is recognised without configuration.
        const detected = await lintText(text, `minutes/${example}`);
        assert.equal(detected.template.id, templateId, `detected as ${detected.template.resolvedId} (${detected.template.reason})`);
      });
    }
  }
});

describe('minutes grammar (Markdown injection)', () => {
  const grammar = readJson('syntaxes/minutes.injection.tmLanguage.json');
  const contribution = contributes.grammars.find((g: Json) => g.scopeName === grammar.scopeName);
  // The patterns are written in the subset Oniguruma and JavaScript share, so they can be checked here.
  const matchOf = (rule: string) => new RegExp(grammar.repository[rule].match, 'u');
  const cases: Array<[string, string, string | null]> = [
    ['handle', '- [修复](https://github.com/opencurve/curve/pull/1) @Wine93（已合入）', '@Wine93'],
    ['handle', '请@example-dev看一下', '@example-dev'],
    ['handle', 'mail dev@example.com', null],
    ['pr-shorthand', '[修复 #3110 的竞态](https://x)', '#3110'],
    ['pr-shorthand', 'see opencurve/curve#12', 'opencurve/curve#12'],
    ['pr-shorthand', 'not an entity &#123; nor page.html#45', null],
    ['field-label', 'Data 日期： 2023-4-12', 'Data 日期：'],
    ['field-label', '与会人：成员甲、成员乙', '与会人：'],
    ['field-label', '译者：[someone](https://github.com/someone)', '译者：'],
    ['conclusion-label', '- **结论：**先实现原型', '结论'],
    ['conclusion-label', '会议结论：通过', '会议结论'],
    ['lctt-header', '[#]: translator: "someone"', '[#]: translator: "someone"'],
    ['heading-ordinal', '### 一、近期工作', '一、'],
    ['heading-ordinal', '一、近期工作', null],
  ];

  it('is injected into Markdown, outside code', () => {
    assert.ok(contribution, 'not contributed');
    assert.deepEqual(contribution.injectTo, ['text.html.markdown']);
    assert.match(grammar.injectionSelector, /^L:text\.html\.markdown .*-markup\.fenced_code/);
    for (const pattern of grammar.patterns) assert.ok(grammar.repository[pattern.include.slice(1)], pattern.include);
  });

  for (const [rule, line, expected] of cases) {
    it(`${rule}: ${JSON.stringify(line)} → ${expected === null ? 'nothing' : JSON.stringify(expected)}`, () => {
      assert.equal(matchOf(rule).exec(line)?.[0] ?? null, expected);
    });
  }
});
