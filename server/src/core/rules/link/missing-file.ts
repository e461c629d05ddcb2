import { rendersMarkdown } from '../../links/scan';
import type { Rule } from '../types';
import { modelOf } from './model';
import { beforeAny } from '../../text/trim';

export const missingFile: Rule = {
  id: 'link/missing-file',
  defaultSeverity: 'warning',
  description: {
    en: "A relative link or image to a file that does not exist (resolved against the document's folder, case-sensitively).",
    zh: '相对链接或图片指向的文件不存在（相对于文档所在目录解析，区分大小写）。',
  },
  messages: {
    missing: {
      en: '"{target}" does not exist (looked for {path}).',
      zh: '「{target}」不存在（查找的是 {path}）。',
    },
    missingImage: {
      en: 'The image "{target}" does not exist (looked for {path}).',
      zh: '图片「{target}」不存在（查找的是 {path}）。',
    },
    outsideRepository: {
      en: '"{target}" is not here (looked for {path}), and these minutes are not in a git checkout: the link is broken, or this copy of the minutes left the file out.',
      zh: '「{target}」不在这里（查找的是 {path}），而这份纪要不在 git 仓库的检出目录中：要么链接坏了，要么这份副本没有带上该文件。',
    },
    email: {
      en: '"{target}" is an e-mail address written as a link: without "mailto:" it points to a file next to the minutes, which does not exist.',
      zh: '「{target}」是写成链接的邮箱地址：没有「mailto:」时它指向纪要旁边的一个文件，而该文件不存在。',
    },
    fixMailto: { en: 'Write it as mailto:{target}', zh: '改为 mailto:{target}' },
  },
  fixable: true,
  check(ctx) {
    const exists = ctx.services.fileExists;
    if (!exists || !rendersMarkdown(ctx.doc)) return;
    const folder = dirname(ctx.doc.path);
    for (const resolved of modelOf(ctx).links) {
      const target = relativeTarget(resolved.url);
      if (target === undefined) continue;
      // `[https://…](words)`: link/spaced-syntax reports the swap; the words are no path.
      if (/^(?:https?:\/\/|www\.)\S+$/i.test(resolved.link.text.trim()) && !/[/.]/.test(target)) continue;
      const path = joinPath(folder, target);
      if (exists(path)) continue;
      const span = resolved.link.urlSpan ?? resolved.link.span;
      if (EMAIL_TARGET.test(target)) {
        const fixes =
          resolved.link.urlSpan && !resolved.definition
            ? [
                {
                  title: ctx.t('fixMailto', { target }),
                  edits: [{ start: span.start, end: span.start, newText: 'mailto:' }],
                  preferred: true,
                  safe: true,
                },
              ]
            : [];
        ctx.report({ span, message: ctx.t('email', { target }), fixes });
        continue;
      }
      if (ctx.services.inRepository?.(ctx.doc.path) === false) {
        // A copy of a few minutes (a download, a corpus) lacks what they link to, and nothing
        // tells that apart from a broken link: point it out, no more.
        ctx.report({ span, message: ctx.t('outsideRepository', { target, path }), maxSeverity: 'info' });
        continue;
      }
      const image = resolved.link.kind === 'image' || resolved.link.kind === 'image-reference';
      ctx.report({ span, message: ctx.t(image ? 'missingImage' : 'missing', { target, path }) });
    }
  },
};

// `progpow-audit@leastauthority.com` as a destination: an address that lost its `mailto:`.
const EMAIL_TARGET = /^[\w.+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}$/i;

/**
 * The file part of a relative destination (`../img/a%20b.png#x` → `../img/a b.png`), or
 * undefined for URLs, anchors, root-relative paths (whose root the core does not know) and
 * template placeholders.
 */
export function relativeTarget(url: string): string | undefined {
  if (!url || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('/') || url.startsWith('#')) return undefined;
  // `​https://…` (an invisible character before the scheme) is a broken URL, not a file.
  if (/[{}<>]/.test(url) || url.includes('://')) return undefined;
  const file = beforeAny(url, '?#');
  if (!file) return undefined;
  try {
    return decodeURI(file);
  } catch {
    return file;
  }
}

function dirname(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

/** Joins and folds `.` and `..` the way a `/`-separated path resolves. */
export function joinPath(folder: string, relative: string): string {
  const absolute = folder.startsWith('/');
  const parts: string[] = [];
  for (const part of `${folder}/${relative}`.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}
