import assert from 'node:assert/strict';
import { imageToken, withImageUris } from '../../client/src/preview/images';
import { previewLink } from '../../client/src/preview/links';
import { makeNonce, previewCsp, previewPage } from '../../client/src/preview/page';
import { summaryHtml } from '../../client/src/preview/summaryHtml';
import { renderMinutesHtml } from '../../server/src/core/render/html';
import type { MinutesSummary } from '../../server/src/core/summary';

// The preview pane shows minutes written by anyone who can open a pull request: nothing in
// them may run. These tests prove the two locks: the sanitizer removes scripts, handlers and
// `javascript:` URLs from the HTML, and the page's policy would refuse to run them anyway.

const HOSTILE = [
  '# Curve 双周会 2024-03-14',
  '',
  'before the script',
  '',
  '<script>document.body.innerHTML = "owned"</script>',
  '',
  'after the script',
  '',
  '<img src="missing.png" onerror="alert(1)" alt="team photo">',
  '',
  '[click me](javascript:alert(2)) and <a href="JaVaScRiPt:alert(3)" onclick="alert(4)">this</a>',
  '',
  '<a href="jav&#x61;script:alert(5)">encoded</a> <svg onload="alert(6)"><circle r="1"/></svg>',
  '',
  '<iframe src="https://example.org/"></iframe><style>body { display: none }</style>',
  '',
  '<div style="position:fixed" onmouseover="alert(7)">hover</div>',
  '',
  '<form action="https://example.org/"><input name="q"></form><base href="https://example.org/">',
  '',
  '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="inline"> [data](data:text/html;base64,PHNjcmlwdD4=)',
].join('\n');

