import assert from 'node:assert/strict';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseGfm } from '../../server/src/core/model/gfm';
import { seededRandom } from '../../scripts/edits';

// The reference: what the parser must build, node for node, positions included.
const remark = unified().use(remarkParse).use(remarkGfm).freeze();

function assertSameTree(text: string): void {
  assert.deepEqual(parseGfm(text), remark.parse(text), JSON.stringify(text));
}

describe('parsing GFM with only the constructs a text can use (addresses, the table)', () => {
  const cases: Record<string, string> = {
    'no address at all': '# 会议纪要\n\n- 议题 **一**：进展\n- @dev-1 review 中\n',
    'a bare URL': '见 https://github.com/opencurve/curve/pull/3001。\n',
    'upper-case scheme and www': 'HTTPS://Example.COM/a and WWW.example.com/b, www.x.org.\n',
    'an e-mail address': 'Mail dev@example.org or <dev@example.org>; not a@b, not a@b.c_\n',
    'mailto and xmpp': 'mailto:a.b@example.com xmpp:bot@chat.example.com/home xmpp:x@y.z/a@\n',
    'an @handle next to a word': 'thanks@alice and x@y and (@bob) @carol.\n',
    'addresses inside links and references': '[https://a.example](https://b.example) [www.c.example][r]\n\n[r]: https://d.example\n',
    'an unbalanced bracket before an address': '[see www.example.com and https://e.example\n\n[x [y] https://f.example]\n',
    // The parser declines these; GFM's pass over the tree links them.
    'an e-mail address after a slash or an open bracket': 'team/dev@example.org [mail ops@example.org\n',
    'a web address after an open bracket': 'see [www.x.example and [https://y.example\n',
    'an image and a footnote': '![www.g.example](https://h.example/i.png) note[^1]\n\n[^1]: at me@example.com\n',
    'a table, a task list and strikethrough': '| a | b |\n|---|---|\n| www.x.com | y@z.io |\n\n- [x] ~~http://old.example~~ done\n',
    'emphasis around addresses': '*www.a.example* _https://b.example/_ **c@d.example**\n',
    'trailing punctuation and parentheses': 'www.example.com/a_(b)). https://x.example/?q=1&r=2; end\n',
    'escapes and entities': 'http&#58;//a.example www\\.b.example c\\@d.example &lt;https://e.example&gt;\n',
    'code and HTML hold no links': '`https://a.example` <span>www.b.example</span>\n\n    http://c.example\n',
    'CJK around an address': '会议链接：https://meeting.example/123（密码 456）和 邮箱abc@example.com。\n',
    // Text without `|` is parsed without the table construct.
    'delimiter-like rows and no pipe': 'a\n---\nb\n:-:\n\n- c\n  --- | x\n\n> d\n> :---\n',
    'a head row with a pipe, then a list item, a quote, a lazy line': 'a | b\n1. c\n\nd | e\n> f\n\n> g | h\n- i\n\n- j | k\nl\n',
    'tables in a list and in a quote': '- | a |\n  | - |\n  | b |\n\n> | c | d |\n> |:-|-:|\n> | e | f |\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`gives remark-gfm's tree: ${name}`, () => assertSameTree(text));
  }

  it("gives remark-gfm's tree on random texts of address and Markdown characters", () => {
    const pieces = ['www.', 'http://', 'https://', 'HTTP://', '@', 'a', 'x.y', '.com', '/', '_', '*', '~', '[', ']', '(', ')', '<', '>'];
    const more = ['`', '\\', ' ', '\n', '\n\n', '- ', '# ', '| ', '会', ':', 'mailto:', 'xmpp:', '&amp;', '-', '!', '^1', '"'];
    const alphabet = [...pieces, ...more];
    const random = seededRandom(12);
    for (let n = 0; n < 400; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      assertSameTree(text);
    }
  });

  it("gives remark-gfm's tree on random texts of table characters, with a pipe and without", () => {
    const alphabet = ['|', '| ', '-', '---', ':', ' ', '  ', '\t', '\n', '\n\n', 'a', '会', '> ', '- ', '1. ', '2) ', '*', '`', '#', '='];
    const random = seededRandom(34);
    for (let n = 0; n < 150; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      assertSameTree(text);
      // The same text without its pipes takes the path without the table construct.
      assertSameTree(text.replaceAll('|', ''));
    }
  });
});
