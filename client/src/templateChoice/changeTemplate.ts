/**
 * "Change Template…" (the status bar item's click): pick a built-in template for the active
 * minutes and write it as `"template"` into the nearest `.minutesrc.json` (the config that
 * governs the file), or into a new one in the workspace folder. The edit goes through the
 * editor, so it can be undone, and keeps the file's comments (configEdit.ts). The language
 * server watches config files and checks the open minutes again.
 */
import * as vscode from 'vscode';
import { builtinTemplates, type Lang, localized } from '../../../server/src/core';
import type { TemplateInfo } from '../../../server/src/protocol';
import { t } from '../messages';
import { exists } from '../workspaceFiles';
import { CONFIG_FILE_NAME, configuredTemplate, newConfigText, templateEdits } from './configEdit';

type TemplateItem = vscode.QuickPickItem & { templateId?: string; detect?: true };

export async function changeTemplate(lang: Lang, info: TemplateInfo | undefined, target?: vscode.Uri): Promise<void> {
  const document = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!document) {
    void vscode.window.showInformationMessage(t('changeTemplateNoEditor'));
    return;
  }
  const config = info?.configUri
    ? vscode.Uri.parse(info.configUri)
    : info?.configPath
      ? vscode.Uri.file(info.configPath)
      : await findNearestConfig(document);
  const configText = config ? await readText(config) : undefined;
  const written = configText === undefined ? undefined : configuredTemplate(configText);
  const newConfig = config ?? vscode.Uri.joinPath(configFolderFor(document), CONFIG_FILE_NAME);

  const current = info?.template?.split('/')[0];
  const items: TemplateItem[] = builtinTemplates.map((template) => ({
    label: `${template.id === current ? '$(check) ' : ''}${localized(template.name, lang)}`,
    description: template.id === current ? `${template.id} · ${t('changeTemplateCurrent')}` : template.id,
    detail: template.description ? localized(template.description, lang) : undefined,
    templateId: template.id,
  }));
  if (written !== undefined) {
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: `$(search) ${t('changeTemplateDetect')}`, detail: t('changeTemplateDetectDetail'), detect: true });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: t('changeTemplateTitle', { file: vscode.workspace.asRelativePath(document, false) }),
    placeHolder: t(config ? 'changeTemplateWrites' : 'changeTemplateCreates', { config: vscode.workspace.asRelativePath(newConfig, true) }),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked || (!picked.templateId && !picked.detect)) return;
  const templateId = picked.detect ? undefined : picked.templateId;

  // A team's own template (a file or inline) is worth a second thought before it is replaced.
  if (written !== undefined && (typeof written !== 'string' || !builtinTemplates.some((b) => b.id === written))) {
    const replace = t('changeTemplateReplace');
    const answer = await vscode.window.showWarningMessage(
      t('changeTemplateOwn', { config: vscode.workspace.asRelativePath(newConfig, false) }),
      { modal: true },
      replace,
    );
    if (answer !== replace) return;
  }

  if (!config) {
    if (!templateId) return;
    await vscode.workspace.fs.writeFile(newConfig, new TextEncoder().encode(newConfigText(templateId)));
    void vscode.window.showInformationMessage(
      t('changeTemplateCreated', { config: vscode.workspace.asRelativePath(newConfig, false), template: templateId }),
    );
    return;
  }
  await editConfig(config, templateId);
}

async function editConfig(config: vscode.Uri, templateId: string | undefined): Promise<void> {
  const document = await vscode.workspace.openTextDocument(config);
  const result = templateEdits(document.getText(), templateId);
  if (!result.ok) {
    await vscode.window.showTextDocument(document);
    void vscode.window.showWarningMessage(
      t(result.reason === 'syntax' ? 'changeTemplateSyntax' : 'changeTemplateNotObject', {
        config: vscode.workspace.asRelativePath(config, false),
      }),
    );
    return;
  }
  const wasDirty = document.isDirty;
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) {
    edit.replace(config, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
  }
  if (!(await vscode.workspace.applyEdit(edit))) return;
  // Saved at once so the server sees it, unless the user had unsaved changes of their own there.
  if (wasDirty) await vscode.window.showTextDocument(document);
  else await document.save();
}

/** The `.minutesrc.json` in the document's folder or the nearest one above it, up to its workspace folder. */
async function findNearestConfig(document: vscode.Uri): Promise<vscode.Uri | undefined> {
  const root = vscode.workspace.getWorkspaceFolder(document)?.uri;
  let folder = vscode.Uri.joinPath(document, '..');
  for (;;) {
    const candidate = vscode.Uri.joinPath(folder, CONFIG_FILE_NAME);
    if (await exists(candidate)) return candidate;
    const parent = vscode.Uri.joinPath(folder, '..');
    if (!root || folder.toString() === root.toString() || parent.toString() === folder.toString()) return undefined;
    folder = parent;
  }
}

/** Where a new config goes: the workspace folder (it then applies to all its minutes), else the file's own folder. */
function configFolderFor(document: vscode.Uri): vscode.Uri {
  return vscode.workspace.getWorkspaceFolder(document)?.uri ?? vscode.Uri.joinPath(document, '..');
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
