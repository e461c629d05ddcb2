import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { jsFlags } from '../../server/src/core/regex/native';
import { fromKey, refusal, type KeyedPattern } from '../../scripts/pattern-safety';
import { builtinTemplates, detectTemplate, lint, resolveTemplate } from '../../server/src/core';
import { BUILTIN_PATTERNS } from '../../server/src/core/regex/builtin-patterns';
import {
  clearPatternCache,
  compiledPatternKeys,
  compilePattern,
  dataPattern,
  engineFor,
  patternKey,
  type DataPattern,
  type PatternMatch,
} from '../../server/src/core/regex/pattern';
import type { TemplateSpec } from '../../server/src/core/templates/types';
import { ROOT } from '../helpers';

const listed = [...BUILTIN_PATTERNS].map((key) => ({ key, ...fromKey(key) }));

function texts(dir: string): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...texts(path));
    else if (/\.(?:md|txt)$/.test(name))
      out.push({ path: path.slice(ROOT.length + 1).replace(/\\/g, '/'), text: readFileSync(path, 'utf8') });
  }
  return out;
}

const examples = texts(join(ROOT, 'examples'));

/** A small seeded generator: the same texts on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * What a pattern's texts are made of: the runs of plain characters in its source (so that random
 * texts often match, or almost), and characters the two engines are known to read differently or
 * that patterns treat apart (full-width and line-separating spaces, an astral character, a lone
 * UTF-16 half, `ſ` and the Kelvin sign under case folding, `\r`).
 */
function pieces(source: string): string[] {
  const runs = source
    .replace(/\\[dDwWsSbB]|\\[pPux]\{[^}]*\}|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}/g, ' ')
    .replace(/\\(.)/g, '$1')
    .split(/[\^$()[\]{}|?*+.]+/)
    .filter(Boolean);
  const digits = ['0', '12', '2024', '03', '-', '.', '/', '_', ':', '：', '、', '一', '**', '#', '## ', '###', 'a', 'Z', 's', 'k'];
  const odd = [' ', '\t', '\n', '\r', '\r\n', '\u3000', '\u00a0', '\u2028', '😀', '\ud83d', 'ſ', '\u212a', 'ß', 'İ'];
  return [...runs, ...runs.flatMap((r) => [...r]), ...digits, ...odd];
}

function makeTexts(source: string, seed: number, count: number): string[] {
  const parts = pieces(source);
  const next = random(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    const length = Math.floor(next() * 12);
    for (let j = 0; j < length; j++) text += parts[Math.floor(next() * parts.length)];
    out.push(text);
  }
  return out;
}

const shape = (m: PatternMatch | undefined) =>
  m ? { index: m.index, end: m.end, text: m.text, groups: m.groups, named: m.named } : undefined;

function re2Of({ source, flags }: KeyedPattern): DataPattern {
  const compiled = compilePattern(source, flags);
  assert.ok('pattern' in compiled, source);
  assert.equal(compiled.pattern.engine, 're2');
  return compiled.pattern;
}

function sameAnswers(native: DataPattern, re2: DataPattern, text: string, from: number): void {
  const what = `${native.source} on ${JSON.stringify(text.slice(0, 80))}`;
  assert.equal(native.test(text), re2.test(text), `test: ${what}`);
  assert.deepEqual(shape(native.exec(text, from)), shape(re2.exec(text, from)), `exec from ${from}: ${what}`);
  assert.deepEqual([...native.matchAll(text)].map(shape), [...re2.matchAll(text)].map(shape), `matchAll: ${what}`);
}

