import { strict as assert } from 'node:assert';
import { parseMinutes } from '../../server/src/core/model/parse';
import type { Span } from '../../server/src/core/text/lines';

// Exact spans of what the model reads: every rule's diagnostic and fix lands where these say.
const slice = (text: string, span: Span | undefined) => (span ? text.slice(span.start, span.end) : undefined);

describe('document model spans (issue 14, item 1)', () => {
  describe('LCTT header fields', () => {
    const text = [
      '[#]: subject: "Hello"',
      '[#]: publisher: " "  ',
      '[#]: url: (https://x.org/a)\t',
      '[#]: translator: ( )',
      '',
      '# T',
      '',
    ].join('\n');
    const fields = parseMinutes(text, 'translated/tech/a.md').fields.filter((f) => f.source === 'lctt-header');

    it('covers the label, the value as written and the whole line', () => {
      assert.deepEqual(
        fields.map((f) => [slice(text, f.labelSpan), slice(text, f.valueSpan), slice(text, f.span)]),
        [
          ['subject', '"Hello"', '[#]: subject: "Hello"'],
          ['publisher', '" "', '[#]: publisher: " "  '],
          ['url', '(https://x.org/a)', '[#]: url: (https://x.org/a)\t'],
          ['translator', '( )', '[#]: translator: ( )'],
        ],
      );
    });

    it('does not let trailing blanks move the value (the value a fix edits is the value shown)', () => {
      const publisher = fields.find((f) => f.label === 'publisher')!;
      assert.equal(slice(text, publisher.valueSpan), publisher.rawValue);
      assert.equal(publisher.value, '');
    });

    it('unquotes both eras: "quoted" since 2022, (parenthesised) before', () => {
      assert.deepEqual(
        fields.map((f) => f.value),
        ['Hello', '', 'https://x.org/a', ''],
      );
    });
  });

  describe('Markdown minutes', () => {
    const text = [
      '# Curve 双周会 2023-04-27',
      '',
      '会议时间：2023-04-27 19:00  ',
      '**主持人**： @zeno  ',
      '- 记录人: 张三',
      '',
      '## 议题',
      '',
      '1. 看 [PR](https://github.com/o/r/pull/1) 和 <https://a.b/c> 以及 https://x.y/z。',
      '2. [ref][r] by @li-si',
      '',
      '[r]: https://github.com/o/r/issues/2',
      '',
    ].join('\n');
    const doc = parseMinutes(text, 'curve/2023-04-27.md');

    it('reads labelled lines with full-width and ASCII colons, bold labels and list markers', () => {
      const lines = doc.fields.filter((f) => f.source === 'line');
      assert.deepEqual(
        lines.map((f) => [f.label, slice(text, f.labelSpan), slice(text, f.valueSpan), f.value]),
        [
          ['会议时间', '会议时间', '2023-04-27 19:00', '2023-04-27 19:00'],
          ['主持人', '主持人', '@zeno', '@zeno'],
          ['记录人', '记录人', '张三', '张三'],
        ],
      );
    });

    it('gives each heading its line, its title and its body', () => {
      assert.deepEqual(
        doc.sections.map((s) => [s.level, slice(text, s.heading), slice(text, s.titleSpan), s.parent?.title]),
        [
          [1, '# Curve 双周会 2023-04-27', 'Curve 双周会 2023-04-27', undefined],
          [2, '## 议题', '议题', 'Curve 双周会 2023-04-27'],
        ],
      );
      const agenda = doc.sections[1];
      assert.ok(slice(text, agenda.body)!.trim().startsWith('1. 看'));
      assert.ok(slice(text, agenda.body)!.trim().endsWith('issues/2'));
      assert.equal(doc.title?.title, 'Curve 双周会 2023-04-27');
    });

    it('spans every kind of link and the destination inside it', () => {
      assert.deepEqual(
        doc.links.map((l) => [l.kind, slice(text, l.span), slice(text, l.urlSpan), l.url || `[${l.label}]`]),
        [
          ['inline', '[PR](https://github.com/o/r/pull/1)', 'https://github.com/o/r/pull/1', 'https://github.com/o/r/pull/1'],
          ['autolink', '<https://a.b/c>', 'https://a.b/c', 'https://a.b/c'],
          // GFM ends a bare URL only at a space: the full stop is part of it, as on GitHub (link/malformed-pr reports it).
          ['bare', 'https://x.y/z。', 'https://x.y/z。', 'https://x.y/z。'],
          // A reference keeps its label; the definition gives the destination.
          ['reference', '[ref][r]', undefined, '[r]'],
        ],
      );
      assert.deepEqual(
        doc.definitions.map((d) => [d.label, slice(text, d.span)]),
        [['r', '[r]: https://github.com/o/r/issues/2']],
      );
    });

    it('spans mentions from the @ to the end of the handle', () => {
      assert.deepEqual(
        doc.mentions.map((m) => [m.handle, slice(text, m.span)]),
        [
          ['zeno', '@zeno'],
          ['li-si', '@li-si'],
        ],
      );
    });
  });

  describe('plain-text minutes', () => {
    const text = '会议时间：2023-04-27\r\n与会人员：张三、李四\r\n\r\n议题\r\n1、讨论\r\n';
    const doc = parseMinutes(text, 'tc/2023-04-27.txt');

    it('reads labelled lines of a CRLF file without the CR in the value', () => {
      assert.equal(doc.format, 'plaintext');
      assert.deepEqual(
        doc.fields.map((f) => [f.label, slice(text, f.valueSpan), slice(text, f.span)]),
        [
          ['会议时间', '2023-04-27', '会议时间：2023-04-27'],
          ['与会人员', '张三、李四', '与会人员：张三、李四'],
        ],
      );
    });

    it('finds label sections only among the names it is given', () => {
      assert.deepEqual(doc.sections, []);
      const named = parseMinutes(text, 'tc/2023-04-27.txt', { sectionNames: (name) => name === '议题' });
      assert.deepEqual(
        named.sections.map((s) => [s.kind, slice(text, s.heading), slice(text, s.titleSpan)]),
        [['label', '议题', '议题']],
      );
    });
  });

  it('reads plain text wrapped whole in one fence as the text inside, at its own offsets', () => {
    const text = '```\n会议时间：2023-04-27\n参会人：张三\n```\n';
    const doc = parseMinutes(text, 'notes/2023-04-27.md');
    assert.equal(doc.format, 'plaintext');
    assert.deepEqual(
      doc.fields.map((f) => [f.label, slice(text, f.valueSpan)]),
      [
        ['会议时间', '2023-04-27'],
        ['参会人', '张三'],
      ],
    );
  });
});
