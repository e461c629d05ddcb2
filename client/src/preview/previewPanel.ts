/**
 * One preview pane: the rendered minutes of one document with its summary above, updated as
 * the document changes, scrolled with its editor, and a way back to the editor from the
 * summary's problems. The language server supplies both: the page (`minutes/render`: safe
 * HTML, whose relative images only this side can turn into webview URIs) and the summary
 * (`minutes/summary`).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { beforeAny, type Lang } from '../../../server/src/core';
import {
  RENDER_METHOD,
  SUMMARY_METHOD,
  type RenderParams,
  type RenderResult,
  type SummaryParams,
  type SummaryResult,
} from '../../../server/src/protocol';
import { previewLink } from './links';
import { imageToken, withImageUris } from './images';
import { escapeHtml, makeNonce, previewPage } from './page';
import { say } from './strings';
import { summaryHtml, type SummaryState } from './summaryHtml';

export const PREVIEW_VIEW_TYPE = 'communityMinutes.preview';

/** Render after a pause in typing: one request per pause, not per keystroke. */
const RENDER_DELAY_MS = 150;
/** Scroll events caused by our own scrolling are ignored for this long, so editor and preview do not chase each other. */
const SCROLL_ECHO_MS = 300;

export interface PreviewHost {
  extensionUri: vscode.Uri;
  client: LanguageClient;
  lang(): Lang;
}

/** Messages the page's script sends. */
type FromPage = { type: 'reveal'; line: number; character?: number } | { type: 'scrolled'; line: number } | { type: 'open'; href: string };

