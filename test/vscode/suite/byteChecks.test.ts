import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { codeActionsWhen, codeOf, eventually, waitForDiagnostics, workspaceRoot } from './helpers';

// The client's byte-level checks (client/src/encoding): files are written byte by byte into a
// folder of the workspace copy, because what matters is what VS Code makes of those bytes.

const FOLDER = 'bytes-check';
const BYTE_RULES = new Set(['encoding/not-utf8', 'encoding/bom']);
const MINUTES = '# 技术委员会例会\n\n会议时间：2024年5月1日 10:00\n与会人：成员甲、成员乙\n';
/** MINUTES in GBK, as another tool would have saved it. */
const MINUTES_GBK = Buffer.from(
  '23 20 bc bc ca f5 ce af d4 b1 bb e1 c0 fd bb e1 0a 0a bb e1 d2 e9 ca b1 bc e4 a3 ba 32 30 32 34 c4 ea 35 d4 c2 31 c8 d5 20 31 30 3a 30 30 0a d3 eb bb e1 c8 cb a3 ba b3 c9 d4 b1 bc d7 a1 a2 b3 c9 d4 b1 d2 d2 0a'.replace(
    / /g,
    '',
  ),
  'hex',
);

const file = (name: string) => vscode.Uri.joinPath(workspaceRoot(), FOLDER, name);
const byteDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => BYTE_RULES.has(codeOf(d)));
const encodingOf = (document: vscode.TextDocument) => (document as { encoding?: string }).encoding;
const openDocument = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());

async function write(name: string, bytes: Uint8Array): Promise<vscode.Uri> {
  const uri = file(name);
  await vscode.workspace.fs.writeFile(uri, bytes);
  return uri;
}

async function show(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

async function runAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.command, `"${action.title}" has no command`);
  await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('byte-level checks (not UTF-8, byte order mark)', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    await vscode.workspace.fs
      .delete(vscode.Uri.joinPath(workspaceRoot(), FOLDER), { recursive: true, useTrash: false })
      .then(undefined, () => undefined);
  });

  it('a GBK file read as UTF-8 is reported before it is saved, and can be reopened and converted', async () => {
    const uri = await write('gbk.md', MINUTES_GBK);
    const document = await show(uri);
    const [warning] = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'encoding/not-utf8'), {
      what: 'encoding/not-utf8',
    });
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(warning.range.start.line, 0);
    assert.match(warning.message, /looks like GBK\/GB18030 Chinese, but VS Code read it as UTF-8/);

    if (encodingOf(document) === undefined) {
      // Before VS Code 1.100 the only way out is the editor's own encoding picker.
      const actions = await codeActionsWhen(uri, warning.range, 'quickfix', (as) => as.some((a) => a.title === 'Reopen with Encoding…'));
      assert.ok(!actions.some((a) => /GB18030/.test(a.title)));
      return;
    }
    const [reopen] = (await codeActionsWhen(uri, warning.range, 'quickfix', (as) => as.some((a) => a.isPreferred))).filter(
      (a) => a.isPreferred,
    );
    assert.equal(reopen.title, 'Reopen with the GB18030 encoding');
    await runAction(reopen);
    const reopened = await eventually(
      () => openDocument(uri),
      (d) => d?.getText() === MINUTES,
      'the file read as GB18030',
    );
    assert.equal(encodingOf(reopened!), 'gb18030');
    assert.equal(reopened!.isDirty, false);

    // Read right, but still not UTF-8 on disk: the warning becomes a request to convert it.
    const [legacy] = await waitForDiagnostics(uri, (ds) => ds.some((d) => /encoded in GB18030, not UTF-8/.test(d.message)), {
      what: 'the conversion request',
    });
    const [convert] = (await codeActionsWhen(uri, legacy.range, 'quickfix', (as) => as.some((a) => a.isPreferred))).filter(
      (a) => a.isPreferred,
    );
    assert.equal(convert.title, 'Convert the file to UTF-8');
    await runAction(convert);
    await eventually(
      () => byteDiagnostics(uri),
      (ds) => ds.length === 0,
      'no byte-level problem left',
    );
    assert.equal(new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri)), MINUTES);
    assert.equal(encodingOf(openDocument(uri)!), 'utf8');
    assert.equal(openDocument(uri)!.getText(), MINUTES);
  });

  it('a byte order mark is reported under the default "forbid" and the fix removes it for good', async () => {
    const uri = await write('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MINUTES)]));
    const document = await show(uri);
    assert.ok(!document.getText().startsWith('\ufeff'), 'VS Code keeps the BOM out of the text');
    const [bom] = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'encoding/bom'), { what: 'encoding/bom' });
    const [remove] = (await codeActionsWhen(uri, bom.range, 'quickfix', (as) => as.some((a) => a.isPreferred))).filter(
      (a) => a.isPreferred,
    );
    assert.equal(remove.title, 'Remove the byte order mark (BOM)');
    await runAction(remove);
    await eventually(
      () => byteDiagnostics(uri),
      (ds) => ds.length === 0,
      'the BOM diagnostic to go',
    );
    assert.deepEqual([...(await vscode.workspace.fs.readFile(uri)).subarray(0, 2)], [0x23, 0x20]);

    // The next save must not put it back.
    const editor = await vscode.window.showTextDocument(openDocument(uri)!);
    await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount - 1, 0), '结论：通过\n'));
    assert.ok(await editor.document.save());
    assert.deepEqual([...(await vscode.workspace.fs.readFile(uri)).subarray(0, 2)], [0x23, 0x20]);
  });

  it('under "require", a file without a byte order mark gets one from the fix', async () => {
    const uri = await write('plain.md', Buffer.from(MINUTES));
    await show(uri);
    const config = vscode.workspace.getConfiguration('communityMinutes');
    await config.update('encoding.bom', 'require', vscode.ConfigurationTarget.Workspace);
    try {
      const [missing] = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'encoding/bom'), { what: 'the missing BOM' });
      assert.match(missing.message, /does not start with a UTF-8 byte order mark/);
      const [add] = (await codeActionsWhen(uri, missing.range, 'quickfix', (as) => as.some((a) => a.isPreferred))).filter(
        (a) => a.isPreferred,
      );
      await runAction(add);
      await eventually(
        () => byteDiagnostics(uri),
        (ds) => ds.length === 0,
        'the BOM to be added',
      );
      assert.deepEqual([...(await vscode.workspace.fs.readFile(uri)).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    } finally {
      await config.update('encoding.bom', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
