/**
 * "New Minutes from Template…": asks for a built-in template and a folder, proposes the file
 * name the template expects for the next meeting (the series' cadence from its last minutes,
 * else today), creates the file and types the template's skeleton snippet into it (tab stops
 * included) with the series' open items carried over, so a fresh file already passes its checks.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  builtinTemplates,
  formatDate,
  isInvalidFileName,
  type Lang,
  localized,
  type MeetingDate,
  parseDate,
  type TemplateSpec,
} from '../../../server/src/core';
import {
  CHECK_FILE_NAME_METHOD,
  NEXT_MEETING_METHOD,
  PROPOSE_FILE_NAME_METHOD,
  type CheckFileNameParams,
  type CheckFileNameResult,
  type NextMeetingParams,
  type NextMeetingResult,
  type ProposedFileName,
  type ProposeFileNameParams,
} from '../../../server/src/protocol';
import { say } from '../preview/strings';
import { exists } from '../workspaceFiles';
import { withCarriedItems, withMeetingDate } from './carryOver';
import { skeletonSnippet } from './skeletons';
import { meetingDateOf } from './today';

export async function newMinutes(lang: Lang, client: LanguageClient | undefined, folderArgument?: unknown): Promise<void> {
  const template = await pickTemplate(lang);
  if (!template) return;
  const folder = folderArgument instanceof vscode.Uri ? folderArgument : await pickFolder(lang);
  if (!folder) return;
  // The series in the folder gives the next date of its cadence and the items to carry over.
  const next = await nextMeetingIn(client, folder);
  const date = (next?.date && parseDate(next.date)) || meetingDateOf(new Date());
  const file = await askFileName(lang, client, template, folder, date);
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
  const picked = await vscode.window.showQuickPick(items, {
    title: say('newMinutesTemplate', lang),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.template;
}

async function pickFolder(lang: Lang): Promise<vscode.Uri | undefined> {
  type FolderItem = vscode.QuickPickItem & { uri?: vscode.Uri };
  const items: FolderItem[] = [];
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') {
    const folder = vscode.Uri.joinPath(active, '..');
    items.push({
      label: vscode.workspace.asRelativePath(folder, true) || folder.fsPath,
      description: say('newMinutesCurrentFolder', lang),
      uri: folder,
    });
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
    return await client.sendRequest<NextMeetingResult>(NEXT_MEETING_METHOD, {
      folder: folder.toString(),
      today: formatDate(meetingDateOf(new Date())),
    } satisfies NextMeetingParams);
  } catch {
    // No server (yet): new minutes start from today's date and nothing carried over.
    return undefined;
  }
}

/**
 * The template's file-name pattern is read by the server (the core's pattern engine stays out
 * of the extension host); without a server the name is the template's example, unchecked.
 */
async function askFileName(
  lang: Lang,
  client: LanguageClient | undefined,
  template: TemplateSpec,
  folder: vscode.Uri,
  date: MeetingDate,
): Promise<vscode.Uri | undefined> {
  const ask = async <R>(method: string, params: object): Promise<R | undefined> => {
    try {
      return client?.isRunning() ? await client.sendRequest<R>(method, params) : undefined;
    } catch {
      return undefined;
    }
  };
  const example = template.filename?.example ?? `${formatDate(date)}.${template.extensions?.[0] ?? 'md'}`;
  const proposed = (await ask<ProposedFileName | null>(PROPOSE_FILE_NAME_METHOD, {
    template: template.id,
    date: formatDate(date),
  } satisfies ProposeFileNameParams)) ?? { name: example, selection: [0, Math.max(0, example.lastIndexOf('.'))] };
  const name = await vscode.window.showInputBox({
    title: say('newMinutesName', lang),
    value: proposed.name,
    valueSelection: proposed.selection,
    validateInput: async (value) => {
      // Checked here as well: a name that leaves the folder is refused even without a server.
      const problem = isInvalidFileName(value)
        ? 'invalid'
        : (await ask<CheckFileNameResult>(CHECK_FILE_NAME_METHOD, { template: template.id, name: value } satisfies CheckFileNameParams))
            ?.problem;
      if (problem === 'invalid') return { message: say('newMinutesInvalidName', lang), severity: vscode.InputBoxValidationSeverity.Error };
      if (await exists(vscode.Uri.joinPath(folder, value.trim())))
        return { message: say('newMinutesExists', lang, { name: value }), severity: vscode.InputBoxValidationSeverity.Error };
      if (problem === 'pattern') {
        return {
          message: say('newMinutesNamePattern', lang, { example: template.filename?.example ?? '' }),
          severity: vscode.InputBoxValidationSeverity.Warning,
        };
      }
      return undefined;
    },
  });
  return name ? vscode.Uri.joinPath(folder, name.trim()) : undefined;
}
