import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { extension, open, ours, waitForDiagnostics } from './helpers';

describe('activation', () => {
  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('activates when a Markdown minutes file is opened and its server publishes diagnostics', async () => {
    const editor = await open('curve/2023/2023-05-18.md');
    assert.equal(editor.document.languageId, 'markdown');
    // The first diagnostics prove the whole chain: activation, server start over IPC, document sync.
    await waitForDiagnostics(editor.document.uri, (ds) => ds.length > 0, { timeoutMs: 45_000, what: 'the first diagnostics' });
    assert.equal(extension().isActive, true);
    assert.ok(ours(editor.document.uri).length > 0);
  });

  it('registers every command its manifest contributes', async () => {
    const contributed = (extension().packageJSON as { contributes: { commands: Array<{ command: string }> } }).contributes.commands.map(
      (c) => c.command,
    );
    assert.ok(contributed.includes('communityMinutes.restartServer'), JSON.stringify(contributed));
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], 'contributed in package.json but not registered by activate()');
  });

  it('opens .txt minutes as plain text and .minutesrc.json as JSON with comments', async () => {
    const txt = await open('openeuler-tc/2023/20230412_minutes.txt');
    assert.equal(txt.document.languageId, 'plaintext');
    const config = await open('configured/.minutesrc.json');
    assert.equal(config.document.languageId, 'jsonc');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