export class MinutesPreview implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private renderTimer: NodeJS.Timeout | undefined;
  /** Drops summaries that arrive after a newer request was sent. */
  private summarySequence = 0;
  /** Renderings asked for, and the newest shown: an older one arriving late is not shown over it. */
  private renderSequence = 0;
  private shownRendering = 0;
  private summary: SummaryState = { kind: 'waiting' };
  private ignoreEditorScrollUntil = 0;
  private disposed = false;
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDisposeEmitter.event;

  static create(host: PreviewHost, uri: vscode.Uri, column: vscode.ViewColumn): MinutesPreview {
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      say('panelTitle', host.lang(), { name: basename(uri) }),
      { viewColumn: column, preserveFocus: true },
      webviewOptions(host, uri),
    );
    return new MinutesPreview(host, panel, uri);
  }

  /** Restores a pane VS Code kept across a reload. */
  static revive(host: PreviewHost, panel: vscode.WebviewPanel, uri: vscode.Uri): MinutesPreview {
    panel.webview.options = webviewOptions(host, uri);
    return new MinutesPreview(host, panel, uri);
  }

  private constructor(
    private readonly host: PreviewHost,
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
  ) {
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'images', 'icon.png');
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: FromPage) => void this.onMessage(message)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isOurs(e.document.uri)) this.scheduleRender();
      }),
      // Diagnostics change when the server re-lints (a config change, a save): the summary's problems follow.
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.panel.visible && e.uris.some((u) => this.isOurs(u))) void this.refreshSummary();
      }),
      // A hidden pane loses its page (it is not kept in memory): show the current text when it comes back.
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) void this.renderPage();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (this.isOurs(e.textEditor.document.uri) && e.visibleRanges.length) this.followEditor(e.visibleRanges[0].start.line);
      }),
    );
    void this.renderPage();
  }

  reveal(column?: vscode.ViewColumn): void {
    this.panel.reveal(column, true);
  }

  private isOurs(uri: vscode.Uri): boolean {
    return uri.toString() === this.uri.toString();
  }

  private async document(): Promise<vscode.TextDocument | undefined> {
    try {
      // The open document when there is one (its unsaved text), else the file.
      return await vscode.workspace.openTextDocument(this.uri);
    } catch {
      return undefined;
    }
  }

  /** Writes the whole page: on opening, and when VS Code restores the pane. */
  private async renderPage(): Promise<void> {
    const document = await this.document();
    if (this.disposed) return;
    const webview = this.panel.webview;
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.host.extensionUri, 'media', name)).toString();
    const lang = this.host.lang();
    const minutesHtml = document ? await this.renderMinutes(document) : '';
    if (minutesHtml === undefined || this.disposed) return;
    const editor = vscode.window.visibleTextEditors.find((e) => this.isOurs(e.document.uri));
    webview.html = previewPage({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      styleUri: media('preview.css'),
      scriptUri: media('preview.js'),
      lang: lang === 'zh' ? 'zh-CN' : 'en',
      title: this.panel.title,
      summaryHtml: summaryHtml(this.summary, lang),
      minutesHtml,
      documentUri: this.uri.toString(),
      line: editor?.visibleRanges[0]?.start.line ?? 0,
      remoteImages: remoteImagesAllowed(),
    });
    await this.refreshSummary();
  }

  private scheduleRender(): void {
    clearTimeout(this.renderTimer);
    this.renderTimer = setTimeout(() => void this.update(), RENDER_DELAY_MS);
  }

  private async update(): Promise<void> {
    const document = await this.document();
    if (!document || this.disposed || !this.panel.visible) return;
    const html = await this.renderMinutes(document);
    if (html === undefined || this.disposed) return;
    void this.panel.webview.postMessage({ type: 'minutes', html });
    await this.refreshSummary();
  }

  /** The server's HTML with the webview's image URIs in; undefined when a newer rendering was shown meanwhile. */
  private async renderMinutes(document: vscode.TextDocument): Promise<string | undefined> {
    const sequence = ++this.renderSequence;
    const token = imageToken();
    let result: RenderResult | null = null;
    try {
      if (this.host.client.isRunning()) {
        const params: RenderParams = { uri: this.uri.toString(), remoteImages: remoteImagesAllowed(), imageToken: token };
        result = await this.host.client.sendRequest<RenderResult | null>(RENDER_METHOD, params);
      }
    } catch {
      result = null;
    }
    if (sequence < this.shownRendering) return undefined;
    this.shownRendering = sequence;
    // No server (starting, failed) or a document it was not given: the text as it is, never its markup.
    if (!result) return `<pre class="unrendered">${escapeHtml(document.getText())}</pre>`;
    return withImageUris(result.html, token, result.images, (src) => this.imageUri(src));
  }

  /** A relative image as a webview URI, if it lies inside the roots the webview may read. */
  private imageUri(src: string): string | undefined {
    let path: string;
    try {
      path = decodeURI(beforeAny(src, '?#'));
    } catch {
      return undefined;
    }
    const target = path.startsWith('/')
      ? vscode.Uri.joinPath(vscode.workspace.getWorkspaceFolder(this.uri)?.uri ?? dirname(this.uri), path)
      : vscode.Uri.joinPath(dirname(this.uri), path);
    const allowed = (this.panel.webview.options.localResourceRoots ?? []).some((root) => isInside(target, root));
    return allowed ? this.panel.webview.asWebviewUri(target).toString() : undefined;
  }

  private async refreshSummary(): Promise<void> {
    const sequence = ++this.summarySequence;
    let state: SummaryState;
    try {
      const result = this.host.client.isRunning()
        ? await this.host.client.sendRequest<SummaryResult | null>(SUMMARY_METHOD, { uri: this.uri.toString() } satisfies SummaryParams)
        : null;
      state = result ? { kind: 'result', result } : { kind: 'unavailable' };
    } catch {
      state = { kind: 'unavailable' };
    }
    if (sequence !== this.summarySequence || this.disposed) return;
    this.summary = state;
    void this.panel.webview.postMessage({ type: 'summary', html: summaryHtml(state, this.host.lang()) });
  }

  private followEditor(line: number): void {
    if (Date.now() < this.ignoreEditorScrollUntil) return;
    void this.panel.webview.postMessage({ type: 'scroll', line });
  }

  private async onMessage(message: FromPage): Promise<void> {
    switch (message.type) {
      case 'reveal':
        await this.revealInEditor(message.line, message.character ?? 0);
        break;
      case 'scrolled': {
        const editor = vscode.window.visibleTextEditors.find((e) => this.isOurs(e.document.uri));
        if (!editor) return;
        this.ignoreEditorScrollUntil = Date.now() + SCROLL_ECHO_MS;
        editor.revealRange(new vscode.Range(message.line, 0, message.line, 0), vscode.TextEditorRevealType.AtTop);
        break;
      }
      case 'open':
        await this.openLink(message.href);
        break;
    }
  }

  /** A click on a problem (or a date, a decision…) in the summary: the editor shows that place. */
  private async revealInEditor(line: number, character: number): Promise<void> {
    const document = await this.document();
    if (!document) return;
    const visible = vscode.window.visibleTextEditors.find((e) => this.isOurs(e.document.uri));
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const position = new vscode.Position(line, character);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Range(position, position) });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Links in the minutes open outside the pane: web pages in the browser, workspace files in an editor. */
  private async openLink(href: string): Promise<void> {
    const root = vscode.workspace.getWorkspaceFolder(this.uri)?.uri ?? dirname(this.uri);
    const link = previewLink(href, this.uri.path, root.path);
    switch (link.kind) {
      case 'external':
        await vscode.env.openExternal(vscode.Uri.parse(link.url, true));
        return;
      case 'file': {
        const target = root.with({ path: link.path });
        await vscode.commands.executeCommand('vscode.open', link.fragment ? target.with({ fragment: link.fragment }) : target);
        return;
      }
      case 'refused':
        if (link.reason === 'outside') void vscode.window.showWarningMessage(say('linkOutside', this.host.lang(), { href }));
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.renderTimer);
    this.panel.dispose();
    for (const s of this.subscriptions) s.dispose();
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
  }
}

/**
 * What the webview may load: the extension's media, the document's folder and, for minutes
 * that reach up (`../images/a.png`), the workspace folder that holds the document.
 */
function webviewOptions(host: PreviewHost, uri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  const roots = [vscode.Uri.joinPath(host.extensionUri, 'media'), dirname(uri)];
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) roots.push(folder.uri);
  return { enableScripts: true, enableFindWidget: true, localResourceRoots: roots };
}

/** The user's own choice (user settings only): a workspace must not turn read receipts on for its readers. */
function remoteImagesAllowed(): boolean {
  return vscode.workspace.getConfiguration('communityMinutes').inspect<boolean>('preview.remoteImages')?.globalValue === true;
}

function dirname(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function isInside(target: vscode.Uri, root: vscode.Uri): boolean {
  if (target.scheme !== root.scheme || target.authority !== root.authority) return false;
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return target.path.startsWith(base);
}
