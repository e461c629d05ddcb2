/**
 * One LSP session with the Community Minutes server, as an editor holds it: initialize with a
 * workspace folder, open the Curve example, wait for its diagnostics to settle, ask for code
 * actions and for @-completion. The same steps run against dist/server.js under Node and
 * against dist/browser/server.js in a browser's Web Worker (test/vscode/harness/browser-worker.mjs), and
 * the two results must be equal. `minutes/readFiles` is answered from `files`, as the VS Code
 * client answers it with vscode.workspace.fs (the Node server never asks).
 */
import type { MessageConnection } from 'vscode-jsonrpc';
import { READ_FILES_METHOD, type ReadFilesParams, type ReadFilesResult } from '../../server/src/protocol';

export interface SessionOptions {
  /** The workspace folder's URI (a file: URI for Node, any scheme for the browser). */
  rootUri: string;
  /** Workspace files by path relative to the root: what minutes/readFiles answers. */
  files: Record<string, string>;
  /** The minutes to open (relative path). */
  document: string;
  /** Where to ask for completion: 0-based line and character. */
  completionAt: { line: number; character: number };
  /** Then typed as a new last line (`@xw`), and completion asked at its end. */
  typed: string;
}

export interface SessionResult {
  diagnostics: Array<{
    code: string;
    severity: number;
    line: number;
    character: number;
    endLine: number;
    endCharacter: number;
    message: string;
  }>;
  codeActions: Array<{ title: string; edits: string[] }>;
  completion: string[];
  /** Completion after `typed`. */
  completionTyped: string[];
  fileReads: number;
  log: string[];
}

interface Diagnostic {
  code?: string | number;
  severity?: number;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const SETTLE_MS = 1500;

export async function runSession(connection: MessageConnection, options: SessionOptions): Promise<SessionResult> {
  const root = options.rootUri.replace(/\/$/, '');
  const uri = `${root}/${options.document.split('/').map(encodeURIComponent).join('/')}`;
  const log: string[] = [];
  let fileReads = 0;
  let published: Diagnostic[] | undefined;
  let lastPublish = 0;
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
    if (params.uri !== uri) return;
    published = params.diagnostics;
    lastPublish = Date.now();
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => log.push(params.message));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ language: 'en' })));
  connection.onRequest(READ_FILES_METHOD, (params: ReadFilesParams): ReadFilesResult => {
    fileReads += params.uris.length;
    return {
      files: params.uris.map((fileUri) => {
        const relative = decodeURIComponent(fileUri.startsWith(`${root}/`) ? fileUri.slice(root.length + 1) : '');
        const text = relative ? options.files[relative] : undefined;
        const isFolder = relative !== '' && Object.keys(options.files).some((p) => p.startsWith(`${relative}/`));
        return text !== undefined ? { exists: true, text } : { exists: isFolder };
      }),
    };
  });
  connection.listen();

  await connection.sendRequest('initialize', {
    processId: null,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'minutes' }],
    locale: 'en',
    initializationOptions: { locale: 'en', settings: { language: 'en' } },
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
      textDocument: {
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: { isPreferredSupport: true, dataSupport: true },
        completion: { completionItem: { snippetSupport: true } },
      },
    },
  });
  await connection.sendNotification('initialized', {});
  const text = options.files[options.document];
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });

  // Settled: published, then nothing new for a while (a browser server checks again once the roster file arrives).
  const deadline = Date.now() + 30000;
  while (!published || Date.now() - lastPublish < SETTLE_MS) {
    if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri}; server log:\n${log.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const diagnostics = published
    .map((d) => ({
      code: String(d.code),
      severity: d.severity ?? 0,
      message: d.message,
      line: d.range.start.line,
      character: d.range.start.character,
      endLine: d.range.end.line,
      endCharacter: d.range.end.character,
    }))
    .sort((a, b) => a.line - b.line || a.character - b.character || a.code.localeCompare(b.code));

  const actions = await connection.sendRequest<
    Array<{
      title: string;
      edit?: {
        documentChanges?: Array<{ edits: Array<{ newText: string; range: Diagnostic['range'] }> }>;
        changes?: Record<string, Array<{ newText: string }>>;
      };
    }>
  >('textDocument/codeAction', {
    textDocument: { uri },
    range: published[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: published },
  });
  const codeActions = actions
    .map((a) => ({
      title: a.title,
      edits: [...(a.edit?.documentChanges ?? []).flatMap((c) => c.edits), ...Object.values(a.edit?.changes ?? {}).flat()].map(
        (e) => e.newText,
      ),
    }))
    .sort((a, b) => a.title.localeCompare(b.title));

  const complete = async (position: { line: number; character: number }) => {
    const result = await connection.sendRequest<{ items: Array<{ label: string }> } | Array<{ label: string }> | null>(
      'textDocument/completion',
      {
        textDocument: { uri },
        position,
        context: { triggerKind: 1 },
      },
    );
    return (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label).sort();
  };
  const completion = await complete(options.completionAt);
  const lines = text.split('\n');
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: end, end }, text: `\n${options.typed}` }],
  });
  const completionTyped = await complete({ line: end.line + 1, character: options.typed.length });

  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  return { diagnostics, codeActions, completion, completionTyped, fileReads, log };
}
