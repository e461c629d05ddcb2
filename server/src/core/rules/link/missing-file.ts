import { rendersMarkdown } from '../../links/scan';
import type { Rule } from '../types';
import { modelOf } from './model';
import { beforeAny } from '../../text/trim';

export const missingFile: Rule = {
  id: 'link/missing-file',
  defaultSeverity: 'warning',
  description: {
    en: 'A relative link or image to a file that does not exist (resolved against the document\'s folder, case-sensitively).',
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
  },
  check(ctx) {
    const exists = ctx.services.fileExists;
    if (!exists || !rendersMarkdown(ctx.doc)) return;
    const folder = dirname(ctx.doc.path);
    for (const resolved of modelOf(ctx).links) {
      const target = relativeTarget(resolved.url);
      if (target === undefined) continue;
      const path = joinPath(folder, target);
      if (exists(path)) continue;
      const image = resolved.link.kind === 'image' || resolved.link.kind === 'image-reference';
      ctx.report({
        span: resolved.link.urlSpan ?? resolved.link.span,
        message: ctx.t(image ? 'missingImage' : 'missing', { target, path }),
      });
    }
  },
};

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
