import assert from 'node:assert/strict';
import { parse, postprocess, preprocess } from 'micromark';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { compileEvents, UnbalancedEvents } from '../../server/src/core/model/compile';
import { parseGfm } from '../../server/src/core/model/gfm';
import { seededRandom } from '../../scripts/edits';

// The reference: remark-parse + remark-gfm (mdast-util-from-markdown). The JSON is compared,
// so key order counts too: the corpus output and caches serialise trees.
const remark = unified().use(remarkParse).use(remarkGfm).freeze();

function assertSameJson(text: string): void {
  assert.equal(JSON.stringify(parseGfm(text)), JSON.stringify(remark.parse(text)), JSON.stringify(text));
}

describe('building mdast from micromark events', () => {
  const cases: Record<string, string> = {
    'headings, ATX and setext': '# 会议纪要 #\n\n## 议题\n\nTitle\n=====\n\nSub *title*\nwith two lines\n---\n',
    'paragraphs with soft and hard breaks': 'one\ntwo  \nthree\\\nfour\n\n  five\n',
    'emphasis, strong, strikethrough': '*a* _b_ **c** __d__ ***e*** ~~f~~ ~g~ **x\ny**\n',
    'tight and loose lists, nested': '- a\n- b\n  - c\n\n  - d\n- e\n\n1. one\n2. two\n\n3) three\n\n   para\n',
    'an item of two paragraphs before the next item': '- a\n\n  b\n- c\n- d\n\n- e\n',
    'ordered list start and items after a blank line': '7. seven\n8. eight\n\n\n9. nine\n',
    'lists in quotes and quotes in lists': '> - a\n>\n> - b\n\n- > q\n  > r\n\n  after\n',
    'task lists': '- [ ] todo\n- [x] done **now**\n- [X]\n- [ ]  two spaces\n\n* [x] first\n\n  second paragraph\n',
    'code: fenced with info and meta, indented, inline':
      '```js title="x"\nconst a = 1;\n\n```\n\n~~~\nno info\n~~~\n\n    indented\n    code\n\n`inline` `` a ` b `` ``\n',
    'an unclosed fence': '```\nnever closed\n',
    'HTML flow and text': '<div>\n*not emphasis*\n</div>\n\n<!-- comment -->\n\ntext <span a="1">in</span> line\n',
    'links, images, references and definitions':
      '[a](https://x.example "t") ![i](/p.png \'q\') [full][Ref] [collapsed][] [Ref] ![img][ref] ![alt *e*](u)\n\n[ref]: https://r.example  "Title"\n[collapsed]: <a b>\n',
    'links with nested content and empty parts': '[**b** `c` ![i](j)](k) [](l) [m]() <https://auto.example> <me@mail.example>\n',
    'character escapes and references': '\\* \\[ &amp; &copy; &#35; &#x22; &#X1F600; &nosuch; &#0;\n',
    tables: '| a | b | c |\n|:--|:-:|--:|\n| `x\\|y` | **z** | \\| |\n| only one |\n\nnot | a | table\n\n| h |\n| - |\n',
    footnotes: 'Text[^1] and[^note]. [^missing]\n\n[^1]: First.\n[^note]:\n    Indented *note*\n\n    second para\n',
    'thematic breaks and blank documents': '***\n\n- - -\n\n___\n',
    'bare addresses everywhere': 'www.a.example https://b.example/x_(y) c@d.example [www.e.example](f) ~~http://g.example~~\n',
    'CRLF and CR line endings': '# a\r\n\r\n- b\r\n- c\r\n\r\n```\r\nd\r\n```\r\ne\rf\r',
    'tabs and indentation': '-\tone\n\t- two\n>\tquote\n\n\tcode\n',
    'a definition inside a list item before its text': '- [x]\n  [d]: /e\n  text\n- [ ] [d]\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`gives remark's tree, key order included: ${name}`, () => assertSameJson(text));
  }
  it("gives remark's tree for the empty text and white space", () => {
    for (const text of ['', '\n', '   ', '\n\n\n', '\t']) assertSameJson(text);
  });

  it("gives remark's tree on random texts of block and inline Markdown", () => {
    const block = [
      '\n',
      '\n\n',
      '- ',
      '* ',
      '1. ',
      '2) ',
      '> ',
      '# ',
      '## ',
      '    ',
      '  ',
      '\t',
      '```',
      '~~~',
      '---',
      '===',
      '| ',
      ' |',
      '|-|',
    ];
    const inline = ['a', 'b c', '会议', '*', '_', '**', '~~', '`', '[', ']', '(', ')', '![', '<', '>', '\\', '&amp;', '&#35;', ':'];
    const more = ['[x] ', '[ ] ', '[^1]', '[^1]: ', '[r]: /u', '[r]', 'https://x.example', 'www.y.example', 'me@z.example', '<div>', '"t"'];
    const alphabet = [...block, ...inline, ...more];
    const random = seededRandom(1207);
    for (let n = 0; n < 1500; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 60);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      assertSameJson(text);
    }
  });

  it("shares a node's end with the next node's start, and builds a piece at its place", () => {
    const text = 'a *b* c\n\n- [ ] d *e*\n';
    const tree = parseGfm(text);
    const [first, second] = tree.children;
    assert.ok(first.type === 'paragraph' && second.type === 'list');
    const [a, emphasis] = first.children;
    assert.equal(a.position!.end, emphasis.position!.start, 'one point object');
    assert.equal(first.position!.start, a.position!.start);
    // The task item's text moves past its check box without moving the point it shared.
    const item = second.children[0];
    const paragraph = item.children[0];
    assert.ok(paragraph.type === 'paragraph');
    assert.deepEqual(paragraph.position!.start, { line: 3, column: 7, offset: 15 });
    assert.deepEqual(item.position!.start, { line: 3, column: 1, offset: 9 });
    // Built at offset 100, line 7: every point moved by that much, the tree otherwise the same.
    const placed = parseGfm(text, { offset: 100, line: 7 });
    const moved = JSON.parse(JSON.stringify(tree), (key, value: unknown) => {
      if ((key === 'start' || key === 'end') && value && typeof value === 'object') {
        const p = value as { line: number; column: number; offset: number };
        return { line: p.line + 7, column: p.column, offset: p.offset + 100 };
      }
      return value;
    });
    assert.deepEqual(JSON.parse(JSON.stringify(placed)), moved);
  });

  it('refuses events that do not nest, so that the caller can build them the old way', () => {
    const events = postprocess(
      parse()
        .document()
        .write(preprocess()('*a*\n', undefined, true)),
    );
    const emphasisExit = events.findIndex(([kind, token]) => kind === 'exit' && token.type === 'emphasis');
    assert.throws(() => compileEvents(events.filter((_, i) => i !== emphasisExit)), UnbalancedEvents);
  });
});
