/**
 * The checks only the client can make, because only it can read a file's bytes: minutes that
 * are not UTF-8 (a GBK file saved by another tool, which VS Code reads as UTF-8 and the next
 * save would ruin) and a byte order mark the team does not want. Their diagnostics live in a
 * collection of their own (`minutes-bytes`), beside the language server's, with the same
 * `source` and docs links, so "Open Rule Documentation" and the Problems panel treat them alike.
 */
import * as vscode from 'vscode';
import { ruleDocsUrl, type Lang } from '../../../server/src/core';
import { SETTINGS_SECTION } from '../languageClient';
import { byteProblems, inspectBytes, readBomPolicy, type ByteProblem } from './bytes';
import { canReopenWithEncoding, documentEncoding, pickEncodingInEditor, reopenWithEncoding } from './editorEncoding';
import { problemMessage, sayEncoding } from './strings';

/** The `source` of the language server's diagnostics: these are the same product's checks. */
export const BYTES_SOURCE = 'minutes';
/** The encoding VS Code is asked to reopen plausible GBK files with: a superset of GBK and GB2312. */
export const CHINESE_ENCODING = 'gb18030';

const LANGUAGES = new Set(['markdown', 'plaintext']);
/** Minutes are small; a bigger file is something else, and reading it is not worth it. */
const MAX_BYTES = 8 * 1024 * 1024;
/** After a reload from disk or a revert, several change events can arrive at once. */
const RECHECK_DELAY_MS = 200;

export class ByteChecks implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('minutes-bytes');
  /** The problems behind each document's diagnostics, for the quick fixes. */
  private readonly problemsByUri = new Map<string, ByteProblem[]>();
  /** Files whose damaging read was already announced in a notification (once per file and session). */
  private readonly announced = new Set<string>();
  /** The latest check of each document: an older one that finishes later is dropped. */
  private readonly generation = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly lang: () => Lang) {
    this.subscriptions = [
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidSaveTextDocument((document) => this.schedule(document, 0)),
      // A document that is clean after a change was reloaded, reverted or reopened in another encoding.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!event.document.isDirty) this.schedule(event.document, RECHECK_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (
          event.affectsConfiguration(`${SETTINGS_SECTION}.encoding`) ||
          event.affectsConfiguration(`${SETTINGS_SECTION}.enable`) ||
          event.affectsConfiguration(`${SETTINGS_SECTION}.language`)
        ) {
          this.checkAll();
        }
      }),
    ];
    this.checkAll();
  }

  problemsOf(uri: vscode.Uri): ByteProblem[] {
    return this.problemsByUri.get(uri.toString()) ?? [];
  }

  checkAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!isCandidate(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(document);
      }, delay),
    );
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const run = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, run);
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, document.uri);
    let problems: ByteProblem[] = [];
    if (config.get<boolean>('enable', true)) {
      const bytes = await readSmallFile(document.uri);
      if (this.generation.get(key) !== run || document.isClosed) return;
      if (bytes) {
        problems = byteProblems(
          inspectBytes(bytes),
          { encoding: documentEncoding(document), hasReplacementChar: document.getText().includes('\ufffd') },
          readBomPolicy(config.get('encoding.bom')),
        );
      }
    }
    this.problemsByUri.set(key, problems);
    this.collection.set(
      document.uri,
      problems.map((p) => this.toDiagnostic(document, p)),
    );
    const damaging = problems.find((p) => p.id === 'encoding/not-utf8' && p.kind === 'damaging');
    if (damaging && !this.announced.has(key)) {
      this.announced.add(key);
      void this.announce(document, damaging);
    }
  }

  private toDiagnostic(document: vscode.TextDocument, problem: ByteProblem): vscode.Diagnostic {
    // The whole file is concerned: the diagnostic sits on line 1, where the bytes begin.
    const range = document.lineCount ? document.lineAt(0).range : new vscode.Range(0, 0, 0, 0);
    const diagnostic = new vscode.Diagnostic(range, problemMessage(problem, this.lang()), vscode.DiagnosticSeverity.Warning);
    diagnostic.source = BYTES_SOURCE;
    diagnostic.code = { value: problem.id, target: vscode.Uri.parse(ruleDocsUrl(problem.id)) };
    return diagnostic;
  }

  /** Said once per file: the diagnostic alone can go unseen until the file is saved and it is too late. */
  private async announce(document: vscode.TextDocument, problem: ByteProblem): Promise<void> {
    const lang = this.lang();
    const file = vscode.workspace.asRelativePath(document.uri, false);
    const facts = problem.facts;
    const text =
      facts.encoding === 'gb18030' && facts.sample
        ? sayEncoding('notifyGbk', lang, { file, sample: facts.sample })
        : sayEncoding('notifyUnknown', lang, { file, line: (facts.firstInvalid?.line ?? 0) + 1 });
    const reopenAsChinese =
      facts.encoding === 'gb18030' && canReopenWithEncoding(document) ? sayEncoding('reopenAs', lang, { encoding: 'GB18030' }) : undefined;
    const reopenWith = sayEncoding('reopenWith', lang);
    const choice = await vscode.window.showWarningMessage(text, ...(reopenAsChinese ? [reopenAsChinese] : []), reopenWith);
    // A notification stays up until it is answered: the file may have been reopened or converted meanwhile.
    const stillDamaging = this.problemsOf(document.uri).some((p) => p.id === 'encoding/not-utf8' && p.kind === 'damaging');
    if (!choice || !stillDamaging) return;
    if (choice === reopenAsChinese) await reopenDocument(document.uri, CHINESE_ENCODING, lang);
    else if (choice === reopenWith) await pickEncodingInEditor(document.uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.generation.delete(key);
    this.problemsByUri.delete(key);
    this.collection.delete(uri);
  }
}

/** Minutes on a writable file system: diff views (`git:`), untitled files and output have no bytes to save. */
function isCandidate(document: vscode.TextDocument): boolean {
  return LANGUAGES.has(document.languageId) && vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === true;
}

async function readSmallFile(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_BYTES) return undefined;
    return await vscode.workspace.fs.readFile(uri);
  } catch {
    // Deleted or unreadable meanwhile: nothing to say about its bytes.
    return undefined;
  }
}

/** Reopens in the given encoding when the editor can, else with the editor's encoding picker. */
export async function reopenDocument(uri: vscode.Uri, encoding: string | undefined, lang: Lang): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (!encoding || !canReopenWithEncoding(document) || document.isDirty) {
    await pickEncodingInEditor(uri);
    return;
  }
  try {
    await reopenWithEncoding(uri, encoding);
    await vscode.window.showTextDocument(uri);
  } catch (error) {
    void vscode.window.showErrorMessage(
      sayEncoding('reopenFailed', lang, {
        file: vscode.workspace.asRelativePath(uri, false),
        message: error instanceof Error ? error.message : String(error),
      }),
    );
  }
}
