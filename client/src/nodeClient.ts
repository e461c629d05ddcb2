/** The extension on Node (desktop, remote, Codespaces): the server is dist/server.js, a child process over IPC. */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions, SETTINGS_SECTION } from './languageClient';

export function createNodeClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  return new LanguageClient(SETTINGS_SECTION, 'Community Minutes', serverOptions, clientOptions(context, 'node'));
}
