/**
 * The text-encoding API that VS Code finalized in 1.100 (`TextDocument.encoding`,
 * `openTextDocument(uri, { encoding })`), used when the running editor has it. The extension
 * still supports 1.82, whose typings lack it, so it is reached through these feature checks.
 */
import * as vscode from 'vscode';

/** VS Code's id of the encoding the document was decoded with (`utf8`, `utf8bom`, `gbk`…), or undefined on editors before 1.100. */
export function documentEncoding(document: vscode.TextDocument): string | undefined {
  const encoding = (document as { encoding?: unknown }).encoding;
  return typeof encoding === 'string' ? encoding : undefined;
}

/** Whether this editor can reopen a document in a given encoding without asking the user. */
export function canReopenWithEncoding(document: vscode.TextDocument): boolean {
  return documentEncoding(document) !== undefined;
}

/**
 * Reopens the document decoded with `encoding` (a VS Code encoding id). VS Code refuses while
 * the document has unsaved changes; callers fall back to the editor's own encoding picker.
 */
export async function reopenWithEncoding(uri: vscode.Uri, encoding: string): Promise<vscode.TextDocument> {
  const open = vscode.workspace.openTextDocument as unknown as (
    uri: vscode.Uri,
    options: { encoding: string },
  ) => Thenable<vscode.TextDocument>;
  return open.call(vscode.workspace, uri, { encoding });
}

/** VS Code's own "Reopen with Encoding / Save with Encoding" picker, on this document's editor. */
export async function pickEncodingInEditor(uri: vscode.Uri): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.editor.changeEncoding');
}
