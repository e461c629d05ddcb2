import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '../../server/src/core/config/types';
import { applyRuleFixes, lineOf, lintText, only, ROOT } from '../helpers';

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'links', name), 'utf8');
const withRepos = (repos: string[]): ResolvedConfig => ({ config: { links: { repos } }, problems: [] });

/** `rule:line` for every link diagnostic, in document order. */
async function linkFindings(text: string, path: string, template?: string, config?: ResolvedConfig): Promise<string[]> {
  const result = await lintText(text, path, { template, config });
  return result.diagnostics.filter((d) => d.rule.startsWith('link/')).map((d) => `${d.rule}:${lineOf(result, d)}`);
}

describe('link rules', () => {
  describe('on a Curve biweekly minutes fixture', () => {
    it('reports each planted defect once, on its line, and nothing else', async () => {
      assert.deepEqual(await linkFindings(fixture('curve-biweekly.md'), 'curve/2024/2024-03-14.md', 'curve-biweekly'), [
        'link/duplicate-target:20',
        'link/number-mismatch:21',
        'link/spaced-syntax:26',
        'link/foreign-repo:27',
        'link/malformed-pr:32',
        'link/malformed-pr:33',
      ]);
    });

    it('names the other item in the duplicate-target message, in English and Chinese', async () => {
      const en = only(
        (await lintText(fixture('curve-biweekly.md'), 'curve/2024/2024-03-14.md', { template: 'curve-biweekly' })).diagnostics,
        'link/duplicate-target',
      );
      assert.match(
        en[0].message,
        /"客户端支持热升级" links to opencurve\/curve#3005, which line 19 already links as "读写路径减少一次拷贝"/,
      );
      const zh = only(
        (await lintText(fixture('curve-biweekly.md'), 'curve/2024/2024-03-14.md', { template: 'curve-biweekly', lang: 'zh' })).diagnostics,
        'link/duplicate-target',
      );
      assert.match(zh[0].message, /第 19 行/);
    });
  });

  describe('link/spaced-syntax', () => {
    it('offers a safe fix that turns the text back into a link', async () => {
      const text = '- 见 [issue42] (https://github.com/o/r/issues/42) 与 [定义] [d]\n\n[d]: https://example.org/\n';
      const result = await lintText(text, 'm.md');
      const found = only(result.diagnostics, 'link/spaced-syntax');
      assert.equal(found.length, 2);
      assert.ok(found.every((d) => d.fixes[0].safe));
      const fixed = applyRuleFixes(text, result.diagnostics, 'link/spaced-syntax');
      assert.equal(fixed, '- 见 [issue42](https://github.com/o/r/issues/42) 与 [定义][d]\n\n[d]: https://example.org/\n');
      const again = await lintText(fixed, 'm.md');
      assert.deepEqual(
        again.doc.links.map((l) => l.kind),
        ['inline', 'reference'],
      );
    });

    it('leaves prose brackets, checkboxes, code and plain-text minutes alone', async () => {
      assert.deepEqual(await linkFindings('- [ ] (https://example.org/) later\n\n[注] (见上文)\n\n`[a] (https://x.org)`\n', 'm.md'), []);
      assert.deepEqual(await linkFindings('会议纪要：[参考] (https://example.org/)\n', 'tc/20240508.txt'), []);
      assert.deepEqual(await linkFindings('see [1] [2]\n\n[1]: https://a.org/\n[2]: https://b.org/\n', 'm.md'), []);
    });
  });

  describe('link/split', () => {
    it('rejoins a destination broken across lines', async () => {
      const text = '- [元数据优化](https://github.com/opencurve/cu\n  rve/pull/3001) @alice\n';
      const result = await lintText(text, 'm.md');
      assert.equal(only(result.diagnostics, 'link/split').length, 1);
      const fixed = applyRuleFixes(text, result.diagnostics, 'link/split');
      assert.equal(fixed, '- [元数据优化](https://github.com/opencurve/curve/pull/3001) @alice\n');
    });

    it('joins a destination written on the line after the text', async () => {
      const text = 'See [the design]\n(https://example.org/design.md) for details.\n';
      const result = await lintText(text, 'm.md');
      assert.equal(
        applyRuleFixes(text, result.diagnostics, 'link/split'),
        'See [the design](https://example.org/design.md) for details.\n',
      );
    });

    it('finds link text broken by a blank line, and joins CJK text without a space', async () => {
      const text = '[客户端\n\n热升级](https://github.com/o/r/pull/1)\n';
      const result = await lintText(text, 'm.md');
      const found = only(result.diagnostics, 'link/split');
      assert.equal(found.length, 1);
      assert.equal(found[0].fixes[0].safe, false);
      assert.equal(applyRuleFixes(text, result.diagnostics, 'link/split'), '[客户端热升级](https://github.com/o/r/pull/1)\n');
    });

    it('accepts valid links that merely wrap (a line break before the closing parenthesis, text over two lines)', async () => {
      assert.deepEqual(
        await linkFindings('[快照](https://github.com/o/r/commit/0123456789abcdef\n)\n\n[long\ntext](https://x.org/)\n', 'm.md'),
        [],
      );
    });

    it('knows parsed links by their spans in a file with many, an image link inside a link included', async () => {
      // Twenty parsed links index the spans. The image's `](…)` lies inside the outer link and the
      // outer one's `](…)` ends a parsed link: neither is a split text; `[a] (b.md)` inside a parsed
      // link's text is no spaced link either.
      const many = Array.from({ length: 20 }, (_, i) => `[#${i}](https://github.com/o/r/pull/${i})`).join(' ');
      const text = `${many}\n\n[![logo](./logo.png) 文档](https://x.org/docs.md) [see [a] (b.md) here](https://x.org/)\n\n[断开\n\n的链接](https://x.org/a.md) [c] (d.md)\n`;
      assert.deepEqual(await linkFindings(text, 'm.md'), ['link/split:5', 'link/spaced-syntax:7']);
    });
  });

  describe('link/malformed-pr', () => {
    it('keeps one of two identical glued URLs safely, and offers both when they differ', async () => {
      const same = await lintText('* [周报](https://github.com/o/c/pull/27https://github.com/o/c/pull/27)\n', 'm.md');
      const [d] = only(same.diagnostics, 'link/malformed-pr');
      assert.deepEqual(
        d.fixes.map((f) => [f.edits[0].newText, f.safe]),
        [['https://github.com/o/c/pull/27', true]],
      );
      const differ = await lintText('* [周报](https://github.com/o/c/pull/27https://github.com/o/c/pull/28)\n', 'm.md');
      assert.deepEqual(
        only(differ.diagnostics, 'link/malformed-pr')[0].fixes.map((f) => [f.edits[0].newText, Boolean(f.safe)]),
        [
          ['https://github.com/o/c/pull/27', false],
          ['https://github.com/o/c/pull/28', false],
        ],
      );
    });

    it('accepts the Gitee links of openEuler minutes and corrects /pull/ on Gitee', async () => {
      const text = fixture('openeuler-tc.md');
      const result = await lintText(text, 'tc/2024/20240508_minutes.md', { template: 'openeuler-tc' });
      const found = only(result.diagnostics, 'link/malformed-pr');
      assert.deepEqual(
        found.map((d) => lineOf(result, d)),
        [11],
      );
      assert.match(applyRuleFixes(text, result.diagnostics, 'link/malformed-pr'), /community\/pulls\/5130\n/);
    });

    it('closes a bare URL that ran into the text after it with <…>', async () => {
      const text = '方案已完成(https://github.com/o/r/pull/959)，代码下旬合入\n';
      const result = await lintText(text, 'm.md');
      const fixed = applyRuleFixes(text, result.diagnostics, 'link/malformed-pr');
      assert.equal(fixed, '方案已完成(<https://github.com/o/r/pull/959>)，代码下旬合入\n');
      const again = await lintText(fixed, 'm.md');
      assert.deepEqual(
        again.doc.links.map((l) => l.url),
        ['https://github.com/o/r/pull/959'],
      );
    });

    it('reports a malformed definition once, however many references use it', async () => {
      const found = await linkFindings('[a][1] and [b][1]\n\n[1]: https://github.com/o/r/pull/5x\n', 'm.md');
      assert.deepEqual(found, ['link/malformed-pr:3']);
    });
  });

  describe('link/duplicate-target', () => {
    it('accepts the same text twice, two links in one item, and texts that only name the number', async () => {
      const text = [
        '- [设计讨论](https://github.com/o/r/issues/7) 一',
        '- [设计讨论](https://github.com/o/r/issues/7) 二',
        '- [实现](https://github.com/o/r/pull/8)，[另见改动](https://github.com/o/r/pull/8/files)',
        '- [#8](https://github.com/o/r/pull/8)',
        '- https://github.com/o/r/pull/8',
        '',
      ].join('\n');
      assert.deepEqual(await linkFindings(text, 'm.md'), []);
    });

    it('treats /issues/N and /pull/N as one target on GitHub, and matches commits by SHA prefix', async () => {
      const text = [
        '- [修复启动检查](https://github.com/o/r/pull/9)',
        '- [新增工具命令](https://github.com/o/r/issues/9)',
        '* [增加缓存检查](https://github.com/o/r/commit/45b436696b095237a7b36efa147c16422d92f356)',
        '* [重置副本命令](https://github.com/o/r/commit/45b4366)',
        '',
      ].join('\n');
      assert.deepEqual(await linkFindings(text, 'm.md'), ['link/duplicate-target:2', 'link/duplicate-target:4']);
    });

    it('names the first earlier item of another text, and a repeated block raises nothing new', async () => {
      const block = [
        '- [修复启动检查流程](https://github.com/o/r/pull/9) 与 [另一个标题](https://github.com/o/r/pull/9)',
        '- [新增工具命令](https://github.com/o/r/pull/9)',
        '- [WIP: 新增工具命令的文档](https://github.com/o/r/pull/9)',
        '- [新增工具命令的文档](https://github.com/o/r/pull/9)',
        '',
      ].join('\n');
      const once = await lintText(block, 'm.md');
      const messages = only(once.diagnostics, 'link/duplicate-target').map((d) => `${lineOf(once, d)} ${d.message}`);
      assert.deepEqual(messages, [
        '2 "新增工具命令" links to o/r#9, which line 1 already links as "修复启动检查流程". Is one of the two links wrong?',
        '3 "WIP: 新增工具命令的文档" links to o/r#9, which line 1 already links as "修复启动检查流程". Is one of the two links wrong?',
      ]);
      const repeated = await linkFindings(`${block}\n${block}\n${block}`, 'm.md');
      assert.deepEqual(repeated, ['link/duplicate-target:2', 'link/duplicate-target:3']);
    });
  });

  describe('link/number-mismatch', () => {
    it('offers both fixes, neither safe', async () => {
      const text = '- [tools: add list client #2037](https://github.com/o/r/pull/2076) @dev\n';
      const result = await lintText(text, 'm.md');
      const [d] = only(result.diagnostics, 'link/number-mismatch');
      assert.ok(d.fixes.every((f) => !f.safe));
      const apply = (i: number) => d.fixes[i].edits.reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
      assert.equal(apply(0), '- [tools: add list client #2076](https://github.com/o/r/pull/2076) @dev\n');
      assert.equal(apply(1), '- [tools: add list client #2037](https://github.com/o/r/pull/2037) @dev\n');
    });

    it('reads PR#N and issueN, and skips numbers of other repos and commit links', async () => {
      const text = [
        '- [PR#12 review](https://github.com/o/r/pull/13)',
        '- [issue2160 讨论](https://github.com/o/r/issues/2161)',
        '- [backport of other/lib#5](https://github.com/o/r/pull/6)',
        '- [fix read bug(#1918)](https://github.com/o/r/commit/71f02d1da9b7ee8779adb86ca4a07840d8cb4714)',
        '- [r#7 again](https://github.com/o/r/pull/7)',
        '',
      ].join('\n');
      assert.deepEqual(await linkFindings(text, 'm.md'), ['link/number-mismatch:1', 'link/number-mismatch:2']);
    });

    it('reads links labelled PR1, PR2, … or report #1, report #2 as counted, not as numbers, unless the count stands alone', async () => {
      const text = [
        '- [ ] Move the docs into the main repository @kim',
        '  - [PR1](https://github.com/o/r/pull/147)',
        '  - [PR2](https://github.com/o/site/pull/1888)',
        '- [PR 3 review](https://github.com/o/r/pull/4)',
        '- [Issue1](https://github.com/o/r/issues/52)',
        '- [Resource limits, Part #1: fields and validation](https://github.com/o/r/pull/4877)',
        '',
        'Read more in [field report #1][one] and [field report #2][two].',
        '',
        '[one]: https://github.com/o/r/issues/2050',
        '[two]: https://github.com/o/r/issues/1922',
        '',
      ].join('\n');
      assert.deepEqual(await linkFindings(text, 'm.md'), ['link/number-mismatch:4', 'link/number-mismatch:5']);
    });
  });

  describe('link/undefined-reference and link/unused-definition', () => {
    it('on an LCTT article: the undefined [2], the unused [5], not the [#]: header lines', async () => {
      const result = await lintText(fixture('lctt-published.md'), 'published/202403/20240301 A Small Tour.md', {
        template: 'lctt-article',
      });
      const links = result.diagnostics.filter((d) => d.rule.startsWith('link/'));
      assert.deepEqual(
        links.map((d) => `${d.rule}:${lineOf(result, d)}`),
        ['link/undefined-reference:15', 'link/unused-definition:41'],
      );
    });

    it('flags images and collapsed references, not footnotes, shortcuts or code that lost its fence', async () => {
      const text = '![][9] and [术语][] and [^1] and [注] and x = rows[1][2] and a[b][c]\n\n[^1]: a note\n';
      assert.deepEqual(await linkFindings(text, 'm.md'), ['link/undefined-reference:1', 'link/undefined-reference:1']);
    });

    it('reports a shadowed duplicate definition and removes unused definitions by whole lines', async () => {
      const text = 'see [x][1]\n\n[1]: https://a.org/\n[1]: https://b.org/\n[2]: https://c.org/\n';
      const result = await lintText(text, 'm.md');
      const found = only(result.diagnostics, 'link/unused-definition');
      assert.deepEqual(
        found.map((d) => lineOf(result, d)),
        [4, 5],
      );
      assert.match(found[0].message, /line 3/);
      assert.equal(applyRuleFixes(text, result.diagnostics, 'link/unused-definition'), 'see [x][1]\n\n[1]: https://a.org/\n');
    });
  });

  describe('link/foreign-repo', () => {
    const text = [
      '- [快照](https://github.com/opencurve/curve/pull/1)',
      '- [本地快照](https://github.com/someone/curve/commit/0123456789abcdef0123456789abcdef01234567)',
      '- [一键部署](https://github.com/kubesphere/helm-charts/pull/300)',
      '- [上游问题](https://github.com/kubesphere/helm-charts/issues/301)',
      '',
    ].join('\n');

    it('with the template default, reports only what looks like a fork', async () => {
      assert.deepEqual(await linkFindings(text, 'm.md', 'curve-biweekly'), ['link/foreign-repo:2']);
    });

    it('with links.repos configured, reports every PR and commit outside it, not issues', async () => {
      assert.deepEqual(await linkFindings(text, 'm.md', 'curve-biweekly', withRepos(['opencurve/*'])), [
        'link/foreign-repo:2',
        'link/foreign-repo:3',
      ]);
      assert.deepEqual(await linkFindings(text, 'm.md', 'curve-biweekly', withRepos(['opencurve/*', 'kubesphere/helm-charts'])), [
        'link/foreign-repo:2',
      ]);
    });

    it('says nothing when neither configuration nor template names repos', async () => {
      assert.deepEqual(await linkFindings(text, 'm.md', 'generic'), []);
    });
  });

  describe('link/missing-file', () => {
    const files = new Set(['/repo/minutes/2023/images/ok.png', '/repo/minutes/slides.pdf']);
    const asked: string[] = [];
    const services = { fileExists: (p: string) => (asked.push(p), files.has(p)) };
    const text =
      '![ok](./images/ok.png) ![gone](images/Ok.png) [slides](../slides.pdf) [x](https://x.org/a.png) [top](#时间) [ref][r]\n\n[r]: ./notes%20v2.md#intro\n';

    it('resolves relative links and images against the document folder, case-sensitively', async () => {
      const result = await lintText(text, '/repo/minutes/2023/2023-04-27.md', { services });
      const found = only(result.diagnostics, 'link/missing-file');
      assert.deepEqual(
        found.map((d) => result.doc.text.slice(d.span.start, d.span.end)),
        ['images/Ok.png', '[ref][r]'],
      );
      assert.ok(asked.includes('/repo/minutes/2023/notes v2.md'));
      assert.ok(!asked.some((p) => p.includes('x.org')));
    });

    it('does nothing without a file service', async () => {
      assert.deepEqual(only((await lintText(text, '/repo/minutes/2023/2023-04-27.md')).diagnostics, 'link/missing-file'), []);
    });
  });
});
