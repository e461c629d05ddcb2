import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { describeDiagnostic, open, SOURCE, waitForDiagnostics } from './helpers';

describe('.minutesrc.json', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a bad severity is flagged by the contributed JSON schema and by the language server', async () => {
    const editor = await open('config-bad/.minutesrc.json');
    const uri = editor.document.uri;
    const value = new vscode.Range(2, 29, 2, 35); // "loud"
    assert.equal(editor.document.getText(value), '"loud"');
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some((d) => d.source !== SOURCE) && ds.some((d) => d.source === SOURCE), {
      source: null,
      timeoutMs: 45_000,
      what: 'schema and server diagnostics',
    });
    // VS Code's JSON language features validate with schemas/minutesrc.schema.json (jsonValidation).
    const schema = diagnostics.filter((d) => d.source !== SOURCE);
    assert.equal(schema.length, 1, JSON.stringify(schema.map((d) => [describeDiagnostic(d), d.message])));
    assert.ok(schema[0].range.isEqual(value), describeDiagnostic(schema[0]));
    assert.match(schema[0].message, /"off".*"error"/);
    // The server explains that it falls back to the defaults.
    const server = diagnostics.filter((d) => d.source === SOURCE);
    assert.equal(server.length, 1);
    assert.match(server[0].message, /severity must be one of/);
    assert.equal(server[0].range.start.line, 2);
  });

  it('the schema offers the rule ids as property completions', async () => {
    const editor = await open('config-bad/.minutesrc.json');
    const position = new vscode.Position(2, 5); // inside the key "link/duplicate-target"
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      position,
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const rule of ['template/missing-section', 'link/split', 'encoding/invisible', 'attendee/duplicate']) {
      assert.ok(
        labels.some((l) => l.includes(rule)),
        `${rule} not among ${JSON.stringify(labels.slice(0, 40))}`,
      );
    }
  });
});
