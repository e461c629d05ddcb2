import { strict as assert } from 'node:assert';
import { fork, spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER } from './client';
import { CURVE_WITHOUT_TIME } from './texts';
import { TempWorkspace } from './workspace';

describe('language server over node IPC (how the VS Code client starts it)', () => {
  it('answers initialize and publishes diagnostics with --node-ipc', async () => {
    const workspace = new TempWorkspace();
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    try {
      const published = new Promise<PublishDiagnosticsParams>((resolve) =>
        connection.onNotification('textDocument/publishDiagnostics', resolve),
      );
      connection.listen();
      const result = await connection.sendRequest<{ capabilities: { documentSymbolProvider?: unknown } }>('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(workspace.root).href,
        capabilities: {},
      });
      assert.ok(result.capabilities.documentSymbolProvider);
      await connection.sendNotification('initialized', {});
      const uri = workspace.uri('curve/2023/2023-05-18.md');
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text: CURVE_WITHOUT_TIME },
      });
      const diagnostics = (await published).diagnostics;
      assert.ok(diagnostics.some((d) => d.code === 'template/missing-section'));
      await connection.sendRequest('shutdown');
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
      workspace.dispose();
    }
  });
});

describe('language server over stdio: a broken message stream', () => {
  /** Starts the server, writes `input` to its stdin, and tells how it ended (or that it did not, within 10 s). */
  function feed(input: string): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => {
        child.kill();
        resolve({ code: null, stderr: `${stderr}\n(still running after 10 s)` });
      }, 10_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
      child.stdin.write(input);
    });
  }

  const message = (body: object) => {
    const json = JSON.stringify(body);
    return `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
  };
  const initialize = message({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

  for (const [what, input] of [
    ['garbage instead of a header', 'hello, language server\r\n\r\n'],
    ['a header without Content-Length', 'Content-Type: x\r\n\r\n{}'],
    ['garbage after a good message', `${initialize}GET / HTTP/1.1\r\nHost: x\r\n\r\n`],
    ['a body that is not JSON', 'Content-Length: 5\r\n\r\n{{{{{'],
  ]) {
    it(`${what}: the server exits (status 1) so that the client starts a new one, instead of staying deaf`, async () => {
      const ended = await feed(input);
      assert.equal(ended.code, 1, ended.stderr);
      assert.match(ended.stderr, /the message stream is broken/);
    });
  }
});
