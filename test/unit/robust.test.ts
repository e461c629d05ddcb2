import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitFixToText, fixUntilStable, lint, type Diagnostic } from '../../server/src/core';
import { guardMarkdown } from '../../server/src/core/model/guard';
import { parseMarkdownGuarded } from '../../server/src/core/model/markdown';
import { renderMinutesHtml } from '../../server/src/core/render/html';
import { LineIndex } from '../../server/src/core/text/lines';
import { lintText, only, ROOT } from '../helpers';

// Regression tests made from the smallest inputs of the reliability issue (items 4, 5, 6, 8).
// They assert results (a finding, text read as plain text, no exception), never timings:
// `npm run fuzz` holds the time bound.

const safeFixes = (d: Diagnostic) => d.fixes.filter((f) => f.safe).slice(0, 1);
const internal = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.message.startsWith('internal error'));

describe('fixes converge (issue 11, item 4)', () => {
  const CURVE = '## 时间\n\n2023/04/27 19:00~19:30\n\n```\nan invite pasted without its closing fence\n';

  it('offers no section inserted after an unclosed fence, where it would stay hidden', async () => {
    const result = await lintText(CURVE, 'curve/2023/2023-04-27.md', { template: 'curve-biweekly' });
    const missing = only(result.diagnostics, 'template/missing-section');
    assert.ok(missing.length > 0);
    assert.deepEqual(
      missing.flatMap((d) => d.fixes),
      [],
    );
  });

  it('reaches a fixed point in one --fix run: a second run fixes nothing, the file stops growing', async () => {
    for (const tail of ['```\nunclosed fence\n', '<!--\nunclosed comment\n']) {
      const text = `# Curve 双周会 2023-04-27\n\n## 时间\n\n2023/04/27 19:00~19:30\n\n${tail}`;
      const first = await fixUntilStable({ path: 'curve/2023/2023-04-27.md', text }, safeFixes);
      const second = await fixUntilStable({ path: 'curve/2023/2023-04-27.md', text: first.text }, safeFixes);
      assert.equal(second.fixed, 0, tail);
      assert.equal(second.text, first.text);
    }
  });

  it('refuses a fix whose own diagnostic survives it instead of applying it on every run', async () => {
    const text = '# Minutes 2024-05-02\n\nbody\n';
    let calls = 0;
    // A fix that changes the text but never removes its diagnostic (the shape of the 14).
    const stubborn = { ...(await import('../../server/src/core/rules')).allRules[0], needsConfidentTemplate: false };
    stubborn.check = (ctx) => {
      calls++;
      ctx.report({
        span: { start: 0, end: 1 },
        message: 'still here',
        fixes: [{ title: 'x', edits: [{ start: ctx.doc.text.length, end: ctx.doc.text.length, newText: 'x' }], safe: true }],
      });
    };
    const fixed = await fixUntilStable({ path: 'minutes/2024-05-02.md', text, rules: [stubborn] }, safeFixes);
    assert.equal(fixed.text, text);
    assert.equal(fixed.fixed, 0);
    assert.deepEqual(
      fixed.refused.map((d) => d.message),
      ['still here'],
    );
    assert.ok(calls < 10);
  });

  it('writes inserted line breaks as the file does at that place: CR, CRLF, LF, mixed', () => {
    const fix = { title: 't', edits: [{ start: 3, end: 3, newText: '\n## 议题\n\n' }] };
    assert.equal(fitFixToText(fix, 'a\rb\rc\r').edits[0].newText, '\r## 议题\r\r');
    assert.equal(fitFixToText(fix, 'a\r\nb\r\nc').edits[0].newText, '\r\n## 议题\r\n\r\n');
    assert.equal(fitFixToText(fix, 'a\nb\nc').edits[0].newText, '\n## 议题\n\n');
    // Mixed: an LF region and a CRLF region each keep their own.
    const mixed = 'a\nb\nc\r\nd\r\n';
    assert.equal(fitFixToText({ title: 't', edits: [{ start: 2, end: 2, newText: 'x\n' }] }, mixed).edits[0].newText, 'x\n');
    assert.equal(fitFixToText({ title: 't', edits: [{ start: 7, end: 7, newText: 'x\n' }] }, mixed).edits[0].newText, 'x\r\n');
  });

  it('puts no bare LF into a CR-only file when a section is inserted', async () => {
    const text = '# Curve 双周会 2023-04-27\r\r## 时间\r\r2023/04/27 19:00~19:30\r';
    const first = await fixUntilStable({ path: 'curve/2023/2023-04-27.md', text }, safeFixes);
    assert.ok(first.fixed > 0);
    assert.ok(!first.text.includes('\n'), JSON.stringify(first.text.slice(0, 200)));
  });

  it('inserts nothing before a leading BOM', () => {
    const fitted = fitFixToText({ title: 't', edits: [{ start: 0, end: 0, newText: '# Title\n\n' }] }, '\uFEFFbody\n');
    assert.deepEqual(fitted.edits, [{ start: 1, end: 1, newText: '# Title\n\n' }]);
  });
});

