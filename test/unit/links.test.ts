import assert from 'node:assert/strict';
import { linkModel } from '../../server/src/core/links/document';
import { parseForgeUrl } from '../../server/src/core/links/parse-url';
import { exactRepo, repoAllowed } from '../../server/src/core/links/repos';
import { shorthandLinks, targetUrl } from '../../server/src/core/links/urls';
import { parseMinutes } from '../../server/src/core/model/parse';
import { joinPath, relativeTarget } from '../../server/src/core/rules/link/missing-file';

describe('forge URL model', () => {
  describe('GitHub', () => {
    it('reads pull requests, their files view and commits inside them as the PR', () => {
      const pr = parseForgeUrl('https://github.com/opencurve/curve/pull/2409');
      assert.deepEqual(pr?.target, {
        forge: 'github',
        host: 'github.com',
        owner: 'opencurve',
        repo: 'curve',
        kind: 'pull',
        id: '2409',
        subpath: undefined,
        anchor: undefined,
      });
      assert.deepEqual(pr?.problems, []);
      assert.equal(parseForgeUrl('https://github.com/opencurve/curve/pull/2526/files')?.target?.subpath, 'files');
      const inPr = parseForgeUrl('https://github.com/opencurve/curve/pull/2216/commits/be7f96b37a1661b318250ed28a34887e431b1e81');
      assert.equal(inPr?.target?.kind, 'pull');
      assert.equal(inPr?.target?.id, '2216');
    });

    it('reads issues with comment anchors, and commits', () => {
      const issue = parseForgeUrl('https://github.com/opencurve/curve/issues/2207#issuecomment-1441251916');
      assert.equal(issue?.target?.kind, 'issue');
      assert.equal(issue?.target?.anchor, 'issuecomment-1441251916');
      const commit = parseForgeUrl('https://github.com/live4thee/curve/commit/04462d89d7c567a99ed517cd4e972c039cf6752e');
      assert.equal(commit?.target?.kind, 'commit');
      assert.equal(commit?.repo.owner, 'live4thee');
    });

    it('treats lists and pages as repository pages, not malformed items', () => {
      for (const url of [
        'https://github.com/opencurve/curve/issues?q=is%3Aopen',
        'https://github.com/opencurve/curve/issues/new/choose',
        'https://github.com/opencurve/curve/commits/release2.2',
        'https://github.com/opencurve/curve/tree/curve-spdk',
        'https://github.com/opencurve/curve/commit/main',
      ]) {
        const parsed = parseForgeUrl(url);
        assert.ok(parsed, url);
        assert.equal(parsed.target, undefined, url);
        assert.deepEqual(parsed.problems, [], url);
      }
      assert.equal(parseForgeUrl('https://github.com/wxy'), undefined);
      assert.equal(parseForgeUrl('https://example.com/a/b/pull/1'), undefined);
    });

    it('finds two URLs glued together, but not a URL inside a query string', () => {
      const glued = parseForgeUrl('https://github.com/opencurve/community/pull/27https://github.com/opencurve/community/pull/28');
      assert.deepEqual(glued?.problems, [
        { code: 'glued', parts: ['https://github.com/opencurve/community/pull/27', 'https://github.com/opencurve/community/pull/28'] },
      ]);
      assert.equal(glued?.target?.id, '27');
      assert.deepEqual(parseForgeUrl('https://github.com/o/r/pull/1?from=https://example.org/')?.problems, []);
    });

    it('finds numbers that are not numbers, with the URL that was meant', () => {
      assert.deepEqual(parseForgeUrl('https://github.com/o/r/pull/12abc')?.problems, [
        { code: 'non-numeric', written: '12abc', fixedUrl: 'https://github.com/o/r/pull/12' },
      ]);
      assert.deepEqual(parseForgeUrl('https://github.com/o/r/pull/#12')?.problems, [
        { code: 'non-numeric', written: '#12', fixedUrl: 'https://github.com/o/r/pull/12' },
      ]);
      // Quoted as written, not percent-encoded.
      assert.equal((parseForgeUrl('https://github.com/o/r/pull/959)，代码')?.problems[0] as { written: string }).written, '959)，代码');
      assert.deepEqual(parseForgeUrl('https://github.com/o/r/commit/abc12')?.problems, [{ code: 'bad-sha', written: 'abc12' }]);
    });

    it('corrects GitHub paths in Gitee or GitLab style', () => {
      assert.deepEqual(parseForgeUrl('https://github.com/o/r/pulls/5')?.problems, [
        { code: 'wrong-segment', written: 'pulls', expected: 'pull', fixedUrl: 'https://github.com/o/r/pull/5' },
      ]);
      assert.deepEqual(parseForgeUrl('https://github.com/o/r/issue/5')?.problems, [
        { code: 'wrong-segment', written: 'issue', expected: 'issues', fixedUrl: 'https://github.com/o/r/issues/5' },
      ]);
    });
  });

  describe('Gitee, GitCode, AtomGit and GitHub Enterprise', () => {
    it('accepts Gitee /pulls/N and /issues/I… as well-formed', () => {
      for (const url of [
        'https://gitee.com/openeuler/community/pulls/4570',
        'https://gitee.com/openeuler/release-management/pulls/2071/',
        'https://gitee.com/openeuler/community/issues/I4GUWM?from=project-issue',
        'https://gitee.com/openeuler/community/issues/I40S9O#note_5849011',
      ]) {
        const parsed = parseForgeUrl(url);
        assert.ok(parsed?.target, url);
        assert.equal(parsed.repo.forge, 'gitee');
        assert.deepEqual(parsed.problems, [], url);
      }
      assert.equal(parseForgeUrl('https://gitee.com/openeuler/community/issues/I4GUWM')?.target?.id, 'I4GUWM');
    });

    it('flags /pull/N on Gitee with the /pulls/N fix', () => {
      assert.deepEqual(parseForgeUrl('https://gitee.com/openeuler/community/pull/5130')?.problems, [
        { code: 'wrong-segment', written: 'pull', expected: 'pulls', fixedUrl: 'https://gitee.com/openeuler/community/pulls/5130' },
      ]);
    });

    it('reads GitCode and AtomGit pull requests in either spelling, merge requests too', () => {
      assert.equal(parseForgeUrl('https://gitcode.com/openeuler/kernel/pull/12')?.target?.kind, 'pull');
      assert.deepEqual(parseForgeUrl('https://gitcode.com/openeuler/kernel/pulls/12')?.problems, []);
      assert.equal(parseForgeUrl('https://gitcode.net/group/project/-/merge_requests/7')?.target?.id, '7');
      assert.equal(parseForgeUrl('https://atomgit.com/openharmony/docs/issues/3')?.target?.kind, 'issue');
    });

    it('treats the hosts of links.api as GitHub Enterprise', () => {
      const settings = { api: { 'github.example.com': 'https://github.example.com/api/v3', '127.0.0.1:8080': 'http://127.0.0.1:8080' } };
      assert.equal(parseForgeUrl('https://github.example.com/team/app/pull/3'), undefined);
      assert.equal(parseForgeUrl('https://github.example.com/team/app/pull/3', settings)?.target?.kind, 'pull');
      assert.equal(parseForgeUrl('http://127.0.0.1:8080/o/r/issues/9', settings)?.target?.host, '127.0.0.1:8080');
    });
  });

  describe('shorthands and the known repo', () => {
    const text = [
      '- [a](https://github.com/opencurve/curve/pull/1)',
      '- [b](https://github.com/opencurve/curve/pull/2)',
      '- see #3, opencurve/curveadm#4, `#5` in code, &#6; and page#7',
      '',
    ].join('\n');

    it('resolves #N to the repo most PR links go to, and owner/repo#N to its own repo', () => {
      const doc = parseMinutes(text, 'minutes.md');
      const links = shorthandLinks(doc);
      assert.deepEqual(
        links.map((l) => [doc.text.slice(l.span.start, l.span.end), l.url]),
        [
          ['#3', 'https://github.com/opencurve/curve/issues/3'],
          ['opencurve/curveadm#4', 'https://github.com/opencurve/curveadm/issues/4'],
        ],
      );
    });

    it('leaves #N alone when no repo is known, and prefers a configured repo', () => {
      const doc = parseMinutes(
        'Bash Basics Series #6\n\nhttps://github.com/a/b/pull/1 https://github.com/c/d/pull/2 https://github.com/e/f/pull/3\n',
        'x.md',
      );
      assert.deepEqual(
        shorthandLinks(doc).map((l) => l.url),
        [],
      );
      const configured = shorthandLinks(doc, { repos: ['gitee.com/openeuler/community'] });
      assert.deepEqual(
        configured.map((l) => l.url),
        ['https://gitee.com/openeuler/community/issues/6'],
      );
    });

    it('builds canonical URLs for each forge', () => {
      assert.equal(
        targetUrl({ forge: 'gitee', host: 'gitee.com', owner: 'o', repo: 'r', kind: 'pull', id: '5' }),
        'https://gitee.com/o/r/pulls/5',
      );
      assert.equal(
        targetUrl({ forge: 'github', host: 'github.com', owner: 'o', repo: 'r', kind: 'commit', id: 'abc1234' }),
        'https://github.com/o/r/commit/abc1234',
      );
    });
  });

  describe('document link model', () => {
    it('resolves references through their definition and keeps LCTT header lines apart', () => {
      const doc = parseMinutes(
        '[#]: subject: "T"\n[#]: via: "https://example.org/"\n\nsee [the PR][1]\n\n[1]: https://github.com/o/r/pull/8\n',
        'a.md',
      );
      const model = linkModel(doc);
      assert.equal(model.headerDefinitions.size, 2);
      assert.deepEqual([...model.definitions.keys()], ['1']);
      assert.equal(model.links[0].url, 'https://github.com/o/r/pull/8');
      assert.equal(model.links[0].forge?.target?.id, '8');
      assert.equal(linkModel(doc), model, 'one model per document version');
    });
  });

  describe('allowed repos', () => {
    it('matches owner/repo globs on any host, host/owner/repo globs on that host, case-insensitively', () => {
      const curve = { forge: 'github' as const, host: 'github.com', owner: 'OpenCurve', repo: 'curve' };
      assert.ok(repoAllowed(['opencurve/*'], curve));
      assert.ok(!repoAllowed(['live4thee/*'], curve));
      assert.ok(repoAllowed(['github.com/opencurve/curve'], curve));
      assert.ok(!repoAllowed(['gitee.com/opencurve/*'], curve));
      assert.equal(exactRepo('opencurve/*'), undefined);
      assert.equal(exactRepo('gitee.com/openeuler/community')?.forge, 'gitee');
    });
  });

  describe('relative paths', () => {
    it('resolves relative destinations against the document folder', () => {
      assert.equal(relativeTarget('./images/a%20b.png#top'), './images/a b.png');
      assert.equal(relativeTarget('https://x.org/a.png'), undefined);
      assert.equal(relativeTarget('#section'), undefined);
      assert.equal(relativeTarget('\u200bhttps://zoom.us/j/1'), undefined);
      assert.equal(joinPath('/repo/minutes/2023', '../images/x.png'), '/repo/minutes/images/x.png');
      assert.equal(joinPath('minutes', './a.md'), 'minutes/a.md');
      assert.equal(joinPath('', '../a.md'), '../a.md');
    });
  });
});
