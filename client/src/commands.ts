/**
 * The commands of the preview and the workspace (the server's restart and the template status
 * are registered in extension.ts): each is a few lines here, its work in its own module.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { learnTemplate } from './learnTemplate';
import { lintWorkspace } from './lintWorkspace';
import { userLang } from './messages';
import { newMinutes } from './newMinutes/newMinutes';
import { PreviewManager } from './preview/previewManager';
import { openRuleDocs } from './ruleDocs';

export function registerMinutesCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const previews = new PreviewManager({ extensionUri: context.extensionUri, client, lang: userLang });
  context.subscriptions.push(
    previews,
    // From the editor title button the argument is the document's URI; from the palette, nothing.
    vscode.commands.registerCommand('communityMinutes.openPreview', (uri?: unknown) =>
      previews.open(uri instanceof vscode.Uri ? uri : undefined),
    ),
    // From the explorer's context menu the argument is the folder.
    vscode.commands.registerCommand('communityMinutes.newMinutes', (folder?: unknown) => newMinutes(userLang(), client, folder)),
    vscode.commands.registerCommand('communityMinutes.lintWorkspace', () => lintWorkspace(client, userLang())),
    vscode.commands.registerCommand('communityMinutes.openRuleDocs', (ruleId?: unknown) => openRuleDocs(client, userLang(), ruleId)),
    // From the explorer's context menu the argument is the folder; from the palette, the active file's folder.
    vscode.commands.registerCommand('communityMinutes.learnTemplate', (folder?: unknown) =>
      learnTemplate(client, folder instanceof vscode.Uri ? folder : undefined),
    ),
  );
}
