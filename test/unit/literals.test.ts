/**
 * The required texts of a pattern (core/regex/literals.ts) let detection skip compiling a
 * pattern that cannot match. They must never say "cannot match" where the pattern matches.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { globMatches } from '../../server/src/core/regex/glob';
import { mayMatch, requiredTexts } from '../../server/src/core/regex/literals';
import { dataPattern, patternFound } from '../../server/src/core/regex/pattern';
import { builtinTemplates } from '../../server/src/core/templates/registry';
import { ROOT } from '../helpers';

describe('the texts a pattern cannot match without', () => {
  const needs = (source: string) => requiredTexts(source);

  it('reads runs of plain characters, alternatives and groups', () => {
    assert.deepEqual(needs('^#+ 会议纪要'), { all: ['#', ' 会议纪要'], oneOf: [] });
    assert.deepEqual(needs('github\\.com/opencurve/'), { all: ['github.com/opencurve/'], oneOf: [] });
    assert.deepEqual(needs('ab+c'), { all: ['ab', 'c'], oneOf: [] });
    assert.deepEqual(needs('主持人?[ \\t]*[：:]'), { all: ['主持'], oneOf: [] });
    assert.deepEqual(needs('x(?:b|cd)y'), {
      all: ['x', 'y'],
      oneOf: [
        [
          { all: ['b'], oneOf: [] },
          { all: ['cd'], oneOf: [] },
        ],
      ],
    });
    assert.deepEqual(needs('a|b'), {
      all: [],
      oneOf: [
        [
          { all: ['a'], oneOf: [] },
          { all: ['b'], oneOf: [] },
        ],
      ],
    });
    assert.deepEqual(needs('(?<year>20)\\d\\d-'), { all: ['20', '-'], oneOf: [] });
  });

  it('needs nothing of what may be absent or what it does not know', () => {
    for (const source of [
      'a?',
      'a*b?',
      '(ab)?',
      '(ab){0,3}',
      'a|',
      '(?i)abc',
      '(?=abc)',
      '(?<!abc)',
      '\\1',
      '\\k<x>',
      '\\Qabc\\E',
      'a{,3}',
      '😀',
      '\\d\\w\\s\\b',
      '[abc]',
      '.',
      '(',
      '[a',
      '*a',
    ]) {
      const found = needs(source);
      assert.ok(found.all.every((t) => t === '') && found.oneOf.length === 0, `${source} needs nothing, not ${JSON.stringify(found)}`);
    }
    assert.deepEqual(needs('a\\u4e00b\\x{4E00}c\\p{Han}d'), { all: ['a', 'b', 'c', 'd'], oneOf: [] });
    assert.deepEqual(needs('a\nb'), { all: ['a', 'b'], oneOf: [] });
  });

  it('says a text may match whenever the pattern matches it: every built-in pattern on the examples and fixtures', () => {
    const texts = files(join(ROOT, 'examples')).concat(files(join(ROOT, 'test', 'fixtures')));
    const content: string[] = [];
    for (const t of builtinTemplates) {
      for (const c of t.detect?.content ?? []) content.push(typeof c === 'string' ? c : c.pattern);
      for (const v of t.variants ?? []) {
        content.push(...(v.when.content ?? []), ...(v.when.notContent ?? []));
      }
    }
    assert.ok(content.length > 30 && texts.length > 20);
    let skipped = 0;
    for (const { path, text } of texts) {
      for (const source of content) {
        const matches = dataPattern(source, { multiline: true })?.test(text) === true;
        if (matches) assert.ok(mayMatch(requiredTexts(source), text), `${source} on ${path}`);
        else if (!mayMatch(requiredTexts(source), text)) skipped++;
        assert.equal(patternFound(source, { multiline: true }, text), matches, `${source} on ${path}`);
      }
    }
    // The point of it: most patterns are answered on most files without being compiled.
    assert.ok(skipped > (texts.length * content.length) / 3, `${skipped} skipped`);
  });

  it('answers globs as before: built-in ones on paths with and without their words, negated and unusable ones', () => {
    assert.equal(globMatches('**/Double Week Meetings/**', 'curve/Double Week Meetings/2024/03-14.md'), true);
    assert.equal(globMatches('**/Double Week Meetings/**', 'curve/Double Week/2024/03-14.md'), false);
    assert.equal(globMatches('[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]_minutes.{txt,md}', 'tc/20240306_minutes.txt'), true);
    assert.equal(globMatches('[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]_minutes.{txt,md}', 'tc/20240306_minutes.doc'), false);
    assert.equal(globMatches('*会议纪要*.md', 'docs/第三次会议纪要.md'), true);
    assert.equal(globMatches('*会议纪要*.md', 'docs/第三次会议.md'), false);
    assert.equal(globMatches('!**/Meeting_Minutes/**', 'docs/2024/notes.md'), true);
    assert.equal(globMatches('!**/Meeting_Minutes/**', 'x/Meeting_Minutes/a.md'), false);
    // `[` never closed is a literal, `\\` at the end escapes nothing: still usable, still matched.
    assert.equal(globMatches('a[b.md', 'a[b.md'), true);
    assert.equal(globMatches('a[b.md', 'ab.md'), false);
  });
});

function files(dir: string): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else if (/\.(?:md|txt)$/.test(name)) out.push({ path, text: readFileSync(path, 'utf8') });
  }
  return out;
}
