/**
 * `minutes/lintWorkspace`: checks files that are not open (the client lists them, in batches,
 * and shows progress) and publishes their diagnostics, so the Problems panel covers every
 * minutes file of the workspace. Open documents keep the diagnostics of their live text.
 */
import { DiagnosticSeverity, RequestType, type Connection, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isCancelled, MAX_DOCUMENT_BYTES, type Analysis, type Analyzer } from './analysis';
import { uriToPath } from '../uri';
import { LINT_WORKSPACE_METHOD, type LintedFile, type LintWorkspaceParams, type LintWorkspaceResult } from '../../protocol';

export const lintWorkspaceRequest = new RequestType<LintWorkspaceParams, LintWorkspaceResult, void>(LINT_WORKSPACE_METHOD);

export interface WorkspaceLintContext {
  documents: TextDocuments<TextDocument>;
  analyzer: Analyzer;
  log(message: string): void;
  /** A workspace file read in full, or undefined when absent or larger than `maxBytes` (ServerPlatform.readFileAsync). */
  readFile(path: string, maxBytes: number): Promise<string | undefined>;
}

export function registerWorkspaceLint(connection: Connection, context: WorkspaceLintContext): void {
  connection.onRequest(lintWorkspaceRequest, async ({ uris }, token) => {
    const files: LintedFile[] = [];
    for (const uri of uris) {
      if (token.isCancellationRequested) break;
      try {
        const file = await lintOne(connection, context, uri);
        if (file) files.push(file);
      } catch (error) {
        if (!isCancelled(error)) context.log(`checking ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { files };
  });
}

async function lintOne(connection: Connection, context: WorkspaceLintContext, uri: string): Promise<LintedFile | undefined> {
  const open = context.documents.get(uri);
  if (open) return counted(uri, await context.analyzer.analyze(open));
  const { path, onDisk } = uriToPath(uri);
  if (!onDisk) return undefined;
  const text = await context.readFile(path, MAX_DOCUMENT_BYTES);
  if (text === undefined) return undefined;
  const languageId = /\.txt$/i.test(path) ? 'plaintext' : 'markdown';
  const analysis = await context.analyzer.analyze(TextDocument.create(uri, languageId, 0, text));
  // Not kept in memory: the file is not open, and its analysis would never be asked for again.
  context.analyzer.forget(uri);
  // Opened meanwhile: the live text's diagnostics win.
  if (context.documents.get(uri)) return counted(uri, analysis);
  await connection.sendDiagnostics({ uri, diagnostics: analysis.kind === 'linted' ? analysis.diagnostics : [] });
  return counted(uri, analysis);
}

function counted(uri: string, analysis: Analysis): LintedFile {
  const count = (severity: DiagnosticSeverity) => analysis.diagnostics.filter((d) => d.severity === severity).length;
  const linted = analysis.kind === 'linted';
  return {
    uri,
    linted,
    ...(linted ? { template: analysis.template.resolvedId } : {}),
    errors: linted ? count(DiagnosticSeverity.Error) : 0,
    warnings: linted ? count(DiagnosticSeverity.Warning) : 0,
    infos: linted ? count(DiagnosticSeverity.Information) + count(DiagnosticSeverity.Hint) : 0,
  };
}
