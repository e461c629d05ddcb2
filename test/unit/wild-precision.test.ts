import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, LintResult } from '../../server/src/core';
import type { Services } from '../../server/src/core/services';
import { applyRuleFixes, lineOf, lintText, only, ROOT } from '../helpers';

// Minutes in the shape of communities that have no built-in template (test/fixtures/wild/README.md):
// what the universal rules used to cry wolf on, next to the real defects they must keep finding.
const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'wild', name), 'utf8');
const UNIVERSAL = /^(?:link|handle|privacy|encoding|attendee|style)\//;

/** `rule:line:text` of every warning and error of the universal families. */
function findings(result: LintResult, severities = ['warning', 'error']): string[] {
  return result.diagnostics
    .filter((d) => UNIVERSAL.test(d.rule) && severities.includes(d.severity))
    .map((d) => `${d.rule}:${lineOf(result, d)}:${result.doc.text.slice(d.span.start, d.span.end)}`);
}

const lintFixture = (name: string, services?: Services) => lintText(fixture(name), `/ws/wild/${name}`, { services });

describe('universal rules on minutes of other communities', () => {
  it('a rota written as table rows: a cell ends the login; a name where a login belongs is still found', async () => {
    const result = await lintFixture('sig-rota.md');
    assert.deepEqual(findings(result), ['handle/invalid:4:@Alex Wang', 'handle/invalid:18:@Alex Wang']);
    assert.deepEqual(result.doc.mentions.map((m) => m.handle).slice(5, 9), ['rotahost', 'mapleli', 'ocr-dev', 'Alex']);
  });

  it('Zulip mentions and emphasis after "@" are no logins; wrong numbers and /pulls/ are still found', async () => {
    const result = await lintFixture('triage.md');
    assert.deepEqual(findings(result), [
      'link/number-mismatch:19:[#65577](https://github.com/rust-lang/rust/issues/655577)',
      'link/malformed-pr:20:https://github.com/rust-lang/rust/pulls/66394',
    ]);
    assert.ok(!result.doc.mentions.some((m) => /^[_*\\]|^$/.test(m.handle)), 'no mention of markup');
  });

  it('one PR under two titles is a defect; the same PR named inside sentences or as a tagged copy is not', async () => {
    const result = await lintFixture('lang-team.md');
    assert.deepEqual(findings(result), [
      'link/duplicate-target:20:[Niko’s comment in favor of](https://github.com/rust-lang/rust/pull/70193)',
    ]);
  });

  it("GitHub's login rules are only pointed out when links alone suggest GitHub", async () => {
    const result = await lintFixture('tc-monthly.md');
    assert.deepEqual(
      findings(result, ['warning', 'error']).filter((f) => f.startsWith('handle/')),
      [],
    );
    const guessed = only(result.diagnostics, 'handle/invalid');
    assert.deepEqual(
      guessed.map((d) => [d.severity, result.doc.text.slice(d.span.start, d.span.end)]),
      [['info', '@zhang_san']],
    );
    assert.match(guessed[0].message, /Only the links here say the team uses GitHub/);
  });

  it('a link whose URL is the account names it: `[@孙老师](https://github.com/…)` is no bad login', async () => {
    const result = await lintFixture('pfcc.md', { fileExists: () => false, inRepository: () => false });
    assert.deepEqual(findings(result), []);
  });

  it('sections of one issue linked from a task table are different targets', async () => {
    const result = await lintFixture('pfcc.md');
    assert.deepEqual(only(result.diagnostics, 'link/duplicate-target'), []);
  });

  it('the agenda link repeated in headings is no conflict; a spaced link and an address as a link are defects', async () => {
    const result = await lintFixture('core-devs.md', { fileExists: () => false, inRepository: () => true });
    assert.deepEqual(findings(result), [
      'link/spaced-syntax:12:[7,100,000] (https://blocks.example.org/7100000)',
      'link/missing-file:14:audit-questions@auditors.example.com',
    ]);
    const fixed = applyRuleFixes(fixture('core-devs.md'), result.diagnostics, 'link/missing-file');
    assert.match(fixed, /\[email\]\(mailto:audit-questions@auditors\.example\.com\)/);
    assert.ok(only(result.diagnostics, 'link/missing-file')[0].fixes[0].safe);
  });

  it('a link with the URL and the text swapped is reported, and swapped back by a safe fix', async () => {
    const result = await lintFixture('build-wg.md', { fileExists: () => false, inRepository: () => true });
    assert.deepEqual(findings(result), [
      'link/spaced-syntax:10:[https://github.com/nodejs/build/pull/2089](Merge the build scripts)',
      'link/spaced-syntax:11:[https://github.com/nodejs/build/issues/3601](重建 macOS 发布机器)',
    ]);
    const [first] = only(result.diagnostics, 'link/spaced-syntax');
    assert.match(first.message, /The URL and the text are swapped/);
    assert.ok(first.fixes[0].safe);
    const fixed = applyRuleFixes(fixture('build-wg.md'), result.diagnostics, 'link/spaced-syntax');
    assert.match(
      fixed,
      /\* \[Merge the build scripts\]\(https:\/\/github\.com\/nodejs\/build\/pull\/2089\)\n\* \[重建 macOS 发布机器\]\(https:/,
    );
    const again = await lintText(fixed, '/ws/wild/build-wg.md', { services: { fileExists: () => false, inRepository: () => true } });
    assert.deepEqual(findings(again), []);
  });

  it('`Reflect[Symbol.toStringTag] (#2057)` is code and a PR number, not a broken link', async () => {
    const result = await lintFixture('plenary.md', { fileExists: () => true });
    assert.deepEqual(findings(result), []);
  });

  describe('link/missing-file and copies of minutes', () => {
    const missing = (d: Diagnostic[]) =>
      only(d, 'link/missing-file').map((x) => [x.severity, x.message.replace(/ \(looked for .*?\)/, '')]);

    it('in a checkout, a missing file is a broken link', async () => {
      const result = await lintFixture('plenary.md', { fileExists: () => false, inRepository: () => true });
      assert.deepEqual(missing(result.diagnostics), [['warning', '"toString-tag.pdf" does not exist.']]);
    });

    it('outside a checkout it may just not have been copied: info, saying why', async () => {
      const result = await lintFixture('plenary.md', { fileExists: () => false, inRepository: () => false });
      const [found] = only(result.diagnostics, 'link/missing-file');
      assert.equal(found.severity, 'info');
      assert.match(found.message, /not in a git checkout: the link is broken, or this copy of the minutes left the file out/);
    });

    it('a host that cannot tell keeps the warning', async () => {
      const result = await lintFixture('plenary.md', { fileExists: () => false });
      assert.deepEqual(
        missing(result.diagnostics).map((m) => m[0]),
        ['warning'],
      );
    });
  });

  it("zero-width spaces that keep Typora's indentation are left alone; one inside a word is not", async () => {
    const result = await lintFixture('typora-notes.md');
    assert.deepEqual(
      findings(result).map((f) => f.split(':').slice(0, 2).join(':')),
      ['encoding/invisible:9'],
    );
  });

  it('curly quotes quoted on purpose are no mojibake; `âˆž` is', async () => {
    const result = await lintFixture('quoting.md');
    const found = only(result.diagnostics, 'encoding/mojibake');
    assert.deepEqual(
      found.map((d) => [lineOf(result, d), result.doc.text.slice(d.span.start, d.span.end)]),
      [[5, 'âˆž']],
    );
    assert.match(applyRuleFixes(fixture('quoting.md'), result.diagnostics, 'encoding/mojibake'), /set to ∞ via allow/);
  });
});
