/**
 * The extension in a browser (vscode.dev, github.dev): package.json "browser". The language
 * server runs in a Web Worker (dist/browser/server.js) and reads workspace files through this
 * side (workspaceFiles.ts); online answers are kept in the extension's global state.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { CacheStore } from '../../../server/src/online';
import { activateMinutes, type MinutesApi } from '../activate';
import { clientOptions, SETTINGS_SECTION } from '../languageClient';
import { answerFileReads } from './workspaceFiles';

/** The browser's Worker (the project compiles without the DOM library). */
declare const Worker: new (url: string) => unknown;

const LINK_CACHE_KEY = 'communityMinutes.links';

let client: BaseLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<MinutesApi> {
  const started = await activateMinutes(context, {
    createClient(ctx) {
      const server = vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'browser', 'server.js');
      const worker = new Worker(server.toString(true));
      return new LanguageClient(SETTINGS_SECTION, 'Community Minutes', clientOptions(ctx, 'browser'), worker as never);
    },
    linkCache: (ctx): CacheStore => ({
      read: () => ctx.globalState.get(LINK_CACHE_KEY),
      write: (data) => void ctx.globalState.update(LINK_CACHE_KEY, data),
    }),
    extend: (ctx, minutesClient) => answerFileReads(ctx, minutesClient),
    browser: true,
  });
  client = started.client;
  return started.api;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
