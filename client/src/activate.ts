/**
 * The VS Code side of Community Minutes, the same on Node and in a browser. It starts the
 * language server, which does all the work (templates, rules, fixes, completion), and adds a
 * status bar item (a click changes the template: templateChoice/), the preview pane, the
 * commands (commands.ts), the Action-items view (items/) and the checks of a file's bytes that only the client can make
 * (encoding/). Where it runs decides only how the server is started and where online answers
 * are kept (extension.ts, browser/extension.ts).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { TEMPLATE_INFO_METHOD, type TemplateInfo } from '../../server/src/protocol';
import type { CacheStore } from '../../server/src/online';
import { registerMinutesCommands } from './commands';
import { registerByteChecks } from './encoding';
import { registerActionItems, type ActionItemsView } from './items/itemsView';
import { registerLinkLookups } from './linkStatus';
import { userLang } from './messages';
import { changeTemplate } from './templateChoice/changeTemplate';
import { TemplateStatus } from './templateStatus';

export interface ClientHost {
  createClient(context: vscode.ExtensionContext): BaseLanguageClient;
  /** Where online answers are kept between sessions. */
  linkCache(context: vscode.ExtensionContext): CacheStore;
  /** What this host adds to the client before it starts (the browser answers the server's file reads). */
  extend?(context: vscode.ExtensionContext, client: BaseLanguageClient): void;
  /** In a browser, where what needs git is missing: the status bar says so. */
  browser?: boolean;
}

/** What the extension gives other extensions (and the in-host tests): the Action-items view's data. */
export interface MinutesApi {
  actionItems: ActionItemsView;
}

export async function activateMinutes(
  context: vscode.ExtensionContext,
  host: ClientHost,
): Promise<{ client: BaseLanguageClient; api: MinutesApi }> {
  const templateStatus = new TemplateStatus(host.browser === true);
  const minutesClient = host.createClient(context);

  const restartServer = async () => {
    templateStatus.clear();
    await minutesClient.stop();
    await minutesClient.start();
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
  registerLinkLookups(context, minutesClient, host.linkCache(context));
  host.extend?.(context, minutesClient);
  // Byte-level checks need no server: they run even while it starts or if it fails to.
  registerByteChecks(context);

  await minutesClient.start();
  return { client: minutesClient, api: { actionItems } };
}
