import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import type {
  CompletionItem,
  CompletionList,
  Hover,
  Location,
  MarkupContent,
  Range,
  TextDocumentEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TEAM_JSON } from '../fixtures/roster/texts';
import { TestClient } from './client';
import { TempWorkspace } from './workspace';

// A Curve agenda as it is being written: a typo, a name where a login belongs, a login to complete.
const OPEN_MINUTES = `## 时间

2023/05/11 19:00~19:30

## 会议内容

### 一、近期工作

- [元数据缓存](https://github.com/opencurve/curve/pull/2510) @Wine93（review 中）
- [快照](https://github.com/opencurve/curve/pull/2511) @bolt-io @David Lee
- [单测](https://github.com/opencurve/curve/pull/2512) @Wnie93
- [镜像](https://github.com/opencurve/curve/pull/2513) @Wi
`;

// Earlier minutes on disk: the usage index learns who is mentioned, and a rename reaches them.
const EARLIER_MINUTES = `## 会议内容

- [缓存](https://github.com/opencurve/curve/pull/2400) @Wine93 @ilixiaocui
- [工具](https://github.com/opencurve/curve/pull/2401) \`@Wine93 in code\` @guest-dev
`;

const position = (text: string, needle: string, delta = 0) => {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
};

describe('language server over stdio: contributor handles', () => {
  let workspace: TempWorkspace;
  let client: TestClient;
  const openUri = () => workspace.uri('curve/2023/2023-05-11.md');

  before(async () => {
    workspace = new TempWorkspace({
      '.minutesrc.json': '{ "contributors": { "sources": ["rosters/team.json"] } }',
      'rosters/team.json': TEAM_JSON,
      'curve/2023/2023-04-27.md': EARLIER_MINUTES,
      'curve/2023/2023-04-13.md': '## 会议内容\n\n- [快照](https://github.com/opencurve/curve/pull/2390) @Wine93\n',
    });
    client = await TestClient.start({ root: workspace.root, initializationOptions: { language: 'en' } });
    client.open(openUri(), OPEN_MINUTES);
    await client.diagnosticsFor(openUri(), 1);
  });

  after(async () => {
    await client?.stop();
    workspace?.dispose();
  });

  it('announces completion after "@", hovers, rename with prepare, references', () => {
    const caps = client.initializeResult.capabilities;
    assert.ok(caps.completionProvider?.triggerCharacters?.includes('@'));
    assert.equal(caps.completionProvider?.resolveProvider, true);
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.equal(caps.referencesProvider, true);
  });

  it('flags @David Lee as invalid and @Wnie93 as unknown, with a did-you-mean quick fix', async () => {
    const diagnostics = await client.diagnosticsFor(openUri(), 1);
    const invalid = diagnostics.filter((d) => d.code === 'handle/invalid');
    assert.deepEqual(
      invalid.map((d) => d.range),
      [{ start: position(OPEN_MINUTES, '@David'), end: position(OPEN_MINUTES, '@David', 10) }],
    );
    const unknown = diagnostics.filter((d) => d.code === 'handle/unknown' && d.severity === 2);
    assert.equal(unknown.length, 1, JSON.stringify(diagnostics.filter((d) => d.code === 'handle/unknown')));
    assert.match(unknown[0].message, /Did you mean @Wine93\?/);
    assert.equal(unknown[0].severity, 2);
    assert.ok(
      !diagnostics.some((d) => d.code?.toString().startsWith('handle/') && /Wine93"|bolt-io/.test(d.message)),
      'real logins are not flagged',
    );
    const actions = await client.codeActions(openUri(), unknown);
    const fix = actions.find((a) => a.title === 'Replace with @Wine93');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const edits = (fix.edit!.documentChanges![0] as TextDocumentEdit).edits;
    assert.deepEqual(
      edits.map((e) => e.newText),
      ['Wine93'],
    );
  });

  it("publishes the roster file's missing commas as warnings on that file", async () => {
    const published = await client.waitForDiagnostics(workspace.uri('rosters/team.json'), (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      published.diagnostics.map((d) => d.range.start.line),
      [13, 14],
      'after "cygnus7" and "delta-x"',
    );
    assert.match(published.diagnostics[0].message, /comma expected/);
  });

  it('completes "@Wi" with Wine93, its name source and a text edit over what was typed', async () => {
    const at = position(OPEN_MINUTES, '@Wi\n', 3);
    const list: CompletionList = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: openUri() },
      position: at,
      context: { triggerKind: 1 },
    });
    assert.equal(list.isIncomplete, true);
    const first = list.items[0];
    assert.equal(first.label, 'Wine93');
    assert.equal(first.labelDetails?.description, 'team.json');
    assert.deepEqual((first.textEdit as { range: Range }).range, { start: { line: at.line, character: at.character - 2 }, end: at });
    assert.equal(first.documentation, undefined, 'written only for the item the editor shows');
    const resolved: CompletionItem = await client.connection.sendRequest('completionItem/resolve', first);
    assert.match((resolved.documentation as MarkupContent).value, /maintainer, reviewer/);
    assert.equal(resolved.label, 'Wine93');
  });

  it('completes right after the "@" trigger, most mentioned people first, undeclared people included', async () => {
    const uri = workspace.uri('curve/2023/2023-05-25.md');
    const doc = client.open(uri, '## 会议内容\n\n- 议题 @');
    const list: CompletionList = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: doc.positionAt(doc.getText().length),
      context: { triggerKind: 2, triggerCharacter: '@' },
    });
    const labels = list.items.map((i: CompletionItem) => i.label);
    assert.equal(labels[0], 'Wine93', 'mentioned in the earlier minutes');
    assert.ok(labels.includes('guest-dev'), 'people the minutes mention are offered too');
    assert.equal(list.items.find((i) => i.label === 'guest-dev')?.labelDetails?.description, '1 minutes file');
    assert.ok(!labels.includes('Wnie93'), 'an unsaved typo is not learned');
    client.close(uri);
  });

  it('offers nothing after "@" in code or an e-mail address', async () => {
    const uri = workspace.uri('curve/2023/2023-06-08.md');
    const doc = client.open(uri, '## 会议内容\n\n- `npm i @Wi\n- mail dev@Wi');
    assert.equal(doc.lineCount, 4);
    for (const line of [2, 3]) {
      const result: CompletionList | null = await client.connection.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line, character: doc.getText().split('\n')[line].length },
      });
      assert.ok(!result || result.items.length === 0, `line ${line}: ${JSON.stringify(result)}`);
    }
    client.close(uri);
  });

  it('completes attendees in a "## Present" list, leaving out those already listed', async () => {
    const uri = workspace.uri('tsc/2024-01-10.md');
    client.open(uri, '# Meeting 2024-01-10\n\n## Present\n\n* Li Xiaocui @ilixiaocui\n* Wi\n\n## Agenda\n\n* plans\n');
    const list: CompletionList = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 5, character: 4 },
      context: { triggerKind: 1 },
    });
    assert.ok(list, 'attendee completion');
    assert.equal(list.items[0].label, '@Wine93');
    assert.equal((list.items[0].textEdit as { newText: string }).newText, '@Wine93');
    const all: CompletionList = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 5, character: 2 },
      context: { triggerKind: 1 },
    });
    assert.ok(all.items.length > 3);
    assert.ok(!all.items.some((i) => /ilixiaocui/.test(String(i.label))), 'already present');
    client.close(uri);
  });

  it('completes attendees in an openEuler "与会人：" field after a separator, inserting names or logins', async () => {
    const uri = workspace.uri('openeuler/2023/20230524_minutes.txt');
    const text =
      'Data 日期：2023-5-24\nHost 会议主持人：张三\nParticipants 与会人：张三、\n\n议题\n1、构建工具升级 -- 张三\n结论：同意。\n';
    client.open(uri, text, 'plaintext');
    const list: CompletionList = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: position(text, '张三、\n', 3),
      context: { triggerKind: 2, triggerCharacter: '、' },
    });
    assert.ok(list && list.items.length > 0, 'attendee items');
    assert.equal((list.items[0].textEdit as { newText: string }).newText, '@Wine93', 'no name known: the login');
    const none = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: position(text, '同意。'),
      context: { triggerKind: 1 },
    });
    assert.equal(none, null, 'not outside the attendee list');
    client.close(uri);
  });

  it('hovers a mention with roles, the roster file and how many minutes mention them', async () => {
    const result: Hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: openUri() },
      position: position(OPEN_MINUTES, '@Wine93', 3),
    });
    const value = (result.contents as MarkupContent).value;
    assert.match(value, /\*\*@Wine93\*\*/);
    assert.match(value, /Roles: maintainer, reviewer/);
    assert.match(value, /Listed in: `team\.json` \(lines 8, 21\)/);
    assert.match(value, /Mentioned in minutes files: 2 \(2 times\), last on 2023-04-27/);
    assert.deepEqual(result.range, { start: position(OPEN_MINUTES, '@Wine93'), end: position(OPEN_MINUTES, '@Wine93', 7) });
    const none = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: openUri() },
      position: { line: 0, character: 1 },
    });
    assert.equal(none, null);
  });

  it('finds the references of a login: open minutes, minutes on disk, and the roster lines', async () => {
    const locations: Location[] = await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri: openUri() },
      position: position(OPEN_MINUTES, '@Wine93', 2),
      context: { includeDeclaration: true },
    });
    const byUri = (uri: string) => locations.filter((l) => l.uri === uri).map((l) => l.range.start.line);
    assert.deepEqual(byUri(openUri()), [8]);
    assert.deepEqual(byUri(workspace.uri('curve/2023/2023-04-27.md')), [2], 'not the one in code');
    assert.deepEqual(byUri(workspace.uri('curve/2023/2023-04-13.md')), [2]);
    assert.deepEqual(byUri(workspace.uri('rosters/team.json')), [7, 20]);
  });

  it("renames a login across the workspace's minutes and refuses an impossible login", async () => {
    const prepared = await client.connection.sendRequest('textDocument/prepareRename', {
      textDocument: { uri: openUri() },
      position: position(OPEN_MINUTES, '@Wine93', 4),
    });
    assert.deepEqual(prepared, {
      range: { start: position(OPEN_MINUTES, 'Wine93（'), end: position(OPEN_MINUTES, 'Wine93（', 6) },
      placeholder: 'Wine93',
    });
    assert.equal(
      await client.connection.sendRequest('textDocument/prepareRename', {
        textDocument: { uri: openUri() },
        position: position(OPEN_MINUTES, '@David', 3),
      }),
      null,
    );

    const edit: WorkspaceEdit = await client.connection.sendRequest('textDocument/rename', {
      textDocument: { uri: openUri() },
      position: position(OPEN_MINUTES, '@Wine93', 2),
      newName: 'wine-2024',
    });
    const changes = (edit.documentChanges ?? []) as TextDocumentEdit[];
    const earlier = changes.find((c) => c.textDocument.uri === workspace.uri('curve/2023/2023-04-27.md'));
    const open = changes.find((c) => c.textDocument.uri === openUri());
    assert.ok(open && earlier, JSON.stringify(edit));
    assert.equal(open.textDocument.version, 1);
    assert.equal(earlier.textDocument.version, null);
    assert.deepEqual(
      earlier.edits.map((e) => [e.range.start, e.newText]),
      [[position(EARLIER_MINUTES, 'Wine93 @ili'), 'wine-2024']],
    );
    assert.equal(changes.length, 3, 'the open minutes and both earlier ones');
    assert.equal(readFileSync(workspace.path('curve/2023/2023-04-27.md'), 'utf8'), EARLIER_MINUTES, 'the server only proposes the edit');

    await assert.rejects(
      client.connection.sendRequest('textDocument/rename', {
        textDocument: { uri: openUri() },
        position: position(OPEN_MINUTES, '@Wine93', 2),
        newName: 'David Lee',
      }),
      /"David Lee" cannot be a login/,
    );
  });

  it('learns the mentions of minutes saved to disk from the file watcher', async () => {
    workspace.write('curve/2023/2023-06-22.md', '## 会议内容\n\n- 新议题 @zed-newcomer\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.uri('curve/2023/2023-06-22.md'), type: 1 }] });
    const uri = workspace.uri('curve/2023/2023-07-06.md');
    const doc = client.open(uri, '- @zed');
    let labels: string[] = [];
    await client.until(() => {
      void client.connection
        .sendRequest('textDocument/completion', { textDocument: { uri }, position: doc.positionAt(6) })
        .then((list) => (labels = ((list as CompletionList | null)?.items ?? []).map((i) => String(i.label))));
      return labels.includes('zed-newcomer');
    }, 'the new login in completions');
    client.close(uri);
  });
});
