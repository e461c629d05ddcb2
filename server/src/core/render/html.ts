/**
 * Minutes → safe HTML for the preview pane: Markdown with GitHub's extensions (tables, task
 * lists, autolinks, footnotes), raw HTML parsed and then sanitized, plain-text minutes line by
 * line. Pure (no VS Code, no files), so tests can prove what survives sanitizing.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Lang } from '../i18n/lang';
import { parseMarkdownGuarded } from '../model/markdown';
import { sanitizeSchema } from './sanitize';

export interface RenderOptions {
  /** `plaintext` keeps the lines as written (openEuler's `.txt` minutes); default `markdown`. */
  format?: 'markdown' | 'plaintext';
  /**
   * Turns a relative image source (`../images/a.png`) into a URL the viewer may load, or
   * undefined to drop it. Called after sanitizing, with sources that have no scheme.
   */
  resolveImage?: (src: string) => string | undefined;
  /**
   * Load `http(s):` images. Off by default: an image on someone's server tells that server who
   * opened the minutes, and when (a read receipt); each becomes a link to it instead.
   */
  remoteImages?: boolean;
  /** The language of the note shown above markup rendered as plain text. */
  lang?: Lang;
}

/**
 * Larger documents are shown line by line as plain text: rendering Markdown runs on the language
 * server's one thread, and a megabyte of it would hold up every check for seconds.
 */
export const MAX_RENDERED_MARKDOWN = 1024 * 1024;

const NOTES: Record<'degraded' | 'tooLarge', Record<Lang, string>> = {
  degraded: {
    en: 'Some markup of this document is shown as plain text: it holds more markers or deeper nesting than can be rendered in time.',
    zh: '本文档的部分标记以纯文本显示：其中的标记过多或嵌套过深，无法及时渲染。',
  },
  tooLarge: {
    en: 'This document is too large to render as Markdown in the editor: it is shown as plain text.',
    zh: '文档过大，无法在编辑器中渲染为 Markdown：以纯文本显示。',
  },
};

/** Elements that get a `data-line` (0-based source line), so the preview can follow the editor. */
const LINE_TAGS = new Set([
  'img',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'table',
  'tr',
  'hr',
  'ul',
  'ol',
  'div',
  'details',
]);

export function renderMinutesHtml(text: string, options: RenderOptions = {}): string {
  const tooLarge = options.format !== 'plaintext' && text.length > MAX_RENDERED_MARKDOWN;
  const { tree, degraded } =
    options.format === 'plaintext' || tooLarge ? { tree: plainTextTree(text), degraded: false } : markdownTree(text);
  const note = tooLarge ? 'tooLarge' : degraded ? 'degraded' : undefined;
  if (note) tree.children.unshift(noteElement(NOTES[note][options.lang ?? 'en']));
  const clean = sanitizer.runSync(tree);
  rewriteImages(clean, options);
  return sanitizer.stringify(clean);
}

const markdownToHtmlTree = unified()
  // Raw HTML is kept only to be parsed (rehype-raw) and then sanitized: minutes do use
  // `<img width>` and `<ruby>`, and the sanitizer, not this step, decides what survives.
  .use(remarkRehype, { allowDangerousHtml: true })
  .freeze();

const rawHtmlParser = unified().use(rehypeRaw).freeze();

const sanitizer = unified().use(rehypeSanitize, sanitizeSchema).use(rehypeStringify).freeze();

/** The same bounded parse as the document model (model/guard.ts): what would stall it renders as text. */
function markdownTree(text: string): { tree: Root; degraded: boolean } {
  const parsed = parseMarkdownGuarded(text);
  let tree = markdownToHtmlTree.runSync(parsed.root);
  // Parsing raw HTML re-reads the whole tree (it is most of the rendering time): only when there is some.
  if (hasRaw(tree)) tree = rawHtmlParser.runSync(tree);
  markLines(tree);
  return { tree, degraded: parsed.degraded.length > 0 };
}

function noteElement(text: string): RootContent {
  return { type: 'element', tagName: 'p', properties: { className: ['minutes-note'] }, children: [{ type: 'text', value: text }] };
}

function hasRaw(node: Root | RootContent): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && node.children.some((child) => hasRaw(child));
}

function markLines(tree: Root): void {
  visitElements(tree, (element) => {
    const line = element.position?.start.line;
    if (line !== undefined && LINE_TAGS.has(element.tagName)) element.properties.dataLine = line - 1;
  });
}

// A scheme (`https:`, `javascript:`) or a protocol-relative `//host`: not a workspace file.
const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const REMOTE = /^(?:https?:)?\/\//i;

function rewriteImages(tree: Root, options: RenderOptions): void {
  visitElements(tree, (element) => {
    if (element.tagName !== 'img') return;
    const src = element.properties.src;
    if (typeof src !== 'string') return;
    if (REMOTE.test(src)) {
      if (!options.remoteImages) becomeLink(element, src.startsWith('//') ? `https:${src}` : src);
      return;
    }
    if (ABSOLUTE.test(src)) return;
    const resolved = options.resolveImage?.(src);
    if (resolved) element.properties.src = resolved;
    else delete element.properties.src;
  });
}

/** A remote image shown as a link to it (its alt text, else its address): nothing is fetched. */
function becomeLink(image: Element, href: string): void {
  const alt = typeof image.properties.alt === 'string' && image.properties.alt.trim() ? image.properties.alt : href;
  image.tagName = 'a';
  image.properties = { href, title: href, className: ['remote-image'], dataLine: image.properties.dataLine };
  image.children = [{ type: 'text', value: alt }];
}

function visitElements(node: Root | Element, visit: (element: Element) => void): void {
  for (const child of node.children) {
    if (child.type === 'element') {
      visit(child);
      visitElements(child, visit);
    }
  }
}

// Bare URLs in plain-text minutes become links; trailing punctuation stays outside.
const URL = /https?:\/\/[^\s<>"'，。；、）)]+[^\s<>"'，。；、）).,;:!?]/g;

/** One paragraph per line, so plain-text minutes look as written and scroll line by line. */
function plainTextTree(text: string): Root {
  const lines = text.split(/\r\n|\r|\n/);
  const children: ElementContent[] = lines.map((line, index) => ({
    type: 'element',
    tagName: 'p',
    properties: { className: ['line'], dataLine: index },
    children: linkify(line),
  }));
  const wrapper: RootContent = { type: 'element', tagName: 'div', properties: { className: ['plaintext'] }, children };
  return { type: 'root', children: [wrapper] };
}

function linkify(line: string): ElementContent[] {
  const out: ElementContent[] = [];
  let last = 0;
  for (const m of line.matchAll(URL)) {
    if (m.index > last) out.push({ type: 'text', value: line.slice(last, m.index) });
    out.push({ type: 'element', tagName: 'a', properties: { href: m[0] }, children: [{ type: 'text', value: m[0] }] });
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push({ type: 'text', value: line.slice(last) });
  return out;
}
