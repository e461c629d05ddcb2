import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { codeOf, waitForDiagnostics } from './helpers';

async function snippetItems(document: vscode.TextDocument, typed: string): Promise<vscode.CompletionItem[]> {
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((b) => b.insert(new vscode.Position(0, 0), typed));
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    new vscode.Position(0, typed.length),
  );
  return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
}

const labels = (items: vscode.CompletionItem[]) => items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));

describe('snippets', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Markdown offers a skeleton per built-in template', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const found = labels(await snippetItems(document, 'minutes'));
    for (const prefix of ['minutes-curve', 'minutes-openeuler', 'minutes-lctt', 'minutes-osh', 'minutes-generic', 'minutes-action']) {
      assert.ok(found.includes(prefix), `${prefix} not in ${JSON.stringify(found)}`);
    }
  });

  it('plain text offers only the openEuler TC skeletons (its minutes are .txt files)', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    const found = labels(await snippetItems(document, 'minutes'));
    assert.ok(found.includes('minutes-openeuler'), JSON.stringify(found));
    assert.ok(!found.includes('minutes-curve'), JSON.stringify(found));
  });

  it('the Curve skeleton, once inserted, is detected as Curve minutes and lacks no section', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const [curve] = (await snippetItems(document, 'minutes-curve')).filter((i) => labels([i])[0] === 'minutes-curve');
    assert.ok(curve?.insertText instanceof vscode.SnippetString, 'a snippet body');
    const editor = vscode.window.activeTextEditor!;
    await editor.insertSnippet(curve.insertText, new vscode.Range(0, 0, 0, 'minutes-curve'.length));
    assert.match(document.getText(), /^## 时间\n/);
    // Linted as minutes (a wrong skeleton would at least miss a section): typing a defect proves it is checked.
    await vscode.commands.executeCommand('leaveSnippet');
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\u200b'));
    const found = await waitForDiagnostics(document.uri, (ds) => ds.some((d) => codeOf(d) === 'encoding/invisible'), {
      what: 'encoding/invisible',
    });
    // An untitled buffer is called "Untitled-1", which template/filename also reports (a
    // judgement left to that rule); nothing else may be wrong with a fresh skeleton.
    assert.deepEqual(
      found.map(codeOf).filter((c) => c !== 'template/filename'),
      ['encoding/invisible'],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
