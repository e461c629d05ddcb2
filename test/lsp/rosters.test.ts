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