describe('a BOM before an LCTT header (issue 11, item 8)', () => {
  const lctt = readFileSync(join(ROOT, 'test/fixtures/templates/lctt-published.md'), 'utf8');
  const path = 'lctt/published/202310/20231001 example.md';

  it('reads the header lines as with no BOM: no unused definitions, the same fields', async () => {
    const plain = await lint({ path, text: lctt });
    const withBom = await lint({ path, text: `\uFEFF${lctt}` });
    assert.deepEqual(only(withBom.diagnostics, 'link/unused-definition'), only(plain.diagnostics, 'link/unused-definition'));
    assert.deepEqual(
      withBom.doc.fields.map((f) => [f.label, f.value]),
      plain.doc.fields.map((f) => [f.label, f.value]),
    );
    assert.deepEqual(
      withBom.diagnostics.map((d) => d.rule),
      plain.diagnostics.map((d) => d.rule),
    );
  });

  it('never inserts a second header line on --fix, and keeps the BOM first', async () => {
    const fixed = await fixUntilStable({ path, text: `\uFEFF${lctt.replace(/^\[#\]: subject:.*\n/m, '')}` }, safeFixes);
    assert.equal(fixed.text.charCodeAt(0), 0xfeff);
    assert.ok((fixed.text.match(/\[#\]: subject:/g) ?? []).length <= 1, fixed.text.slice(0, 400));
  });

  it('counts columns of the first line as the editor shows them (after the BOM)', () => {
    const lines = new LineIndex('\uFEFF# a\nb');
    assert.deepEqual(lines.position(1), { line: 0, character: 0 });
    assert.deepEqual(lines.position(0), { line: 0, character: 0 });
    assert.equal(lines.lineText(0), '# a');
  });
});

describe('linear on every input (issue 11, item 5): the smallest inputs give results, not hangs', () => {
  const path = 'minutes/2024-05-02.md';
  const markupLimit = (diagnostics: Diagnostic[]) => only(diagnostics, 'style/markup-limit');

  it('a 16 KB line of spaces is no field and no problem', async () => {
    const result = await lint({ path, text: ' '.repeat(16 * 1024) });
    assert.deepEqual(result.doc.fields, []);
    assert.deepEqual(internal(result.diagnostics), []);
  });

  it('bold labels glued to Chinese text are reported with a fix, without a second parser', async () => {
    const text = `# 会议 2024-05-02\n\n${'**结论：**本周'.repeat(10)}\n`;
    const result = await lint({ path, text });
    const found = only(result.diagnostics, 'style/cjk-emphasis');
    assert.equal(found.length, 10);
    assert.ok(found.every((d) => d.fixes[0]?.edits[0].newText === '**结论**：'));
  });

  it('450 of them in one line (1,800 markers) read as plain text, said once, not reported one by one', async () => {
    const result = await lint({ path, text: '**结论：**本周'.repeat(450) });
    assert.equal(markupLimit(result.diagnostics).length, 1);
    assert.deepEqual(only(result.diagnostics, 'style/cjk-emphasis'), []);
  });

  for (const [name, text] of Object.entries({
    '*a × 51,200': '*a'.repeat(51_200),
    '] × 16,384': ']'.repeat(16_384),
    '*ⁿ a *ⁿ': `${'*'.repeat(8000)}a${'*'.repeat(8000)}`,
    '[a][b] × 3,000': '[a][b]'.repeat(3000),
  })) {
    it(`${name}: the paragraph is read as plain text, its text kept, and a finding says so`, async () => {
      const result = await lint({ path, text });
      assert.equal(markupLimit(result.diagnostics).length, 1);
      assert.match(markupLimit(result.diagnostics)[0].message, /more than the 1000 that are parsed/);
      const paragraph = result.doc.mdast.children[0];
      assert.equal(paragraph.type, 'paragraph');
      assert.equal('children' in paragraph && paragraph.children.map((c) => ('value' in c ? c.value : '')).join(''), text);
    });
  }

  it('a setext run: more than 8 underlines in a block make it plain text, said once', async () => {
    const text = 'a\n=\n'.repeat(2000);
    const result = await lint({ path, text });
    assert.equal(result.doc.sections.length, 0);
    assert.equal(markupLimit(result.diagnostics).length, 1);
    const paragraph = result.doc.mdast.children[0];
    assert.equal(paragraph.type === 'paragraph' && paragraph.children[0].type === 'text' && paragraph.children[0].value, text.trimEnd());
  });

  it('setext headings by the hundred, blank lines between: past 32 within 4 KB they are text, said once', async () => {
    const result = await lint({ path, text: 'a\n=\n\n'.repeat(1000) });
    assert.ok(result.doc.sections.length <= 32, `${result.doc.sections.length} sections`);
    assert.equal(markupLimit(result.diagnostics).length, 1);
  });

  it('text after a blanked block keeps its line numbers', () => {
    const text = `${'a\n=\n'.repeat(20)}\n# After\n`;
    const { root } = parseMarkdownGuarded(text);
    const heading = root.children.find((n) => n.type === 'heading')!;
    assert.equal(heading.position?.start.line, 42);
    assert.equal(heading.position?.start.offset, text.indexOf('# After'));
  });

  it('a. a. a. … @ is no placeholder URL and no crash', async () => {
    const result = await lint({ path, text: `${'a.'.repeat(8000)}@` });
    assert.deepEqual(internal(result.diagnostics), []);
    assert.deepEqual(only(result.diagnostics, 'template/placeholder'), []);
  });

  it('100 KB of attendees are all compared: the one repeated name is found', async () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `张${i}`);
    const text = `# Minutes 2024-05-02\n\n## Attendees\n\n${[...names, '张7'].join('、')}\n`;
    assert.ok(text.length > 100_000);
    const result = await lintText(text, path, { template: 'generic' });
    assert.deepEqual(
      only(result.diagnostics, 'attendee/duplicate').map((d) => text.slice(d.span.start, d.span.end)),
      ['张7'],
    );
  });

  it('lazy quote lines by the hundred read as one paragraph of text', () => {
    const text = '> a\nb\n'.repeat(300);
    const { root, degraded } = parseMarkdownGuarded(text);
    assert.deepEqual(
      degraded.map((d) => d.reason),
      ['structure'],
    );
    assert.equal(root.children.length, 1);
    assert.equal(root.children[0].type, 'paragraph');
  });

  it('a block of thousands of lines, or a table row of thousands of cells, reads as plain text', () => {
    assert.deepEqual(
      parseMarkdownGuarded('a: b\n'.repeat(1001)).degraded.map((d) => d.reason),
      ['length'],
    );
    assert.deepEqual(
      parseMarkdownGuarded(`${'a|'.repeat(300)}\n${'-|'.repeat(300)}\n`).degraded.map((d) => d.reason),
      ['cells'],
    );
    assert.deepEqual(parseMarkdownGuarded('a: b\n'.repeat(1000)).degraded, []);
  });

  it('100 KB of blank lines: the parser sees one, the heading after them keeps its line', () => {
    const text = `# A\n${'\n'.repeat(100_000)}# B\n`;
    const { root } = parseMarkdownGuarded(text);
    assert.deepEqual(
      root.children.map((n) => [n.type, n.position?.start.line, n.position?.start.offset]),
      [
        ['heading', 1, 0],
        ['heading', 100_002, text.indexOf('# B')],
      ],
    );
  });

  it('a comment or code block of thousands of lines comes back whole, as comment or code', async () => {
    const comment = `# T\n\n<!-- minutes-disable\n${'a\n'.repeat(3000)}`;
    const withComment = await lint({ path: 'minutes/2024-05-02.md', text: comment });
    assert.equal(withComment.doc.comments.length, 1);
    assert.equal(withComment.doc.comments[0].span.end, comment.trimEnd().length);
    const code = `# T\n\n\`\`\`text\n${'x *a* [b]\n'.repeat(3000)}\`\`\`\n\n# After\n`;
    const { root } = parseMarkdownGuarded(code);
    assert.deepEqual(
      root.children.map((n) => n.type),
      ['heading', 'code', 'heading'],
    );
    const block = root.children[1];
    assert.equal(block.type === 'code' && block.value, 'x *a* [b]\n'.repeat(3000).slice(0, -1));
    assert.equal(block.type === 'code' && block.lang, 'text');
    assert.equal(root.children[2].position?.start.line, 3006);
  });

  it('real minutes are never degraded', () => {
    for (const file of [
      'test/fixtures/templates/curve-2023.md',
      'test/fixtures/templates/lctt-published.md',
      'test/fixtures/templates/openeuler-tc.txt',
    ]) {
      assert.deepEqual(guardMarkdown(readFileSync(join(ROOT, file), 'utf8')).degraded, [], file);
    }
  });

  it('the preview renders degraded markup as text under a note', () => {
    const html = renderMinutesHtml(`# T\n\n${'*a'.repeat(1200)}\n`, { lang: 'en' });
    assert.match(html, /shown as plain text/);
    assert.ok(html.includes('*a*a*a'));
    assert.ok(!html.includes('<em>'));
  });
});

describe('no crash on nesting (issue 11, item 6)', () => {
  const path = 'minutes/2024-05-02.md';

  for (const [name, text] of Object.entries({ "'> ' × 4,600": '> '.repeat(4600), "'- ' × 2,300": '- '.repeat(2300) })) {
    it(`${name}: checked, nesting past 16 read as text, a finding, no exception`, async () => {
      const result = await lint({ path, text });
      assert.deepEqual(internal(result.diagnostics), []);
      const notes = only(result.diagnostics, 'style/markup-limit');
      assert.equal(notes.length, 1);
      assert.match(notes[0].message, /nested \d+ deep/);
    });
  }

  it('emphasis nested hundreds deep stays a shallow tree', () => {
    const text = `${'*a '.repeat(300)}b${' a*'.repeat(300)}`;
    const { root } = parseMarkdownGuarded(text);
    let depth = 0;
    const stack: Array<[unknown, number]> = [[root, 0]];
    while (stack.length) {
      const [node, d] = stack.pop()!;
      depth = Math.max(depth, d);
      for (const child of (node as { children?: unknown[] }).children ?? []) stack.push([child, d + 1]);
    }
    assert.ok(depth <= 65, `depth ${depth}`);
  });
});
