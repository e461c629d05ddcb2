import assert from 'node:assert/strict';
import type { Nodes } from 'mdast';
import { parseMarkdown, splitAtHeadings } from '../../server/src/core/model/markdown';

// A long document whose headings sit next to constructs a naive cut would break: a fence and an
// HTML comment holding `#` lines, raw <pre>, a list and a quote before a heading, reference links
// whose definitions are in another part of the document, a table, LCTT's `[#]:` header.
const SECTION = (i: number) => `## 第 ${i} 部分

- [改进 ${i}][pr${i}] @dev-${i}
  - 子项 **结论：**继续
> 引用 ${i}
| 列 | 值 |
|---|---|
| a | ${i} |

\`\`\`
# not a heading ${i}
\`\`\`

<!--
# not a heading either ${i}
-->

<pre>
# still not ${i}
</pre>
`;

function document(sections: number): string {
  const parts = ['[#]: subject: "x"', '', '# 标题', ''];
  for (let i = 0; i < sections; i++) parts.push(SECTION(i));
  for (let i = 0; i < sections; i++) parts.push(`[pr${i}]: https://github.com/opencurve/curve/pull/${i}`);
  return parts.join('\n') + '\n';
}

describe('parsing long Markdown in pieces', () => {
  const text = document(40);

  it('gives the very tree of a whole parse, positions included, at any piece size', () => {
    const whole = JSON.stringify(parseMarkdown(text, Infinity));
    for (const limit of [64, 512, 4096]) {
      assert.equal(JSON.stringify(parseMarkdown(text, limit)), whole, `pieces of ${limit}`);
    }
  });

  it('cuts only before real headings and fresh paragraphs, never inside a fence, a comment or raw HTML', () => {
    const pieces = splitAtHeadings(text, 64);
    assert.ok(pieces.length > 10, `only ${pieces.length} pieces`);
    assert.equal(pieces[0].start, 0);
    assert.equal(pieces[pieces.length - 1].end, text.length);
    for (let i = 1; i < pieces.length; i++) {
      assert.equal(pieces[i].start, pieces[i - 1].end, 'pieces are contiguous');
      const head = text.slice(pieces[i].start, pieces[i].start + 6);
      assert.match(head, /^(?:#{1,2} [第标]|\[pr\d)/, `a piece starts at a real heading or after a blank line: ${head}`);
    }
  });

  it('never cuts inside an HTML block, which runs over `#` lines to its blank line', () => {
    // As OSH's minutes open: right-aligned paragraphs with a heading right under them.
    const block = (i: number) => `<p align="right">记录人：${i}</p>\n### 进度汇报 ${i}\n- 事项 ${i}\n\n`;
    const html = Array.from({ length: 30 }, (_, i) => block(i)).join('');
    for (const piece of splitAtHeadings(html, 64)) assert.ok(!html.slice(piece.start).startsWith('###'), 'no piece starts at the heading');
    assert.equal(JSON.stringify(parseMarkdown(html, 64)), JSON.stringify(parseMarkdown(html, Infinity)));
  });

  it('resolves a reference link whose definition is in another piece', () => {
    const tree = parseMarkdown(text, 64);
    const json = JSON.stringify(tree);
    assert.equal((json.match(/"type":"linkReference"/g) ?? []).length, 40);
    // 40 `[prN]:` lines and LCTT's `[#]: subject:` line, which CommonMark reads as a definition too.
    assert.equal((json.match(/"type":"definition"/g) ?? []).length, 41);
  });
});

describe('re-parsing a long document after an edit', () => {
  it('reuses the pieces that did not change and still gives the whole-parse tree', () => {
    const text = document(40);
    parseMarkdown(text, 512);
    const at = text.indexOf('## 第 20 部分');
    const edited = `${text.slice(0, at)}新增一行。\n\n${text.slice(at)}`;
    assert.equal(JSON.stringify(parseMarkdown(edited, 512)), JSON.stringify(parseMarkdown(edited, Infinity)));
  });

  it('numbers the lines after a run of blank lines the parser saw as one, each shared point once', () => {
    const text = `# a\n\nb *c* d\n${'\n'.repeat(100)}e *f* g\n\n- h *i*\n`;
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    for (const tree of [parseMarkdown(text, Infinity), parseMarkdown(text, 8)]) {
      const stack: Nodes[] = [...tree.children];
      let seen = 0;
      while (stack.length) {
        const node = stack.pop()!;
        for (const at of [node.position!.start, node.position!.end]) {
          assert.equal(at.line, lineOf(at.offset!), `offset ${at.offset}`);
          seen++;
        }
        if ('children' in node) stack.push(...node.children);
      }
      assert.ok(seen > 20);
    }
  });
});
