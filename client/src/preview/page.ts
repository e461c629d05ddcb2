/**
 * The preview webview's HTML page and its Content-Security-Policy. Pure (no VS Code), so a
 * test can check the policy: no inline script may run, only the extension's own script with
 * this page's nonce; styles only from the extension; images from the extension and the
 * document's folder (both `cspSource`), and https only when the user allows remote images.
 */
/** A fresh nonce per page: a script the document smuggled in cannot guess it. (Web Crypto: Node and browsers alike.) */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/** `remoteImages`: the user allowed `https:` images (a read receipt for their servers); off by default. */
export function previewCsp(cspSource: string, nonce: string, remoteImages = false): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource}${remoteImages ? ' https:' : ''} data:`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    // Not covered by default-src: a `<base>` or a form in the minutes must not redirect anything.
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export interface PreviewPageParts {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** Webview URIs of media/preview.css and media/preview.js. */
  styleUri: string;
  scriptUri: string;
  /** `en` or `zh-CN`, for the page's `lang` (fonts and line breaking follow it). */
  lang: string;
  title: string;
  /** The summary panel and the rendered minutes, already safe HTML. */
  summaryHtml: string;
  minutesHtml: string;
  /** The document shown; the page keeps it in its state so VS Code can restore the pane after a reload. */
  documentUri: string;
  /** The editor's first visible line, where the page starts scrolled to. */
  line: number;
  /** The user setting `communityMinutes.preview.remoteImages`. */
  remoteImages?: boolean;
}

export function previewPage(p: PreviewPageParts): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(p.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(previewCsp(p.cspSource, p.nonce, p.remoteImages))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(p.styleUri)}">
<title>${escapeHtml(p.title)}</title>
</head>
<body data-document="${escapeHtml(p.documentUri)}" data-start-line="${Math.max(0, Math.floor(p.line))}">
<section id="summary" class="summary" aria-label="summary">${p.summaryHtml}</section>
<article id="minutes" class="minutes">${p.minutesHtml}</article>
<script nonce="${escapeHtml(p.nonce)}" src="${escapeHtml(p.scriptUri)}"></script>
</body>
</html>`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For text and attribute values written into HTML by this extension. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
