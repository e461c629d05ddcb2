/**
 * The Community Minutes language server in a browser's Web Worker (dist/browser/server.js),
 * started by the extension in vscode.dev and github.dev. The same server as on Node
 * (dist/server-core.js, loaded from beside the folder of this file), on the browser's platform
 * (platform.ts): files through the editor, no processes.
 */
import * as lsp from 'vscode-languageserver/browser';
import { loadServerCore } from '../lsp/serverCore';
import { browserPlatform } from './platform';

/** The worker's global scope (the project compiles without the DOM library). */
declare const self: {
  location: { href: string };
  importScripts(...urls: string[]): void;
  addEventListener(type: 'error', listener: (event: { message: string }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: { reason: unknown }) => void): void;
};

const core = loadServerCore(lsp, () => self.importScripts(new URL('../server-core.js', self.location.href).href));
const connection = lsp.createConnection(new lsp.BrowserMessageReader(self as never), new lsp.BrowserMessageWriter(self as never));

// A server that dies takes every diagnostic with it: log and keep serving.
self.addEventListener('error', (event) => connection.console.error(`uncaught: ${event.message}`));
self.addEventListener('unhandledrejection', (event) => connection.console.error(`unhandled rejection: ${String(event.reason)}`));

core.startServer(connection, browserPlatform(connection, core.pathToUri));
connection.listen();
