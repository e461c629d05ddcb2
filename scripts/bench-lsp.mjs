// A language server for the benches: `node [nodeArgs] dist/server.js --stdio` in a workspace
// folder, spoken to over JSON-RPC the way an editor does (requests the server sends, such as
// registrations and configuration, are answered with null).
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/**
 * Starts and initializes the server. `request` resolves with the whole response message;
 * `onDiagnostics` hears every publishDiagnostics.
 * @param {string} server
 * @param {string} workspace
 * @param {{ nodeArgs?: string[]; serverArgs?: string[]; capabilities?: object; onDiagnostics?: (params: any) => void; onLog?: (message: string) => void }} [options]
 */
export async function startBenchServer(
  server,
  workspace,
  { nodeArgs = [], serverArgs = [], capabilities = {}, onDiagnostics = () => {}, onLog = () => {} } = {},
) {
  const child = spawn(process.execPath, [...nodeArgs, server, '--stdio', ...serverArgs], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buffer = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map();
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const header = buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString())?.[1]);
      if (buffer.length < header + 4 + length) return;
      const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString());
      buffer = buffer.subarray(header + 4 + length);
      if (message.id !== undefined && pending.has(message.id)) {
        pending.get(message.id)(message);
        pending.delete(message.id);
      } else if (message.id !== undefined && message.method) {
        send({ jsonrpc: '2.0', id: message.id, result: null });
      } else if (message.method === 'textDocument/publishDiagnostics') {
        onDiagnostics(message.params);
      } else if (message.method === 'window/logMessage') {
        onLog(message.params.message);
      }
    }
  });
  function send(message) {
    const body = Buffer.from(JSON.stringify(message));
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  }
  const request = (method, params) =>
    new Promise((resolveRequest) => {
      const id = nextId++;
      pending.set(id, resolveRequest);
      send({ jsonrpc: '2.0', id, method, params });
    });
  const notify = (method, params) => send({ jsonrpc: '2.0', method, params });
  const rootUri = pathToFileURL(workspace).href;
  await request('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities,
    initializationOptions: { language: 'en' },
  });
  notify('initialized', {});
  const stop = async () => {
    await request('shutdown');
    notify('exit');
    child.kill();
  };
  return { child, request, notify, stop };
}
