import { strict as assert } from 'node:assert';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient } from './client';
import { TempWorkspace } from './workspace';

// The reliability issue's inputs (the marker and setext runs cut to what still crosses the
// limits), each open in its own tab while another is being written.
const PATHOLOGICAL: Record<string, string> = {
  'markers.md': `# Minutes 2024-05-02\n\n${'*a'.repeat(5000)}\n`,
  'quotes.md': `# Minutes 2024-05-02\n\n${'> '.repeat(4600)}\n`,
  'lists.md': `# Minutes 2024-05-02\n\n${'- '.repeat(2300)}\n`,
  'spaces.md': `# Minutes 2024-05-02\n\n${' '.repeat(16 * 1024)}x\n`,
  'setext.md': 'a\n=\n'.repeat(1000),
};

describe('language server over stdio: pathological documents open in other tabs', function () {
  // Five documents checked side by side: generous on a busy machine; the answers are what is tested.
  this.timeout(120_000);
  let workspace: TempWorkspace;
  let client: TestClient;

  before(async () => {
    workspace = new TempWorkspace({
      '.minutesrc.json': '{ "files": ["minutes/**"], "template": "generic", "contributors": { "handles": ["Wine93", "bolt-io"] } }',
    });
    client = await TestClient.start({ root: workspace.root, initializationOptions: { language: 'en' } });
  });

  after(async () => {
    await client?.stop();
    workspace?.dispose();
  });

  it('checks each of them, says where it read markup as plain text, and crashes on none', async () => {
    for (const [name, text] of Object.entries(PATHOLOGICAL)) client.open(workspace.uri(`minutes/${name}`), text);
    for (const name of Object.keys(PATHOLOGICAL)) {
      const published = await client.waitForDiagnostics(workspace.uri(`minutes/${name}`));
      assert.ok(
        !published.diagnostics.some((d) => /internal error/.test(d.message)),
        `${name}: ${JSON.stringify(published.diagnostics.slice(0, 2))}`,
      );
      if (name !== 'spaces.md')
        assert.ok(
          published.diagnostics.some((d) => d.code === 'style/markup-limit'),
          `${name} says it read markup as plain text: ${JSON.stringify(published.diagnostics.map((d) => [d.code, d.message.slice(0, 120)]))}`,
        );
    }
  });

  it('keeps answering completion and hover in the tab being written', async () => {
    // The pathological documents change (new versions to check) right before the requests.
    for (const [name, text] of Object.entries(PATHOLOGICAL)) client.change(workspace.uri(`minutes/${name}`), [{ text: `${text} ` }]);
    const uri = workspace.uri('minutes/2024-05-09.md');
    const doc = client.open(uri, '# Minutes 2024-05-09\n\n## Attendees\n\n@Wine93 @Wi');
    const end = doc.positionAt(doc.getText().length);
    const list: CompletionList = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: end,
      context: { triggerKind: 1 },
    });
    assert.equal(list.items[0]?.label, 'Wine93');
    const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 4, character: 2 },
    });
    assert.match((hover?.contents as MarkupContent).value, /Wine93/);
  });
});
