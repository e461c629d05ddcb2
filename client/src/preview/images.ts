/**
 * The server renders the preview (`minutes/render`) but cannot know the URIs the webview may
 * load: each relative image comes back as `src="<token><n>"`, and this side puts in the URI of
 * `images[n]`, or drops the `src` when the image lies outside what the webview may read. Pure,
 * for tests.
 */
import { escapeHtml } from './page';

/** A fresh token per rendering: random, so no text in the minutes can pass for one. */
export function imageToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `cm-image-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}-`;
}

/** `resolve` gives the webview URI of a source as written (`../images/a.png`), or undefined to drop it. */
export function withImageUris(
  html: string,
  token: string,
  images: readonly string[],
  resolve: (src: string) => string | undefined,
): string {
  if (!/^[\w-]+$/.test(token)) throw new Error(`not an image token: ${token}`);
  return html.replace(new RegExp(` src="${token}(\\d+)"`, 'g'), (_, index: string) => {
    const src = images[Number(index)];
    const resolved = src === undefined ? undefined : resolve(src);
    return resolved ? ` src="${escapeHtml(resolved)}"` : '';
  });
}
