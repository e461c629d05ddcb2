/**
 * "New Minutes from Template…": asks for a built-in template and a folder, proposes the file
 * name the template expects for the next meeting (the series' cadence from its last minutes,
 * else today), creates the file and types the template's skeleton snippet into it (tab stops
 * included) with the series' open items carried over, so a fresh file already passes its checks.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { Lang } from '../../../server/src/core/i18n/lang';
import { formatDate, parseDate, type MeetingDate } from '../../../server/src/core/model/dates';
import type { NextMeetingResult } from '../../../server/src/lsp/series/items';
import { localized } from '../../../server/src/core/templates/match';
import { builtinTemplates } from '../../../server/src/core/templates/registry';
import type { TemplateSpec } from '../../../server/src/core/templates/types';
import { say } from '../preview/strings';
import { exists } from '../workspaceFiles';
import { withCarriedItems, withMeetingDate } from './carryOver';
import { fileNameProblem, meetingDateOf, proposeFileName } from './fileName';
import { skeletonSnippet } from './skeletons';

/** `minutes/nextMeeting` of the language server (server/src/lsp/series/items.ts). */
export const NEXT_MEETING_METHOD = 'minutes/nextMeeting';

export async function newMinutes(lang: Lang, client: LanguageClient | undefined, folderArgument?: unknown): Promise<void> {
  const template = await pickTemplate(lang);
  if (!template) return;
  const folder = folderArgument instanceof vscode.Uri ? folderArgument : await pickFolder(lang);
  if (!folder) return;
  // The series in the folder gives the next date of its cadence and the items to carry over.
  const next = await nextMeetingIn(client, folder);
  const date = (next?.date && parseDate(next.date)) || meetingDateOf(new Date());
  const file = await askFileName(lang, template, folder, date);
  if (!file) return;

  // Never overwrite: a file that appeared meanwhile is opened as it is.
  if (await exists(file)) {
    await vscode.window.showTextDocument(file);
    return;
  }
  await vscode.workspace.fs.writeFile(file, new Uint8Array());
  const document = await vscode.workspace.openTextDocument(file);
  const editor = await vscode.window.showTextDocument(document);
  let skeleton = skeletonSnippet(template.id);
  if (skeleton && next) skeleton = withCarriedItems(next.date ? withMeetingDate(skeleton, date) : skeleton, next.items, template, lang);
  if (skeleton) {
    await editor.insertSnippet(new vscode.SnippetString(skeleton), new vscode.Position(0, 0));
    // On disk at once: closing the editor must not leave an empty file behind.
    await document.save();
  }
}

async function pickTemplate(lang: Lang): Promise<TemplateSpec | undefined> {
  const items = builtinTemplates.map((template) => ({
    label: localized(template.name, lang),
    description: template.filename?.example ?? template.id,
    detail: template.description ? localized(template.description, lang) : undefined,
    template,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: say('newMinutesTemplate', lang), matchOnDescription: true, matchOnDetail: true });
  return picked?.template;
}

async function pickFolder(lang: Lang): Promise<vscode.Uri | undefined> {
  type FolderItem = vscode.QuickPickItem & { uri?: vscode.Uri };
  const items: FolderItem[] = [];
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') {
    const folder = vscode.Uri.joinPath(active, '..');
    items.push({ label: vscode.workspace.asRelativePath(folder, true) || folder.fsPath, description: say('newMinutesCurrentFolder', lang), uri: folder });
  }
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (!items.some((i) => i.uri?.toString() === folder.uri.toString())) {
      items.push({ label: folder.name, description: say('newMinutesWorkspaceFolder', lang), uri: folder.uri });
    }
  }
  items.push({ label: `$(folder-opened) ${say('newMinutesBrowse', lang)}` });
  const picked = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: say('newMinutesFolder', lang) });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: items[0]?.uri,
    title: say('newMinutesFolder', lang),
  });
  return chosen?.[0];
}

async function nextMeetingIn(client: LanguageClient | undefined, folder: vscode.Uri): Promise<NextMeetingResult | undefined> {
  if (!client || folder.scheme !== 'file') return undefined;
  try {
    return await client.sendRequest<NextMeetingResult>(NEXT_MEETING_METHOD, { folder: folder.toString(), today: formatDate(meetingDateOf(new Date())) });
  } catch {
    // No server (yet): new minutes start from today's date and nothing carried over.
    return undefined;
  }
}

async function askFileName(lang: Lang, template: TemplateSpec, folder: vscode.Uri, date: MeetingDate): Promise<vscode.Uri | undefined> {
  const proposed = proposeFileName(template, date);
  const name = await vscode.window.showInputBox({
    title: say('newMinutesName', lang),
    value: proposed.name,
    valueSelection: proposed.selection,
    validateInput: async (value) => {
      const problem = fileNameProblem(value, template);
      if (problem === 'invalid') return { message: say('newMinutesInvalidName', lang), severity: vscode.InputBoxValidationSeverity.Error };
      if (await exists(vscode.Uri.joinPath(folder, value.trim()))) return { message: say('newMinutesExists', lang, { name: value }), severity: vscode.InputBoxValidationSeverity.Error };
      if (problem === 'pattern') {
        return { message: say('newMinutesNamePattern', lang, { example: template.filename?.example ?? '' }), severity: vscode.InputBoxValidationSeverity.Warning };
      }
      return undefined;
    },
  });
  return name ? vscode.Uri.joinPath(folder, name.trim()) : undefined;
}
