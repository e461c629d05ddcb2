/**
 * "Learn Template from This Folder": the language server learns the template of the series in
 * the folder (`minutes/learnTemplate`, as `minutes-lint learn` does); this writes it next to the
 * minutes as `.minutes-template.json`, opens it, and offers to pin it in the folder's
 * `.minutesrc.json` (edited through configEdit.ts, keeping comments; created when absent, extending
 * the configuration above it so nothing the team configured is lost).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { LEARN_TEMPLATE_METHOD, type LearnTemplateParams, type LearnTemplateResult } from '../../server/src/protocol';
import { t } from './messages';
import { CONFIG_FILE_NAME, templateEdits } from './templateChoice/configEdit';
import { exists } from './workspaceFiles';

const PINNED = './.minutes-template.json';

export async function learnTemplate(client: LanguageClient, target?: vscode.Uri): Promise<void> {
  const folder =
    target ?? (vscode.window.activeTextEditor ? vscode.Uri.joinPath(vscode.window.activeTextEditor.document.uri, '..') : undefined);
  if (!folder || folder.scheme !== 'file') {
    void vscode.window.showInformationMessage(t('learnNoFolder'));
    return;
  }
  const result = await client.sendRequest<LearnTemplateResult>(LEARN_TEMPLATE_METHOD, {
    uri: folder.toString(),
  } satisfies LearnTemplateParams);
  if (!result.templates.length) {
    void vscode.window.showInformationMessage(t('learnNothing', { folder: vscode.workspace.asRelativePath(folder, false) }));
    return;
  }
  for (const learned of result.templates) {
    const file = vscode.Uri.parse(learned.uri);
    const shown = vscode.workspace.asRelativePath(file, false);
    if (await exists(file)) {
      const replace = t('learnReplace');
      if ((await vscode.window.showWarningMessage(t('learnOverwrite', { file: shown }), { modal: true }, replace)) !== replace) continue;
    }
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(learned.text));
    await vscode.window.showTextDocument(file, { preview: false });
    const pin = t('learnPin');
    if ((await vscode.window.showInformationMessage(t('learnWrote', { file: shown, summary: learned.summary }), pin)) === pin) {
      await pinTemplate(vscode.Uri.parse(learned.folderUri));
    }
  }
}

/** `"template": "./.minutes-template.json"` in the series folder's `.minutesrc.json`. */
async function pinTemplate(folder: vscode.Uri): Promise<void> {
  const config = vscode.Uri.joinPath(folder, CONFIG_FILE_NAME);
  const shown = vscode.workspace.asRelativePath(config, false);
  if (await exists(config)) {
    const document = await vscode.workspace.openTextDocument(config);
    const result = templateEdits(document.getText(), PINNED);
    if (!result.ok) {
      await vscode.window.showTextDocument(document);
      void vscode.window.showWarningMessage(
        t(result.reason === 'syntax' ? 'changeTemplateSyntax' : 'changeTemplateNotObject', { config: shown }),
      );
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits)
      edit.replace(config, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
    if (!(await vscode.workspace.applyEdit(edit))) return;
    await document.save();
  } else {
    const above = await configAbove(folder);
    const text = JSON.stringify({ ...(above ? { extends: relativePath(folder.path, above.path) } : {}), template: PINNED }, null, 2);
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(`${text}\n`));
  }
  void vscode.window.showInformationMessage(t('learnPinned', { config: shown, file: PINNED }));
}

/** The nearest `.minutesrc.json` above a folder, within its workspace folder. */
async function configAbove(folder: vscode.Uri): Promise<vscode.Uri | undefined> {
  const root = vscode.workspace.getWorkspaceFolder(folder)?.uri;
  let current = folder;
  while (root && current.toString() !== root.toString()) {
    const parent = vscode.Uri.joinPath(current, '..');
    if (parent.toString() === current.toString()) return undefined;
    current = parent;
    const candidate = vscode.Uri.joinPath(current, CONFIG_FILE_NAME);
    if (await exists(candidate)) return candidate;
  }
  return undefined;
}

/** `a/b/c` from `a/b/d/e` is `../../c`: the `extends` path of a config written in a subfolder. */
function relativePath(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}
