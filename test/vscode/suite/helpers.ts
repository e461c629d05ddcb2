/**
 * What the in-host tests share: opening fixtures of the workspace the runner opened (a
 * temporary copy of test/vscode/fixtures/ws), waiting for the language server's diagnostics,
 * and describing diagnostics in a form that reads well in an assertion message.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'community-minutes.community-minutes';
/** `source` of every diagnostic our language server publishes. */
export const SOURCE = 'minutes';
const DOCS_BASE = 'https://github.com/community-minutes/community-minutes/blob/main/docs/rules/';

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner must open the fixtures workspace');
  return folder.uri;
}

export function fixture(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Opens a fixture in an editor, as a person would (the client only sees open documents). */
export async function open(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixture(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Throws away the test's edits so the next test sees the file as it is on disk. */
export async function revertAndClose(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function withCode(diagnostics: vscode.Diagnostic[], code: string): vscode.Diagnostic[] {
  return diagnostics.filter((d) => codeOf(d) === code);
}

/** `rule@line:char-line:char` (0-based, as in the API), for readable assertions. */
export function describeDiagnostic(d: vscode.Diagnostic): string {
  const { start, end } = d.range;
  return `${codeOf(d)}@${start.line}:${start.character}-${end.line}:${end.character}`;
}

export function describeAll(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map(describeDiagnostic).sort();
}

export function docsUrl(rule: string): string {
  return `${DOCS_BASE}${rule}.md`;
}

/**
 * Resolves with the diagnostics of `uri` (all sources, or only ours) once `until` accepts
 * them: now, or at a later change. Fails with what was there when the time ran out.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  until: (diagnostics: vscode.Diagnostic[]) => boolean,
  options: { source?: string | null; timeoutMs?: number; what?: string } = {},
): Promise<vscode.Diagnostic[]> {
  const source = options.source === undefined ? SOURCE : options.source;
  const read = () => vscode.languages.getDiagnostics(uri).filter((d) => source === null || d.source === source);
  return new Promise((resolve, reject) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      listener.dispose();
      const current = read();
      if (ok) resolve(current);
      else
        reject(
          new Error(`timed out waiting for ${options.what ?? 'diagnostics'} on ${uri.path}; have ${JSON.stringify(describeAll(current))}`),
        );
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString()) && until(read())) done(true);
    });
    const timer = setTimeout(() => done(false), options.timeoutMs ?? 30_000);
    if (until(read())) done(true);
  });
}

/** Waits until the diagnostics of `uri` carry exactly these rule codes (any order, repeats count). */
export function waitForCodes(uri: vscode.Uri, codes: string[], timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  const wanted = JSON.stringify([...codes].sort());
  return waitForDiagnostics(uri, (ds) => JSON.stringify(ds.map(codeOf).sort()) === wanted, { timeoutMs, what: `codes ${wanted}` });
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): vscode.Range {
  return new vscode.Range(startLine, startChar, endLine, endChar);
}

export async function codeActions(uri: vscode.Uri, at: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
    'vscode.executeCodeActionProvider',
    uri,
    at,
    kind,
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

/**
 * Code actions once `accept` likes them. Right after a document is reopened the editor may
 * still hold diagnostics of its previous version, for which the server rightly offers no
 * fix; the fresh ones follow within moments.
 */
export async function codeActionsWhen(
  uri: vscode.Uri,
  at: vscode.Range,
  kind: string,
  accept: (actions: vscode.CodeAction[]) => boolean,
  timeoutMs = 15_000,
): Promise<vscode.CodeAction[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const actions = await codeActions(uri, at, kind);
    if (accept(actions)) return actions;
    if (Date.now() > deadline)
      assert.fail(`no acceptable ${kind} actions at ${JSON.stringify(at)}; got ${JSON.stringify(actions.map((a) => a.title))}`);
    await sleep(200);
  }
}

export async function applyAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `code action "${action.title}" has no edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `applying "${action.title}" failed`);
}

/** Settles a promise that may never resolve (a command waiting on a notification) within `ms`. */
export async function within<T>(promise: Thenable<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve(promise), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Settles a command that resolves when the notification it ends with closes (`showTemplate`,
 * `lintWorkspace`): the notifications are dismissed until it does. Dismissing once, after a
 * guessed pause, raced the command on a busy machine (its summary came after the dismissal).
 */
export async function dismissedWithin<T>(promise: Thenable<T>, ms: number, what: string): Promise<T> {
  const dismiss = () => void vscode.commands.executeCommand('notifications.clearAll');
  dismiss();
  const timer = setInterval(dismiss, 250);
  try {
    return await within(promise, ms, what);
  } finally {
    clearInterval(timer);
  }
}

/** Polls `read` until `accept` likes its value. */
export async function eventually<T>(read: () => T, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (accept(value)) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Minutes whose folder wishes for online link checks (`links.online`, `links.api` → the runner's
 * local API): offline they show only the PR linked twice (link/duplicate-target).
 */
export const ONLINE = 'online/2023-09-21.md';

/** What the runner's local stand-in for GitHub's API (test/vscode/harness/vscode-link-server.mjs) has seen. */
export interface LinkServerLog {
  /** API requests, in order (never the control endpoint). */
  requests: Array<{ method: string; path: string; authorization: boolean }>;
  /** External pages the workbench's browser was asked to open (when `observesBrowser`). */
  opened: string[];
  observesBrowser: boolean;
}

/** The local API's address (MINUTES_LINK_SERVER, inherited from the runner), when one runs. */
export function linkServerUrl(): string | undefined {
  return process.env.MINUTES_LINK_SERVER || undefined;
}

export async function linkServerLog(): Promise<LinkServerLog> {
  const url = linkServerUrl();
  assert.ok(url, 'the runner started no local API (MINUTES_LINK_SERVER)');
  const response = await fetch(`${url}/__control`);
  assert.equal(response.status, 200, 'the local API answers its control endpoint');
  return (await response.json()) as LinkServerLog;
}

/** The Markdown of every hover at `position`, joined. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** The position `offset` UTF-16 units into the first occurrence of `needle` (fails when absent). */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is not in ${document.uri.path}`);
  return document.positionAt(at + offset);
}