describe('preview rendering: sanitizing', () => {
  const html = renderMinutesHtml(HOSTILE, { resolveImage: (src) => `https://resources.test/${src}` });

  it('removes <script> elements with their content', () => {
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /owned/);
    assert.match(html, /before the script/);
    assert.match(html, /after the script/);
  });

  it('removes every on… event handler attribute', () => {
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
    assert.doesNotMatch(html, /alert\(1\)|alert\(4\)|alert\(6\)|alert\(7\)/);
    // The image itself stays (with its alt), only its handler goes.
    assert.match(html, /<img src="https:\/\/resources\.test\/missing\.png" alt="team photo"/);
  });

  it('drops javascript: and data: URLs, however they are spelled, and keeps the link text', () => {
    assert.doesNotMatch(html, /javascript:/i);
    assert.doesNotMatch(html, /jav&#x61;script/i);
    assert.doesNotMatch(html, /data:/i);
    assert.match(html, /<a>click me<\/a>/);
    assert.match(html, /<a>this<\/a>/);
    assert.match(html, /<a>encoded<\/a>/);
  });

  it('removes iframes, stylesheets, inline styles, forms and <base>; an input can only be a disabled checkbox', () => {
    for (const pattern of [/<iframe/i, /<style/i, /display: none/, /style=/i, /<form/i, /<base/i, /<svg/i]) {
      assert.doesNotMatch(html, pattern);
    }
    for (const input of html.match(/<input[^>]*>/g) ?? []) assert.match(input, /^<input(?=[^>]* disabled)(?=[^>]* type="checkbox")/);
    assert.match(html, /hover/);
  });

  it('still renders GitHub Markdown: tables, task lists, ruby text, with source lines for scroll sync', () => {
    const ok = renderMinutesHtml(
      '# Title\n\n| 议题 | 结论 |\n| --- | --- |\n| 发布 | 通过 |\n\n- [ ] @dev task\n\n<ruby>译<rt>yì</rt></ruby>\n',
    );
    assert.match(ok, /<h1 data-line="0">Title<\/h1>/);
    assert.match(ok, /<table data-line="2">/);
    assert.match(ok, /<td>通过<\/td>/);
    assert.match(ok, /<li class="task-list-item" data-line="6"><input type="checkbox" disabled> @dev task<\/li>/);
    assert.match(ok, /<ruby>译<rt>yì<\/rt><\/ruby>/);
  });

  it('points relative images at the URL the host gives, keeps https images when allowed and drops what cannot load', () => {
    const seen: string[] = [];
    const out = renderMinutesHtml('![a](../images/a.png) ![b](https://example.org/b.png) <img src="far/away.png" alt="c">\n', {
      resolveImage: (src) => {
        seen.push(src);
        return src.startsWith('../') ? `https://file+.vscode-resource.vscode-cdn.net/ws/images/${src.slice(10)}` : undefined;
      },
      remoteImages: true,
    });
    assert.deepEqual(seen, ['../images/a.png', 'far/away.png']);
    assert.match(out, /<img src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ws\/images\/a\.png" alt="a"/);
    assert.match(out, /<img src="https:\/\/example\.org\/b\.png" alt="b"/);
    assert.match(out, /<img alt="c"/);
  });

  it('by default a remote image is a link to it, not a request (no read receipt)', () => {
    const out = renderMinutesHtml('![tracker](https://track.example.org/p.png?u=1) <img src="//cdn.example.org/x.gif"> ![local](a.png)\n', {
      resolveImage: () => 'https://file+.vscode-resource.vscode-cdn.net/ws/a.png',
    });
    assert.doesNotMatch(out, /<img[^>]*example\.org/);
    assert.match(
      out,
      /<a href="https:\/\/track\.example\.org\/p\.png\?u=1" title="https:\/\/track\.example\.org\/p\.png\?u=1" class="remote-image"[^>]*>tracker<\/a>/,
    );
    assert.match(
      out,
      /<a href="https:\/\/cdn\.example\.org\/x\.gif"[^>]*class="remote-image"[^>]*>https:\/\/cdn\.example\.org\/x\.gif<\/a>/,
    );
    assert.match(
      out,
      /<img src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ws\/a\.png" alt="local"/,
      'workspace images still show',
    );
  });

  it('shows plain-text minutes line by line, escaped, with their URLs as links', () => {
    const out = renderMinutesHtml('会议链接：https://meeting.example.org/j/1。\n\n<script>alert(1)</script>', { format: 'plaintext' });
    assert.match(
      out,
      /<p class="line" data-line="0">会议链接：<a href="https:\/\/meeting\.example\.org\/j\/1">https:\/\/meeting\.example\.org\/j\/1<\/a>。<\/p>/,
    );
    assert.match(out, /<p class="line" data-line="1"><\/p>/);
    assert.match(out, /&#x3C;script>alert\(1\)&#x3C;\/script>|&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(out, /<script/);
  });
});

describe('preview page: Content-Security-Policy', () => {
  const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';

  it('allows only scripts with the nonce, styles and images from known places, nothing else', () => {
    const csp = previewCsp(cspSource, 'n0nce');
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), ["'nonce-n0nce'"]);
    assert.deepEqual(directives.get('style-src'), [cspSource]);
    assert.deepEqual(directives.get('img-src'), [cspSource, 'data:'], 'no remote image unless the user allows them');
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.match(previewCsp(cspSource, 'n0nce', true), new RegExp(`img-src ${cspSource.replace(/[.+]/g, '\\$&')} https: data:`));
  });

  it('makes a different, unguessable nonce for every page', () => {
    const nonces = new Set(Array.from({ length: 20 }, makeNonce));
    assert.equal(nonces.size, 20);
    for (const nonce of nonces) assert.match(nonce, /^[A-Z0-9+/]{24}$/i);
  });

  it('a page of hostile minutes has exactly one script: the extension’s, with the nonce of the policy', () => {
    const nonce = makeNonce();
    const page = previewPage({
      cspSource,
      nonce,
      styleUri: `${cspSource}/ext/media/preview.css`,
      scriptUri: `${cspSource}/ext/media/preview.js`,
      lang: 'zh-CN',
      title: 'Preview "2024-03-14.md" <b>',
      summaryHtml: '',
      minutesHtml: renderMinutesHtml(HOSTILE),
      documentUri: 'file:///ws/a"b.md',
      line: 3,
    });
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page);
    assert.ok(policy, 'the policy is in the page');
    assert.equal(policy[1].replace(/&#39;/g, "'"), previewCsp(cspSource, nonce));
    assert.match(policy[1].replace(/&#39;/g, "'"), new RegExp(`script-src 'nonce-${nonce.replace(/[+/]/g, '\\$&')}'`));
    const scripts = [...page.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
    assert.deepEqual(scripts, [`<script nonce="${nonce}" src="${cspSource}/ext/media/preview.js">`]);
    assert.doesNotMatch(page, /\son[a-z]+\s*=/i);
    assert.match(page, /<title>Preview &quot;2024-03-14\.md&quot; &lt;b&gt;<\/title>/);
    assert.match(page, /data-document="file:\/\/\/ws\/a&quot;b\.md" data-start-line="3"/);
    assert.match(page, /<section id="summary"/);
  });
});

describe('preview summary panel', () => {
  const summary: MinutesSummary = {
    template: { id: 'generic', name: 'Generic meeting minutes' },
    title: 'Team <b>meeting</b>',
    date: { text: '2024-05-02', iso: '2024-05-02', source: 'title', line: 0, character: 21 },
    hosts: [],
    attendees: [{ text: 'Ada @ada', name: 'Ada', handle: 'ada', line: 4, character: 2 }],
    decisions: [{ topic: 'CI', text: '<img src=x onerror=alert(1)> adopt it', line: 9, character: 0 }],
    actionItems: [{ task: 'write the guide', owners: ['ada'], due: '2024-05-16', done: false, line: 12, character: 0 }],
    links: [
      {
        kind: 'pull',
        url: 'https://github.com/o/r/pull/1"onmouseover="x',
        repo: 'o/r',
        id: '1',
        text: 'Fix',
        owners: [],
        mentions: 2,
        line: 7,
        character: 2,
      },
    ],
    problems: [
      {
        rule: 'template/missing-section',
        severity: 'warning',
        message: 'Missing section "Agenda" <here>',
        line: 3,
        character: 0,
        endLine: 3,
        endCharacter: 5,
      },
    ],
    counts: { errors: 0, warnings: 1, infos: 0 },
  };
  const html = summaryHtml({ kind: 'result', result: { uri: 'file:///a.md', version: 1, linted: true, reason: 'test', summary } }, 'en');

  it('escapes everything that comes from the document', () => {
    assert.doesNotMatch(html, /<img|<b>|<here>/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt; adopt it/);
    assert.match(html, /href="https:\/\/github\.com\/o\/r\/pull\/1&quot;onmouseover=&quot;x"/);
  });

  it('has stable classes for each part, and source places for the click-to-jump', () => {
    assert.match(html, /<dd class="summary-date"><time datetime="2024-05-02" data-line="0" data-character="21">2024-05-02<\/time>/);
    assert.match(html, /class="summary-block summary-attendees" data-count="1"/);
    assert.match(html, /class="summary-block summary-decisions" data-count="1"/);
    assert.match(html, /class="summary-block summary-actions" data-count="1"/);
    assert.match(html, /<span class="due" data-due="2024-05-16">due 2024-05-16<\/span>/);
    assert.match(html, /class="summary-block summary-links" data-count="1"/);
    assert.match(
      html,
      /<li class="severity-warning" data-rule="template\/missing-section" data-line="3" data-character="0" role="button" tabindex="0">/,
    );
    assert.match(html, /line 4/);
  });

  it('says why there is no summary', () => {
    assert.match(summaryHtml({ kind: 'unavailable' }, 'en'), /summary-notice-unavailable/);
    const skipped = summaryHtml(
      { kind: 'result', result: { uri: 'file:///README.md', version: 1, linted: false, reason: 'not <minutes>' } },
      'zh',
    );
    assert.match(skipped, /无摘要：not &lt;minutes&gt;/);
  });
});

describe('preview: where a clicked link leads', () => {
  const doc = '/ws/minutes/2024/2024-03-14.md';
  it('web pages go to the browser; other schemes go nowhere', () => {
    assert.deepEqual(previewLink('https://github.com/x/y/pull/1', doc, '/ws'), { kind: 'external', url: 'https://github.com/x/y/pull/1' });
    assert.deepEqual(previewLink('mailto:a@b.org', doc, '/ws'), { kind: 'external', url: 'mailto:a@b.org' });
    for (const href of ['command:workbench.action.terminal.new', 'file:///etc/passwd', 'vscode://x', '//host/x'])
      assert.equal(previewLink(href, doc, '/ws').kind, 'refused', href);
  });

  it('relative links open files inside the workspace folder, with their fragment', () => {
    assert.deepEqual(previewLink('../2023/a.md#议题', doc, '/ws'), { kind: 'file', path: '/ws/minutes/2023/a.md', fragment: '议题' });
    assert.deepEqual(previewLink('/docs/guide.md', doc, '/ws'), { kind: 'file', path: '/ws/docs/guide.md', fragment: undefined });
    assert.deepEqual(previewLink('%E5%9B%BE.png', doc, '/ws'), { kind: 'file', path: '/ws/minutes/2024/图.png', fragment: undefined });
  });

  it('links that lead outside the workspace folder are not opened', () => {
    for (const href of ['../../../.ssh/id_rsa', '../../../../etc/passwd', '/../../etc/passwd', '../../../ws-other/a.md']) {
      assert.deepEqual(previewLink(href, doc, '/ws'), { kind: 'refused', reason: 'outside' }, href);
    }
    assert.deepEqual(previewLink('%E0%A4%A', doc, '/ws'), { kind: 'refused', reason: 'malformed' });
  });
});

describe("preview: images of the server's rendering", () => {
  it("the server names relative images by a token; the client puts in the webview's URIs, escaped, or drops the src", () => {
    const token = imageToken();
    const images: string[] = [];
    const html = renderMinutesHtml('![a](../images/a.png) ![b](far/away.png) ![c](https://example.org/c.png)\n', {
      remoteImages: true,
      resolveImage: (src) => `${token}${images.push(src) - 1}`,
    });
    assert.deepEqual(images, ['../images/a.png', 'far/away.png']);
    const out = withImageUris(html, token, images, (src) =>
      src.startsWith('../') ? `https://cdn.test/ws/images/a.png?x="1"&y` : undefined,
    );
    assert.match(out, /<img src="https:\/\/cdn\.test\/ws\/images\/a\.png\?x=&quot;1&quot;&amp;y" alt="a"/);
    assert.match(out, /<img alt="b"[ >]/);
    assert.match(out, /<img src="https:\/\/example\.org\/c\.png" alt="c"/);
    assert.ok(!out.includes(token));
  });

  it('text that looks like a token of another rendering is left alone', () => {
    const written = 'src="cm-image-000000000000000000000000-0"';
    const html = renderMinutesHtml(`${written}\n`);
    const token = imageToken();
    assert.notEqual(token, 'cm-image-000000000000000000000000-');
    assert.equal(
      withImageUris(html, token, ['x.png'], () => 'https://cdn.test/x.png'),
      html,
    );
    assert.match(token, /^cm-image-[0-9a-f]{24}-$/);
  });
});
