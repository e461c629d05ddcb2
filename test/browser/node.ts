/** The same session against dist/server.js over stdio, for comparison (test/vscode/harness/browser-worker.mjs). */
import { spawn } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { runSession, type SessionOptions, type SessionResult } from './session';

export async function runNodeSession(server: string, options: SessionOptions): Promise<SessionResult> {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  try {
    return await runSession(connection, options);
  } finally {
    connection.dispose();
    child.kill();
  }
}
