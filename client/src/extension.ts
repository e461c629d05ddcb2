/**
 * The VS Code side of Community Minutes. It starts the language server, which does all the
 * work (templates, rules, fixes, completion), and adds a status bar item (a click changes the
 * template: templateChoice/), the preview pane, the commands (commands.ts), the Action-items
 * view (items/) and the checks of a file's bytes that only the client can make (encoding/).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TemplateInfo } from '../../server/src/lsp/protocol';
import { registerMinutesCommands } from './commands';
import { registerByteChecks } from './encoding';
import { registerActionItems, type ActionItemsView } from './items/itemsView';
import { createMinutesClient } from './languageClient';
import { registerLinkLookups } from './linkStatus';
import { userLang } from './messages';
import { changeTemplate } from './templateChoice/changeTemplate';
import { TEMPLATE_INFO_METHOD, TemplateStatus } from './templateStatus';

let client: LanguageClient | undefined;

/** What the extension gives other extensions (and the in-host tests): the Action-items view's data. */
export interface MinutesApi {
  actionItems: ActionItemsView;
}

export async function activate(context: vscode.ExtensionContext): Promise<MinutesApi> {
  const templateStatus = new TemplateStatus();
  const minutesClient = createMinutesClient(context);
  client = minutesClient;

  const restartServer = async () => {
    templateStatus.clear();
    await minutesClient.restart();
  };

  context.subscriptions.push(
    templateStatus,
    minutesClient.onNotification(TEMPLATE_INFO_METHOD, (info: TemplateInfo) => templateStatus.update(info)),
    vscode.commands.registerCommand('communityMinutes.restartServer', restartServer),
    vscode.commands.registerCommand('communityMinutes.showTemplate', () => templateStatus.showForActiveEditor()),
    vscode.commands.registerCommand('communityMinutes.changeTemplate', () => changeTemplate(userLang(), templateStatus.activeInfo())),
    // Trust is sent at start (online link checks depend on it), so granting it needs a fresh start.
    vscode.workspace.onDidGrantWorkspaceTrust(restartServer),
  );
  registerMinutesCommands(context, minutesClient);
  const actionItems = registerActionItems(context, minutesClient);
  registerLinkLookups(context, minutesClient);
  // Byte-level checks need no server: they run even while it starts or if it fails to.
  registerByteChecks(context);

  await minutesClient.start();
  return { actionItems };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
