import { strict as assert } from 'node:assert';
import { fork } from 'node:child_process';
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
      const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
      connection.listen();
      const result = await connection.sendRequest<{ capabilities: { documentSymbolProvider?: unknown } }>('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(workspace.root).href,
        capabilities: {},
      });
      assert.ok(result.capabilities.documentSymbolProvider);
      await connection.sendNotification('initialized', {});
      const uri = workspace.uri('curve/2023/2023-05-18.md');
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: CURVE_WITHOUT_TIME } });
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
