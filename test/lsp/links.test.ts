import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import type { DocumentLink, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import type { ForgeTarget, LinkStatus } from '../../server/src/core/links/types';
import { LINK_STATUS_METHOD, LINK_STATUS_RESET_METHOD, type LinkStatusParams, type LinkStatusResult } from '../../server/src/protocol';
import { FakeForgeApi, githubIssue, githubPull } from '../fixtures/links/fake-api';
import { TestClient } from './client';
import { TempWorkspace } from './workspace';

const MINUTES = `## 时间

2024/03/14 19:00~20:00

## 会议内容

### 一、近期工作

- [本地快照](https://github.com/opencurve/curve/pull/2409) @alice
- [快照清理修复](https://github.com/opencurve/curve/pull/2300) @bob
- [热升级](https://github.com/opencurve/curve/pull/24090) @carol
- 跟进 #2300 与 opencurve/curve#2409
`;

const position = (text: string, needle: string, delta = 0) => {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
};

/** What the test "client" (standing in for the VS Code extension) answers for an item. */
function answer(target: ForgeTarget): LinkStatus {
  switch (target.id) {
    case '2409':
      return {
        state: 'found',
        kind: 'pull',
        status: 'merged',
        title: 'Local snapshot',
        author: 'alice',
        checkedAt: Date.UTC(2024, 2, 14, 9),
      };
    case '2300':
      return { state: 'found', kind: 'issue', status: 'open', title: 'Snapshot files are left behind', author: 'bob' };
    case '24090':
      return { state: 'not-found' };
    default:
      return { state: 'unverified', reason: 'network' };
  }
}

async function start(workspace: TempWorkspace, initializationOptions: Record<string, unknown>, delayMs = 0) {
  const client = await TestClient.start({ root: workspace.root, initializationOptions });
  const asked: LinkStatusParams[] = [];
  client.connection.onRequest(LINK_STATUS_METHOD, async (params: LinkStatusParams): Promise<LinkStatusResult> => {
    asked.push(params);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return { statuses: params.lookups.map((l) => answer(l.target)) };
  });
  return { client, asked };
}

const hoverText = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';

describe('language server over stdio: PR/issue links', () => {
  let workspace: TempWorkspace;
  const uri = () => workspace.uri('curve/2024/2024-03-14.md');

  beforeEach(() => {
    workspace = new TempWorkspace({ '.minutesrc.json': '{}' });
  });
  afterEach(() => workspace.dispose());

  describe('with online checks on (setting) and a trusted workspace', () => {
    let client: TestClient;
    let asked: LinkStatusParams[];
    beforeEach(async () => {
      ({ client, asked } = await start(workspace, { linkLookups: 'client', settings: { language: 'en', links: { online: true } } }));
      client.open(uri(), MINUTES);
    });
    afterEach(async () => client.stop());

    it('asks the client, once per item, and reports what it answers', async () => {
      const published = await client.waitForDiagnostics(uri(), (p) => p.diagnostics.some((d) => d.code === 'link/not-found'));
      const online = published.diagnostics.filter((d) => d.code === 'link/not-found' || d.code === 'link/kind-mismatch');
      assert.deepEqual(
        online.map((d) => [d.code, d.range.start.line + 1]),
        [
          ['link/kind-mismatch', 10],
          ['link/not-found', 11],
        ],
      );
      assert.match(online[1].message, /opencurve\/curve#24090 does not exist on github\.com/);
      const items = asked.flatMap((p) => p.lookups.map((l) => `${l.target.owner}/${l.target.repo}#${l.target.id}@${l.api}`));
      assert.deepEqual(
        [...items].sort(),
        [
          'opencurve/curve#2300@https://api.github.com',
          'opencurve/curve#2409@https://api.github.com',
          'opencurve/curve#24090@https://api.github.com',
        ].sort(),
      );
    });

    it('hovers a PR link and a shorthand with the title, state and author', async () => {
      await client.waitForDiagnostics(uri(), (p) => p.diagnostics.some((d) => d.code === 'link/not-found'));
      const onLink = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri: uri() },
        position: position(MINUTES, '本地快照'),
      });
      const text = hoverText(onLink);
      assert.match(text, /\*\*opencurve\/curve\\#2409\*\* · pull request · merged/);
      assert.match(text, /Local snapshot/);
      assert.match(text, /Author: @alice/);
      assert.deepEqual(onLink?.range?.start, position(MINUTES, '[本地快照]'));
      const onShorthand = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri: uri() },
        position: position(MINUTES, 'opencurve/curve#2409', 3),
      });
      assert.match(hoverText(onShorthand), /pull request · merged/);
      const onIssue = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri: uri() },
        position: position(MINUTES, '快照清理修复'),
      });
      assert.match(hoverText(onIssue), /issue · open[\s\S]*Snapshot files are left behind/);
    });

    it('makes #N and owner/repo#N shorthands document links', async () => {
      assert.deepEqual(client.initializeResult.capabilities.documentLinkProvider, { resolveProvider: false });
      const links = await client.connection.sendRequest<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: uri() } });
      assert.deepEqual(
        links.map((l) => [l.range.start, l.range.end, l.target]),
        [
          [position(MINUTES, '#2300 与'), position(MINUTES, '#2300 与', 5), 'https://github.com/opencurve/curve/issues/2300'],
          [
            position(MINUTES, 'opencurve/curve#2409'),
            position(MINUTES, 'opencurve/curve#2409', 20),
            'https://github.com/opencurve/curve/issues/2409',
          ],
        ],
      );
    });
  });

  it('does not hold diagnostics back for a slow answer: they come first, the online ones when it arrives', async () => {
    const { client, asked } = await start(
      workspace,
      { linkLookups: 'client', settings: { language: 'en', links: { online: true } } },
      1800,
    );
    try {
      client.open(uri(), MINUTES);
      const first = await client.diagnosticsFor(uri(), 1);
      assert.ok(
        first.some((d) => d.code === 'template/missing-section'),
        'the offline findings are published',
      );
      assert.ok(!first.some((d) => d.code === 'link/not-found'), 'nothing is said while the answer is pending');
      const later = await client.waitForDiagnostics(uri(), (p) => p.diagnostics.some((d) => d.code === 'link/not-found'));
      assert.equal(later.version, 1);
      // A sign-in in the client: the server forgets its answers and asks again.
      const before = asked.length;
      client.notify(LINK_STATUS_RESET_METHOD, undefined);
      await client.until(() => asked.length > before, 'a new look-up after the reset');
    } finally {
      await client.stop();
    }
  });

  it('a configuration that wishes for online checks gets a note on its lines, and the server asks nothing', async () => {
    const api = await FakeForgeApi.start({});
    const config = `{\n  "links": {\n    "online": true,\n    "api": { "github.com": "${api.url}" }\n  }\n}\n`;
    workspace.write('.minutesrc.json', config);
    const client = await TestClient.start({
      root: workspace.root,
      initializationOptions: { language: 'en', linkCache: workspace.path('cache/links.json') },
    });
    try {
      client.open(uri(), MINUTES);
      client.open(workspace.uri('.minutesrc.json'), config, 'jsonc');
      const notes = (await client.waitForDiagnostics(workspace.uri('.minutesrc.json'), (p) => p.diagnostics.length === 2)).diagnostics;
      assert.deepEqual(
        notes.map((d) => [d.severity, d.range.start.line]),
        [
          [3, 2],
          [3, 3],
        ],
        'information, on the "online" and the "github.com" lines',
      );
      assert.match(notes[0].message, /"links\.online" is a wish of the repository, not a switch/);
      assert.match(
        notes[1].message,
        new RegExp(`"links\\.api": github\\.com → ${api.url.replace(/\./g, '\\.')} is not asked until you confirm it`),
      );
      const diagnostics = await client.diagnosticsFor(uri(), 1);
      assert.ok(!diagnostics.some((d) => d.code === 'link/not-found' || d.code === 'link/kind-mismatch'));
      await new Promise((resolve) => setTimeout(resolve, 2000)); // longer than a lint waits for answers
      assert.deepEqual(api.requests, [], 'the local API heard nothing');
    } finally {
      await client.stop();
      await api.close();
    }
  });

  it('for an editor that does not answer minutes/linkStatus, looks links up itself (user settings links.online, links.api)', async () => {
    const api = await FakeForgeApi.start({
      '/repos/opencurve/curve/issues/2409': { status: 200, json: githubPull(2409, 'Local snapshot', 'alice') },
      '/repos/opencurve/curve/issues/2300': { status: 200, json: githubIssue(2300, 'Snapshot files are left behind', 'bob') },
    });
    // The only forge the minutes link to is answered by the local server, which the user confirmed.
    const cache = workspace.path('cache/links.json');
    const settings = { language: 'en', links: { online: true, api: { 'github.com': api.url } } };
    const client = await TestClient.start({ root: workspace.root, initializationOptions: { settings, linkCache: cache } });
    try {
      client.open(uri(), MINUTES);
      const published = await client.waitForDiagnostics(uri(), (p) => p.diagnostics.some((d) => d.code === 'link/not-found'));
      assert.deepEqual(
        published.diagnostics
          .filter((d) => d.code === 'link/not-found' || d.code === 'link/kind-mismatch')
          .map((d) => [d.code, d.range.start.line + 1]),
        [
          ['link/kind-mismatch', 10],
          ['link/not-found', 11],
        ],
      );
      assert.deepEqual(api.paths.sort(), [
        '/repos/opencurve/curve/issues/2300',
        '/repos/opencurve/curve/issues/2409',
        '/repos/opencurve/curve/issues/24090',
      ]);
      assert.ok(existsSync(cache));
      assert.equal(Object.keys(JSON.parse(readFileSync(cache, 'utf8')).entries).length, 3);
    } finally {
      await client.stop();
      await api.close();
    }
  });

  it('in an untrusted workspace asks nothing and reports nothing online; the hover tells what the link is', async () => {
    const { client, asked } = await start(workspace, {
      linkLookups: 'client',
      trusted: false,
      settings: { language: 'en', links: { online: true } },
    });
    try {
      client.open(uri(), MINUTES);
      const diagnostics = await client.diagnosticsFor(uri(), 1);
      assert.ok(!diagnostics.some((d) => d.code === 'link/not-found' || d.code === 'link/kind-mismatch'));
      const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri: uri() },
        position: position(MINUTES, '热升级'),
      });
      assert.match(hoverText(hover), /Forge: GitHub \(github\.com\) · Repository: opencurve\/curve · pull request: 24090/);
      assert.match(hoverText(hover), /this workspace is not trusted/, 'the hover says why nothing was checked');
      assert.equal(asked.length, 0, 'no look-up in an untrusted workspace');
    } finally {
      await client.stop();
    }
  });

  it('with online checks off, the hover shows what the link parses to, in Chinese too', async () => {
    const { client, asked } = await start(workspace, { linkLookups: 'client', settings: { language: 'zh' } });
    try {
      client.open(uri(), MINUTES);
      await client.diagnosticsFor(uri(), 1);
      const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri: uri() },
        position: position(MINUTES, '快照清理修复'),
      });
      const text = hoverText(hover);
      assert.match(text, /平台：GitHub（github\.com）· 仓库：opencurve\/curve · PR：2300/);
      assert.match(text, /未联网查询/);
      assert.equal(asked.length, 0);
    } finally {
      await client.stop();
    }
  });
});