describe('built-in patterns on JavaScript’s engine', () => {
  it('lists patterns, each read by RE2JS and by JavaScript with u, none that scslre finds super-linear', () => {
    assert.ok(listed.length >= 40, `${listed.length} listed`);
    for (const p of listed) assert.equal(refusal(p), undefined, p.key);
  });

  it('refuses what backtracks: nested and trading quantifiers, and the detection patterns as they were written before', () => {
    for (const source of ['^(a+)+$', '(x+x+)+y', '^[ \\t]*(\\*\\*)?[ \\t]*时间$', '^#[ \\t]+.*(会议|记录)', 'a\\s*(\\*\\*)?\\s*:'])
      assert.match(refusal({ source, flags: { multiline: true } }) ?? '', /super-linear/, source);
    assert.match(refusal({ source: 'a\\-b', flags: {} }) ?? '', /u flag/);
    assert.match(refusal({ source: 'a(?=b)', flags: {} }) ?? '', /RE2JS cannot read it/);
  });

  it('runs exactly the listed patterns there: a configured pattern, or a listed one with other flags or one character more, stays on RE2JS', () => {
    for (const { key, source, flags } of listed) {
      assert.equal(engineFor(source, flags), 'native', key);
      assert.equal(patternKey(source, flags), key);
      assert.equal(dataPattern(source, flags)?.engine, 'native', key);
      assert.equal(engineFor(`${source}x`, flags), 're2', key);
      assert.equal(
        engineFor(source, { ...flags, ignoreCase: !flags.ignoreCase }),
        BUILTIN_PATTERNS.has(patternKey(source, { ...flags, ignoreCase: !flags.ignoreCase })) ? 'native' : 're2',
      );
    }
    for (const source of ['^(a+)+$', '(x+x+)+y', '^会议纪要$'])
      for (const flags of [{}, { ignoreCase: true }, { multiline: true }]) {
        assert.equal(engineFor(source, flags), 're2');
        assert.equal(dataPattern(source, flags)?.engine, 're2');
      }
    // The catastrophic one still answers at once on 64 KB: RE2JS runs it.
    assert.equal(dataPattern('^(a+)+$')!.test(`${'a'.repeat(64 * 1024)}b`), false);
  });

  it('a template from a repository: its own patterns on RE2JS, even where it copies a built-in template and changes a pattern', async () => {
    const curve = builtinTemplates.find((t) => t.id === 'curve-biweekly')!;
    const own: TemplateSpec = {
      ...curve,
      id: 'team',
      detect: { content: [{ pattern: '^(#+)+ *团队周会$', weight: 5, strong: true }], minScore: 1, recogniseScore: 1 },
      sections: [...(curve.sections ?? []), { id: 'team', names: ['团队周会'], patterns: ['^(团+)+队'] }],
      filename: { pattern: '^(?<year>\\d{4})(-(?<month>\\d{2}))+\\.md$', example: '2024-03.md' },
    };
    clearPatternCache();
    const path = 'team/2024-03-14.md';
    const text = '## 团队周会\n\n## 时间\n\n2024-03-14\n';
    assert.equal(detectTemplate(path, text, [own])?.template.id, 'team');
    await lint({ path, text, template: resolveTemplate(path, text, { spec: own, reason: 'configured' }) });
    const compiled = compiledPatternKeys();
    assert.ok(compiled.includes(patternKey('^(#+)+ *团队周会$', { multiline: true })), compiled.join('\n'));
    for (const key of compiled) {
      const { source, flags } = fromKey(key);
      assert.equal(dataPattern(source, flags)?.engine, BUILTIN_PATTERNS.has(key) ? 'native' : 're2', key);
    }
    assert.ok(compiled.includes(patternKey('^(团+)+队', { ignoreCase: true })), compiled.join('\n'));
    assert.ok(
      compiled.some((k) => BUILTIN_PATTERNS.has(k)),
      'the copied built-in parts run natively',
    );
    assert.equal(dataPattern('^(#+)+ *团队周会$', { multiline: true })?.engine, 're2');
    assert.equal(dataPattern('^(?<year>\\d{4})(-(?<month>\\d{2}))+\\.md$')?.engine, 're2');
  });

  it('checking the examples with the built-in templates compiles no pattern that is not listed', async () => {
    clearPatternCache();
    for (const { path, text } of examples) await lint({ path, text });
    for (const spec of builtinTemplates)
      for (const { path, text } of examples) await lint({ path, text, template: resolveTemplate(path, text, { spec, reason: 'test' }) });
    const compiled = compiledPatternKeys();
    assert.ok(compiled.length >= 20, `${compiled.length} compiled`);
    assert.deepEqual(
      compiled.filter((k) => !BUILTIN_PATTERNS.has(k)),
      [],
      'run `npm run patterns:builtin` after changing a built-in template or a pattern made in code',
    );
  });

  it('gives RE2JS’s answers (test, exec from any offset, every match with its groups) on the examples, line by line and whole', () => {
    for (const p of listed) {
      const native = dataPattern(p.source, p.flags)!;
      const re2 = re2Of(p);
      for (const { text } of examples) {
        sameAnswers(native, re2, text.slice(0, 4096), 0);
        for (const line of text.split('\n')) sameAnswers(native, re2, line, 0);
      }
    }
  });

  it('gives RE2JS’s answers on random texts made of each pattern’s own words and of the characters the engines read differently', () => {
    let seed = 1;
    for (const p of listed) {
      const native = dataPattern(p.source, p.flags)!;
      const re2 = re2Of(p);
      const next = random(seed);
      for (const text of makeTexts(p.source, seed++, 400)) sameAnswers(native, re2, text, Math.floor(next() * (text.length + 1)));
    }
  });

  it('hands RE2JS the texts JavaScript reads apart: U+2028 under multiline, a lone UTF-16 half, ſ and K folded', () => {
    const time = listed.find((p) => p.flags.multiline && p.source.includes('时间'))!;
    assert.ok(time, 'a multiline pattern for 时间');
    // JavaScript's `^` would start a line after U+2028; RE2's does not.
    assert.equal(new RegExp(time.source, jsFlags(time.flags)).test('x\u2028时间'), true);
    assert.equal(dataPattern(time.source, time.flags)!.test('x\u2028时间'), re2Of(time).test('x\u2028时间'));
    assert.equal(dataPattern(time.source, time.flags)!.test('x\u2028时间'), false);
    const folded = { source: 'a\\b', flags: { ignoreCase: true } };
    // What the fallback is for (this pattern is not listed, so here both run on RE2JS).
    assert.equal(new RegExp(folded.source, 'iu').test('aſ'), false);
    assert.equal(re2Of(folded).test('aſ'), true);
  });

  it('answers at once on long runs of each character and pair of characters of its words (no super-linear backtracking to find)', () => {
    for (const p of listed) {
      const native = dataPattern(p.source, p.flags)!;
      const chars = [...new Set(pieces(p.source).flatMap((piece) => [...piece]))].slice(0, 24);
      const heads = ['', '#', '## ', '**', ...pieces(p.source).slice(0, 3)];
      for (const c of chars)
        for (const head of heads) {
          native.test(`${head}${c.repeat(20_000)}\u0001`);
          native.exec(`${head}${c.repeat(5_000)}\u0001`);
        }
      for (const a of chars.slice(0, 8)) for (const b of chars.slice(0, 8)) native.test(`${heads[1]}${(a + b).repeat(10_000)}\u0001`);
    }
  });

  it('lists every content pattern of the built-in templates (detection and variants), as detection compiles them', () => {
    for (const t of builtinTemplates) {
      const content = [
        ...(t.detect?.content ?? []).map((c) => (typeof c === 'string' ? c : c.pattern)),
        ...(t.variants ?? []).flatMap((v) => [...(v.when.content ?? []), ...(v.when.notContent ?? [])]),
      ];
      for (const source of content) assert.ok(BUILTIN_PATTERNS.has(patternKey(source, { multiline: true })), `${t.id}: ${source}`);
    }
  });
});
