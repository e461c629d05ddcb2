/**
 * The Community Minutes language server in a browser's Web Worker (dist/browser/server.js),
 * started by the extension in vscode.dev and github.dev. The same server as dist/server.js,
 * on the browser's platform (platform.ts): files through the editor, no processes.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';
import { browserPlatform } from './platform';

/** The worker's global scope (the project compiles without the DOM library). */
declare const self: {
  addEventListener(type: 'error', listener: (event: { message: string }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: { reason: unknown }) => void): void;
};

const connection = createConnection(new BrowserMessageReader(self as never), new BrowserMessageWriter(self as never));

// A server that dies takes every diagnostic with it: log and keep serving.
self.addEventListener('error', (event) => connection.console.error(`uncaught: ${event.message}`));
self.addEventListener('unhandledrejection', (event) => connection.console.error(`unhandled rejection: ${String(event.reason)}`));

startServer(connection, browserPlatform(connection));
connection.listen();
