/**
 * Quick fixes for the byte-level problems. They change bytes, not text (VS Code keeps the
 * BOM and the encoding out of the document's text), so each one is a command: rewrite the
 * file on disk while the document has no unsaved changes, else hand over to VS Code's own
 * "Reopen/Save with Encoding" picker, which works on the unsaved text too.
 */
import * as vscode from 'vscode';
import type { Lang } from '../../../server/src/core';
import type { ByteProblem } from './bytes';
import { withoutUtf8Bom, withUtf8Bom } from './bytes';
import { BYTES_SOURCE, CHINESE_ENCODING, type ByteChecks, reopenDocument } from './byteChecks';
import { canReopenWithEncoding, pickEncodingInEditor, reopenWithEncoding } from './editorEncoding';
import { sayEncoding } from './strings';

/** Internal commands (a leading underscore: run by the quick fixes, not offered in the palette). */
export const CHANGE_BOM_COMMAND = 'communityMinutes._changeBom';
export const REOPEN_COMMAND = 'communityMinutes._reopenWithEncoding';
export const CONVERT_COMMAND = 'communityMinutes._convertToUtf8';

const IDS = new Set(['encoding/not-utf8', 'encoding/bom']);

export class ByteQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly checks: ByteChecks,
    private readonly lang: () => Lang,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const id = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : undefined;
      if (diagnostic.source !== BYTES_SOURCE || !id || !IDS.has(id)) continue;
      for (const problem of this.checks.problemsOf(document.uri).filter((p) => p.id === id)) {
        for (const action of this.actionsFor(document, problem)) {
          action.diagnostics = [diagnostic];
          actions.push(action);
        }
      }
    }
    return actions;
  }

  private actionsFor(document: vscode.TextDocument, problem: ByteProblem): vscode.CodeAction[] {
    const lang = this.lang();
    const uri = document.uri.toString();
    const action = (title: string, command: string, args: unknown[], preferred = false) => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.command = { title, command, arguments: args };
      a.isPreferred = preferred;
      return a;
    };
    if (problem.id === 'encoding/bom') {
      return problem.kind === 'unwanted'
        ? [action(sayEncoding('removeBom', lang), CHANGE_BOM_COMMAND, [uri, 'remove'], true)]
        : [action(sayEncoding('addBom', lang), CHANGE_BOM_COMMAND, [uri, 'add'], true)];
    }
    if (problem.kind === 'damaging') {
      const oneClick = problem.facts.encoding === 'gb18030' && canReopenWithEncoding(document);
      return [
        ...(oneClick
          ? [action(sayEncoding('reopenAs', lang, { encoding: 'GB18030' }), REOPEN_COMMAND, [uri, CHINESE_ENCODING], true)]
          : []),
        action(sayEncoding('reopenWith', lang), REOPEN_COMMAND, [uri]),
      ];
    }
    return [
      ...(canReopenWithEncoding(document) ? [action(sayEncoding('convertToUtf8', lang), CONVERT_COMMAND, [uri], true)] : []),
      action(sayEncoding('saveWith', lang), REOPEN_COMMAND, [uri]),
    ];
  }
}

export function registerByteCommands(lang: () => Lang): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(CHANGE_BOM_COMMAND, (uri: unknown, change: unknown) =>
      changeBom(parseUri(uri), change === 'add' ? 'add' : 'remove', lang()),
    ),
    vscode.commands.registerCommand(REOPEN_COMMAND, (uri: unknown, encoding: unknown) =>
      reopenDocument(parseUri(uri), typeof encoding === 'string' ? encoding : undefined, lang()),
    ),
    vscode.commands.registerCommand(CONVERT_COMMAND, (uri: unknown) => convertToUtf8(parseUri(uri), lang())),
  ];
}

function parseUri(value: unknown): vscode.Uri {
  return value instanceof vscode.Uri ? value : vscode.Uri.parse(String(value), true);
}

async function changeBom(uri: vscode.Uri, change: 'add' | 'remove', lang: Lang): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.isDirty) {
    await pickEncodingInEditor(uri);
    return;
  }
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    await vscode.workspace.fs.writeFile(uri, change === 'remove' ? withoutUtf8Bom(bytes) : withUtf8Bom(bytes));
    // The editor decides "UTF-8 with BOM" when it reads the file; tell it, so the next save keeps the change.
    if (canReopenWithEncoding(document)) await reopenWithEncoding(uri, change === 'remove' ? 'utf8' : 'utf8bom');
  } catch (error) {
    void vscode.window.showErrorMessage(
      sayEncoding('bomChangeFailed', lang, { file: vscode.workspace.asRelativePath(uri, false), message: messageOf(error) }),
    );
  }
}

/** Writes the text as the editor shows it (read in its real encoding) back as UTF-8, then reads it as UTF-8. */
async function convertToUtf8(uri: vscode.Uri, lang: Lang): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.isDirty || !canReopenWithEncoding(document)) {
    await pickEncodingInEditor(uri);
    return;
  }
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(document.getText()));
    await reopenWithEncoding(uri, 'utf8');
  } catch (error) {
    void vscode.window.showErrorMessage(
      sayEncoding('convertFailed', lang, { file: vscode.workspace.asRelativePath(uri, false), message: messageOf(error) }),
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
