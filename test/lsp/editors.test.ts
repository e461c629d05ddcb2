/**
 * The server as other editors run it (docs/editors.md): `node dist/server.js --stdio` with a
 * plain JSON-RPC client that behaves like Neovim, Helix or Emacs eglot. Each one gives settings
 * its own way: `initializationOptions`, a `workspace/didChangeConfiguration` push right after
 * start, `workspace/configuration` answered by walking the section path of its settings table
 * (null when absent), or no `workspace/configuration` at all.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER } from './client';
import { CURVE_WITHOUT_TIME } from './texts';
import { TempWorkspace } from './workspace';

interface EditorProfile {
  /** Does the client answer `workspace/configuration`? */
  configuration: boolean;
  /** Settings as the user wrote them in the editor's configuration. */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** Sends `workspace/didChangeConfiguration { settings }` after `initialized`, as these editors do. */
  pushAtStart?: boolean;
}

/** Neovim's, Helix's and eglot's answer: the value at the section's dotted path, else null. */
function lookupSection(settings: Record<string, unknown> | undefined, section: string | undefined): unknown {
  if (!section) return settings ?? null;
  let value: unknown = settings;
  for (const part of section.split('.')) {
    if (typeof value !== 'object' || value === null) return null;
    value = (value as Record<string, unknown>)[part];
  }
  return value ?? null;
}

class PlainClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly configurationRequests: Array<{ section?: string }> = [];
  private waiters: Array<{ test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: MessageConnection,
    private settings: Record<string, unknown> | undefined,
  ) {}

  static async start(root: string, profile: EditorProfile): Promise<PlainClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new PlainClient(child, connection, profile.settings);
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.published.push(p);
      client.waiters = client.waiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
    });
    if (profile.configuration) {
      connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => {
        client.configurationRequests.push(...params.items);
        return params.items.map((item) => lookupSection(client.settings, item.section));
      });
    } else {
      // A client without the capability would answer "method not found": record that it was asked at all.
      connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => {
        client.configurationRequests.push(...params.items);
        throw new Error('workspace/configuration is not supported');
      });
    }
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    const rootUri = pathToFileURL(root).href;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'minutes' }],
      initializationOptions: profile.initializationOptions,
      capabilities: {
        workspace: { configuration: profile.configuration, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
    await connection.sendNotification('initialized', {});
    if (profile.pushAtStart) await connection.sendNotification('workspace/didChangeConfiguration', { settings: profile.settings ?? null });
    return client;
  }

  /** The user edits the editor's settings table: later pulls read it, and the editor pushes it. */
  changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification('workspace/didChangeConfiguration', { settings });
  }

  open(uri: string, text: string): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean, what: string): Promise<PublishDiagnosticsParams> {
    const seen = this.published.filter((p) => p.uri === uri).at(-1);
    if (seen && test(seen)) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `timed out waiting for ${what}; got ${JSON.stringify(this.published.map((p) => p.diagnostics.map((d) => d.message)))}`,
            ),
          ),
        15000,
      );
      this.waiters.push({ test: (p) => p.uri === uri && test(p), resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.child.kill();
    }
  }
}

const missingMessage = (p: PublishDiagnosticsParams) => p.diagnostics.find((d) => d.code === 'template/missing-section')?.message ?? '';
const chinese = (p: PublishDiagnosticsParams) => /^缺少模板/.test(missingMessage(p));
const english = (p: PublishDiagnosticsParams) => /^Missing section/.test(missingMessage(p));

describe('language server with the settings of other editors (Neovim, Helix, Emacs eglot)', function () {
  this.timeout(30000);
  let workspace: TempWorkspace;
  let client: PlainClient | undefined;
  beforeEach(() => {
    workspace = new TempWorkspace();
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    workspace.dispose();
  });

  it('Neovim (nvim-lspconfig): settings table, pulled by section and pushed at start', async () => {
    client = await PlainClient.start(workspace.root, {
      configuration: true,
      pushAtStart: true,
      settings: { communityMinutes: { language: 'zh', run: 'onType' } },
    });
    const uri = workspace.uri('curve/2024/2024-05-16.md');
    client.open(uri, CURVE_WITHOUT_TIME);
    await client.diagnostics(uri, chinese, 'Chinese messages');
    assert.ok(
      client.configurationRequests.some((item) => item.section === 'communityMinutes'),
      'the server asks for its section by name',
    );
  });

  it('Helix: `config` is both the initialization options and the answer to workspace/configuration', async () => {
    const config = { communityMinutes: { language: 'zh', links: { online: false } } };
    client = await PlainClient.start(workspace.root, {
      configuration: true,
      pushAtStart: true,
      settings: config,
      initializationOptions: config,
    });
    const uri = workspace.uri('curve/2024/2024-05-16.md');
    client.open(uri, CURVE_WITHOUT_TIME);
    await client.diagnostics(uri, chinese, 'Chinese messages');
  });

  it('Emacs eglot: workspace configuration by section; a change is pushed and applied', async () => {
    client = await PlainClient.start(workspace.root, {
      configuration: true,
      pushAtStart: true,
      settings: { communityMinutes: { language: 'en' } },
    });
    const uri = workspace.uri('curve/2024/2024-05-16.md');
    client.open(uri, CURVE_WITHOUT_TIME);
    await client.diagnostics(uri, english, 'English messages');
    await client.changeSettings({ communityMinutes: { language: 'zh' } });
    await client.diagnostics(uri, chinese, 'Chinese after the change');
  });

  it('a section the editor does not have (null) leaves the defaults, and enable: false turns diagnostics off', async () => {
    client = await PlainClient.start(workspace.root, {
      configuration: true,
      pushAtStart: true,
      settings: { otherServer: { enable: false } },
    });
    const uri = workspace.uri('curve/2024/2024-05-16.md');
    client.open(uri, CURVE_WITHOUT_TIME);
    await client.diagnostics(uri, english, 'defaults: English');
    await client.changeSettings({ communityMinutes: { enable: false } });
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0, 'no diagnostics when disabled');
  });

  it('a client without workspace/configuration: initialization options and pushes only, never asked', async () => {
    client = await PlainClient.start(workspace.root, {
      configuration: false,
      initializationOptions: { settings: { communityMinutes: { language: 'zh' } } },
    });
    const uri = workspace.uri('curve/2024/2024-05-16.md');
    client.open(uri, CURVE_WITHOUT_TIME);
    await client.diagnostics(uri, chinese, 'Chinese from initialization options');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { communityMinutes: { language: 'en' } } });
    await client.diagnostics(uri, english, 'English after a push');
    // A push without our section: the server would normally pull, but this client cannot answer.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(client.configurationRequests, []);
  });
});
