/**
 * A small LSP client for the tests: starts `node dist/server.js --stdio` as a real child
 * process and speaks JSON-RPC to it, the way an editor does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  Diagnostic,
  DocumentSymbol,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from '../helpers';
import { TEMPLATE_INFO_METHOD, type TemplateInfo } from '../../server/src/protocol';

export const SERVER = join(ROOT, 'dist', 'server.js');
const WAIT_MS = 8000;

export interface StartOptions {
  /** Workspace folder (a real directory). */
  root: string;
  initializationOptions?: Record<string, unknown>;
  locale?: string;
  /** Answer `workspace/configuration` with these settings (the client then advertises the capability). */
  configuration?: Record<string, unknown>;
}

interface Waiter<T> {
  test(value: T): boolean;
  resolve(value: T): void;
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly templateInfos: TemplateInfo[] = [];
  /** `client/registerCapability` registrations, in order. */
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  private diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private infoWaiters: Waiter<TemplateInfo>[] = [];
  private readonly texts = new Map<string, TextDocument>();
  stderr = '';
  initializeResult!: InitializeResult;
  configuration: Record<string, unknown> | undefined;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(options: StartOptions): Promise<TestClient> {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run node scripts/build.mjs --tests first`);
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection);
    client.configuration = options.configuration;
    child.stderr.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = client.diagnostics.get(params.uri) ?? [];
      list.push(params);
      client.diagnostics.set(params.uri, list);
      client.diagnosticWaiters = settle(client.diagnosticWaiters, params);
    });
    connection.onNotification(TEMPLATE_INFO_METHOD, (info: TemplateInfo) => {
      client.templateInfos.push(info);
      client.infoWaiters = settle(client.infoWaiters, info);
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => (client.stderr += `${params.message}\n`));
    connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
      client.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map(() => client.configuration ?? null),
    );
    connection.listen();
    const rootUri = pathToFileURL(options.root).href;
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      locale: options.locale,
      workspaceFolders: [{ uri: rootUri, name: 'test' }],
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: options.configuration !== undefined,
          didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
          workspaceEdit: { documentChanges: true },
        },
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { isPreferredSupport: true, dataSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  open(uri: string, text: string, languageId = 'markdown'): TextDocument {
    const document = TextDocument.create(uri, languageId, 1, text);
    this.texts.set(uri, document);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return document;
  }

  /** Sends incremental changes (the server must apply them as ranges) and returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): TextDocument {
    const current = this.document(uri);
    const next = TextDocument.update(current, changes, current.version + 1);
    this.texts.set(uri, next);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: next.version },
      contentChanges: changes,
    });
    return next;
  }

  /** Applies a code action's edit the way an editor would: as incremental changes. */
  applyEdit(uri: string, edit: WorkspaceEdit): TextDocument {
    const edits = editsFor(uri, edit);
    // Last edit first, so each range still refers to the text the server saw.
    const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    return this.change(
      uri,
      ordered.map((e) => ({ range: e.range, text: e.newText })),
    );
  }

  save(uri: string): void {
    void this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): void {
    this.texts.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  document(uri: string): TextDocument {
    const document = this.texts.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  /** The first publish for `uri` that satisfies `test`: already received (latest) or still to come. */
  waitForDiagnostics(
    uri: string,
    test: (p: PublishDiagnosticsParams) => boolean = () => true,
    what = 'diagnostics',
  ): Promise<PublishDiagnosticsParams> {
    const latest = this.diagnostics.get(uri)?.at(-1);
    if (latest && test(latest)) return Promise.resolve(latest);
    return this.wait(
      (w) => this.diagnosticWaiters.push(w),
      (p) => p.uri === uri && test(p),
      () =>
        `${what} for ${uri}; received: ${JSON.stringify(this.diagnostics.get(uri)?.map((p) => ({ version: p.version, codes: p.diagnostics.map((d) => d.code) })))}`,
    );
  }

  /** Diagnostics for this exact document version. */
  diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    return this.waitForDiagnostics(uri, (p) => p.version === version, `version ${version}`).then((p) => p.diagnostics);
  }

  waitForTemplateInfo(uri: string, test: (info: TemplateInfo) => boolean = () => true): Promise<TemplateInfo> {
    const seen = this.templateInfos.filter((i) => i.uri === uri).at(-1);
    if (seen && test(seen)) return Promise.resolve(seen);
    return this.wait(
      (w) => this.infoWaiters.push(w),
      (i) => i.uri === uri && test(i),
      () => `template info for ${uri}`,
    );
  }

  codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  symbols(uri: string): Promise<DocumentSymbol[]> {
    return this.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  /** Polls until `check` holds (for effects with no notification of their own). */
  async until(check: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nserver log:\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** shutdown + exit, then waits for the process to end; resolves to its exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.child.exitCode !== null) resolve(this.child.exitCode);
      else this.child.once('exit', (code) => resolve(code));
    });
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 3000, 'shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    const code = await withTimeout(exited, 3000, 'exit').catch(() => {
      this.child.kill();
      return null;
    });
    this.connection.dispose();
    return code;
  }

  private wait<T>(add: (w: Waiter<T>) => void, test: (value: T) => boolean, describe: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${describe()}\nserver log:\n${this.stderr}`)), WAIT_MS);
      add({
        test,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      });
    });
  }
}

function settle<T>(waiters: Waiter<T>[], value: T): Waiter<T>[] {
  return waiters.filter((w) => {
    if (!w.test(value)) return true;
    w.resolve(value);
    return false;
  });
}

function editsFor(uri: string, edit: WorkspaceEdit): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...change.edits.filter((e): e is TextEdit => 'range' in e));
  }
  edits.push(...(edit.changes?.[uri] ?? []));
  return edits;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
