import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { fixture, open, revertAndClose, waitForCodes } from './helpers';

const HANDLES = 'handles/2023-10-12.md';
/** Every fixture that credits @example-dev. */
const CREDITS_EXAMPLE_DEV = [
  'configured/2023-09-07.md',
  'curve/2023/2023-05-18.md',
  'curve/2023/2023-06-01.md',
  'curve/2023/2023-07-13.md',
  'curve/2023/2023-07-27.md',
  'curve/2023/2023-08-10.md',
];

/** Mentions of `handle` (followed by no other login character) in those files, read from disk. */
async function countMentions(handle: string): Promise<number> {
  let count = 0;
  for (const file of CREDITS_EXAMPLE_DEV) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(file)));
    count += text
      .split(handle)
      .slice(1)
      .filter((rest) => !/^[\w-]/.test(rest)).length;
  }
  return count;
}
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

async function completeAt(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger);
  return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference).map(labelOf);
}

describe('@handles: completion, hover, references', function () {
  afterEach(async () => {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.isDirty) await revertAndClose(editor);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('typing "@" offers the roster of .minutesrc.json and the logins other minutes use', async () => {
    const editor = await open(HANDLES);
    await waitForCodes(editor.document.uri, ['handle/unknown', 'handle/invalid']);
    const end = editor.document.lineAt(22).range.end; // "- 欢迎 @ilixiaocui 加入维护者"
    await editor.edit((b) => b.insert(end, '，感谢 @'));
    const labels = await completeAt(editor.document.uri, end.translate(0, 5), '@');
    for (const login of ['Wine93', 'ilixiaocui', 'example-dev', 'another-dev'])
      assert.ok(labels.includes(login), `${login} not in ${JSON.stringify(labels)}`);
    // Logins that only the minutes of the workspace mention (the generic TSC file).
    assert.ok(labels.includes('grace'), `grace not in ${JSON.stringify(labels)}`);
  });

  it('what is typed after "@" narrows the list', async () => {
    const editor = await open(HANDLES);
    const end = editor.document.lineAt(22).range.end;
    await editor.edit((b) => b.insert(end, ' @Wi'));
    const labels = await completeAt(editor.document.uri, end.translate(0, 4));
    assert.equal(labels[0], 'Wine93', JSON.stringify(labels));
  });

  it('hovering a login shows who it is and where the roster lists it', async () => {
    const editor = await open(HANDLES);
    const line = editor.document.lineAt(22).text;
    const at = new vscode.Position(22, line.indexOf('@ilixiaocui') + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*@ilixiaocui\*\*/);
    assert.match(text, /\.minutesrc\.json/);
  });

  it('references of a login find it in every minutes file of the workspace', async () => {
    const editor = await open('curve/2023/2023-06-01.md');
    const at = editor.document.positionAt(editor.document.getText().indexOf('@example-dev') + 2);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, at);
    const files = [...new Set(locations.map((l) => vscode.workspace.asRelativePath(l.uri)))].sort();
    // Every fixture that credits @example-dev, open or not.
    assert.deepEqual(files, CREDITS_EXAMPLE_DEV);
  });

  it("renaming a login edits every mention of it in the workspace's minutes, open or not", async () => {
    const editor = await open('curve/2023/2023-06-01.md');
    const uri = editor.document.uri;
    const at = editor.document.positionAt(editor.document.getText().indexOf('@example-dev') + 3);
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', uri, at);
    assert.equal(prepared.placeholder, 'example-dev', 'the login, without "@", is what gets renamed');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      uri,
      at,
      'example-maintainer',
    );
    const entries = edit.entries();
    assert.deepEqual(entries.map(([u]) => vscode.workspace.asRelativePath(u)).sort(), CREDITS_EXAMPLE_DEV);
    // Every edit replaces exactly the login (not the "@", not a longer login) with the new one.
    for (const [file, edits] of entries) {
      const document = await vscode.workspace.openTextDocument(file);
      for (const e of edits) {
        assert.equal(document.getText(e.range), 'example-dev', `${vscode.workspace.asRelativePath(file)} ${JSON.stringify(e.range)}`);
        assert.equal(document.getText(new vscode.Range(e.range.start.translate(0, -1), e.range.start)), '@');
        assert.equal(e.newText, 'example-maintainer');
      }
    }
    assert.equal(
      entries.reduce((n, [, edits]) => n + edits.length, 0),
      await countMentions('@example-dev'),
      'one edit per mention',
    );
  });

  it('a rename to something that is not a login is refused with the reason', async () => {
    const editor = await open('curve/2023/2023-06-01.md');
    const at = editor.document.positionAt(editor.document.getText().indexOf('@example-dev') + 3);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', editor.document.uri, at, 'not a login!')),
      /not a login!/,
    );
  });
});
