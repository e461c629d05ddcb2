/**
 * The test page's script: hosts dist/browser/server.js in a real Web Worker and speaks LSP to
 * it through postMessage, the transport VS Code's browser client uses.
 */
import { BrowserMessageReader, BrowserMessageWriter, createMessageConnection } from 'vscode-jsonrpc/browser';
import { runSession, type SessionOptions, type SessionResult } from './session';

declare const Worker: new (url: string) => { terminate(): void };
declare const window: { runMinutesSession?: (options: SessionOptions) => Promise<SessionResult> };

window.runMinutesSession = async (options) => {
  const worker = new Worker('/dist/browser/server.js');
  const connection = createMessageConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
  try {
    return await runSession(connection, options);
  } finally {
    connection.dispose();
    worker.terminate();
  }
};
