/**
 * Where a click on a link in the preview leads. Web pages open in the browser (VS Code asks
 * first); relative links open workspace files, but only inside the workspace folder: minutes
 * are repository content, and `../../../.ssh/id_rsa` must not open a file of the machine.
 * Pure (URI paths, `/`-separated), so tests can check it.
 */
import { beforeAny, dirname, isInside, joinPath } from '../../../server/src/core';

export type PreviewLink =
  | { kind: 'external'; url: string }
  | { kind: 'file'; path: string; fragment?: string }
  | { kind: 'refused'; reason: 'scheme' | 'outside' | 'malformed' };

/** `href` as written in the minutes; `documentPath` and `root` are URI paths (`/ws/minutes/a.md`, `/ws`). */
export function previewLink(href: string, documentPath: string, root: string): PreviewLink {
  if (/^(?:https?|mailto):/i.test(href)) return { kind: 'external', url: href };
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return { kind: 'refused', reason: 'scheme' };
  const hash = href.indexOf('#');
  const written = hash < 0 ? href : href.slice(0, hash);
  const fragment = hash < 0 ? undefined : href.slice(hash + 1) || undefined;
  if (!written) return { kind: 'refused', reason: 'malformed' };
  let decoded: string;
  try {
    decoded = decodeURI(beforeAny(written, '?'));
  } catch {
    return { kind: 'refused', reason: 'malformed' };
  }
  // `/docs/x.md` is read from the workspace folder, as a forge reads it from the repository root.
  const path = decoded.startsWith('/') ? joinPath(root, decoded.slice(1)) : joinPath(dirname(documentPath), decoded);
  if (!isInside(path, joinPath(root, '.'))) return { kind: 'refused', reason: 'outside' };
  return { kind: 'file', path, fragment };
}
