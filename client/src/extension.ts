/** The extension on Node (desktop VS Code, remote, Codespaces): package.json "main". */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { fileCacheStore } from '../../server/src/online/fileStore';
import { activateMinutes, type MinutesApi } from './activate';
import { createNodeClient } from './nodeClient';

let client: BaseLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<MinutesApi> {
  const started = await activateMinutes(context, {
    createClient: createNodeClient,
    linkCache: (ctx) => fileCacheStore(vscode.Uri.joinPath(ctx.globalStorageUri, 'links.json').fsPath),
  });
  client = started.client;
  return started.api;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
