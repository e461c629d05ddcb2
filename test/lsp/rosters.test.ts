import { strict as assert } from 'node:assert';
import type { CompletionList } from 'vscode-languageserver-protocol';
import { TEAM_JSON } from '../fixtures/roster/texts';
import { TestClient } from './client';
import { TempWorkspace } from './workspace';

const labels = (list: CompletionList | null) => (list?.items ?? []).map((i) => String(i.label));

describe('language server over stdio: rosters read before the first "@"', () => {
  let workspace: TempWorkspace;
  let client: TestClient;
  const teamUri = () => workspace.uri('team.json');

  before(async () => {
    // No configuration: the folder's team.json is found by its name.
    workspace = new TempWorkspace({ 'team.json': TEAM_JSON, 'minutes/2024-01-02.md': '## 会议内容\n\n- 议题 @kilo-k\n' });
    client = await TestClient.start({ root: workspace.root, initializationOptions: { language: 'en' } });
  });

  after(async () => {
    await client?.stop();
    workspace?.dispose();
  });

  it('reads the roster when the workspace opens, with no document open and nothing asked', async () => {
    // Its problems are published on the roster file: only reading it can have found them.
    const published = await client.waitForDiagnostics(teamUri(), (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      published.diagnostics.map((d) => d.range.start.line),
      [13, 14],
    );
  });

  it('answers a completion sent with the opening of a document as it answers once everything is ready', async () => {
    const uri = workspace.uri('minutes/2024-01-09.md');
    const doc = client.open(uri, '## 会议内容\n\n- 议题 @');
    const at = { textDocument: { uri }, position: doc.positionAt(doc.getText().length) };
    const first: CompletionList = await client.connection.sendRequest('textDocument/completion', at);
    await client.waitForDiagnostics(uri);
    const later: CompletionList = await client.connection.sendRequest('textDocument/completion', at);
    assert.deepEqual(labels(first), labels(later));
    assert.equal(labels(first)[0], 'kilo-k', 'mentioned in the minutes on disk: the usage index was read too');
    assert.ok(labels(first).includes('Wine93'));
    client.close(uri);
  });

  it('reads the roster again when it changes on disk, before any document asks', async () => {
    workspace.write('team.json', JSON.stringify({ maintainers: ['Wine93', 'new-maintainer'] }, null, 2));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: teamUri(), type: 2 }] });
    // The repaired file's warnings are withdrawn: it was read again with no document open.
    await client.waitForDiagnostics(teamUri(), (p) => p.diagnostics.length === 0, 'the warnings withdrawn');
    const uri = workspace.uri('minutes/2024-01-16.md');
    const doc = client.open(uri, '- @new');
    const list: CompletionList = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: doc.positionAt(doc.getText().length),
    });
    assert.deepEqual(labels(list), ['new-maintainer']);
    client.close(uri);
  });
});

describe('language server over stdio: the first "@" with a large roster', () => {
  // 3,000 people: more than a completion builds on the spot, so the first answers come from the file.
  const people = Array.from({ length: 3000 }, (_, i) => ({
    github: `user-${String(i).padStart(4, '0')}`,
    name: i === 2500 ? '熊伟' : `Person ${i}`,
  }));
  const team = JSON.stringify({ maintainers: people.slice(0, 20), reviewers: people.slice(20) }, null, 2);
  let workspace: TempWorkspace;
  let client: TestClient;

  before(async () => {
    workspace = new TempWorkspace({
      'team.json': team,
      '.minutesrc.json': '{ "contributors": { "sources": ["team.json"] } }',
      'minutes/2024-01-02.md': '## 会议内容\n\n- 议题 @user-2999\n',
    });
    client = await TestClient.start({ root: workspace.root, initializationOptions: { language: 'en' } });
  });

  after(async () => {
    await client?.stop();
    workspace?.dispose();
  });

  it('answers at once from the roster file, then, once it is built, as the ranked index answers', async () => {
    const uri = workspace.uri('minutes/2024-01-09.md');
    const doc = client.open(uri, '## 会议内容\n\n- 议题 @');
    const at = { textDocument: { uri }, position: doc.positionAt(doc.getText().length) };
    const first: CompletionList = await client.connection.sendRequest('textDocument/completion', at);
    assert.equal(first.isIncomplete, true, 'asked again at the next keystroke');
    assert.equal(first.items.length, 50);
    const logins = new Set(people.map((p) => p.github));
    for (const label of labels(first)) assert.ok(logins.has(label), label);
    assert.equal(new Set(labels(first)).size, 50, 'each person once');

    await client.waitForDiagnostics(uri);
    // The index ranks people the minutes mention first, then declared people by login.
    const ranked = ['user-2999', ...people.map((p) => p.github).filter((l) => l !== 'user-2999')].slice(0, 50);
    const later = await askUntil(at, (list) => labels(list)[0] === 'user-2999');
    assert.deepEqual(labels(later), ranked);
    client.close(uri);
  });

  it('loses nobody for good: a name found by its pinyin once the index is built', async () => {
    const uri = workspace.uri('minutes/2024-01-16.md');
    const doc = client.open(uri, '- @xiongwei');
    const at = { textDocument: { uri }, position: doc.positionAt(doc.getText().length) };
    const list = await askUntil(at, (l) => l.items.length > 0);
    assert.deepEqual(labels(list), ['user-2500']);
    assert.equal(list.items[0].labelDetails?.detail, ' 熊伟');
    client.close(uri);
  });

  /** Asks again (as an editor does at each keystroke) until the answer is the one expected. */
  async function askUntil(at: object, done: (list: CompletionList) => boolean): Promise<CompletionList> {
    for (let attempt = 0; ; attempt++) {
      const list: CompletionList = await client.connection.sendRequest('textDocument/completion', at);
      if (done(list) || attempt === 200) return list;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});
