import type { Nodes, Root } from 'mdast';
import { LineIndex, type Span } from '../text/lines';
import { insideAny } from '../text/spans';
import { wholeFileFence } from './fence';
import { splitCredits } from './footer';
import { parseMarkdownGuarded, type ParsedMarkdown } from './markdown';
import { readOrdinal } from './ordinal';
import { spanOf, walk } from './tree';
import type { Definition, DocumentFormat, Field, HtmlComment, Link, Mention, MinutesDocument, Section } from './types';
import { trimEndOf } from '../text/trim';
import { LineScan } from '../text/line-scan';

export interface ParseOptions {
  /** Force a format; by default `.txt` files and Markdown without headings are plain text. */
  format?: DocumentFormat;
  /**
   * For plain text: the section names the template knows (compared by `normalizeName`). Only
   * label lines with these names start a section, so that `会议结论：` inside a topic does not
   * split the agenda. Without it every label line is a section.
   */
  sectionNames?: (name: string) => boolean;
  /** Parses the Markdown (a host's memo of trees it parsed already); by default `parseMarkdownGuarded`. */
  markdown?: (source: string) => ParsedMarkdown;
}

export function parseMinutes(text: string, path: string, options: ParseOptions = {}): MinutesDocument {
  const lines = new LineIndex(text);
  // Plain-text minutes pasted whole into one fence are read as the text inside.
  const fence = wholeFileFence(text);
  const source = fence?.inner ?? text;
  const { root: mdast, degraded } = (options.markdown ?? parseMarkdownGuarded)(source);
  const collected = collect(mdast, source);
  const hasHeadings = collected.headings.length > 0;
  const format: DocumentFormat = fence
    ? 'plaintext'
    : (options.format ?? (/\.txt$/i.test(path) || !hasHeadings ? 'plaintext' : 'markdown'));
  // Plain-text minutes indent points and sub-items; that indentation does not make them code.
  const verbatim = format === 'plaintext' ? collected.verbatim.filter((s) => !collected.indentedCode.includes(s)) : collected.verbatim;

  const sections =
    format === 'markdown' ? headingSections(collected.headings, text, lines) : labelSections(text, verbatim, options.sectionNames);
  linkTree(sections, text.length, lines);
  for (const s of sections) s.hasContent = hasContent(text.slice(s.body.start, s.body.end));

  const title = format === 'markdown' ? sections.find((s) => s.level === 1) : undefined;
  const fields = [
    ...lcttHeaderFields(lines),
    ...splitCredits(lineFields(text, verbatim)),
    ...(format === 'markdown' ? sectionFields(sections, text, lines) : []),
  ];

  return {
    path,
    text,
    format,
    lines,
    mdast,
    title,
    sections,
    outline: sections.filter((s) => !s.parent),
    fields,
    links: collected.links,
    definitions: collected.definitions,
    mentions: findMentions(text, verbatim, collected.links),
    comments: collected.comments,
    verbatim,
    degraded,
    ...(fence ? { wrappingFence: fence.fences } : {}),
  };
}

interface HeadingNode {
  depth: number;
  span: Span;
  content: Span;
  plain: string;
  setext: boolean;
}

interface Collected {
  headings: HeadingNode[];
  links: Link[];
  definitions: Definition[];
  comments: HtmlComment[];
  verbatim: Span[];
  /** Code blocks made by indentation alone: code in Markdown, ordinary indented lines in plain text. */
  indentedCode: Span[];
}

export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

function collect(root: Root, text: string): Collected {
  const out: Collected = { headings: [], links: [], definitions: [], comments: [], verbatim: [], indentedCode: [] };
  walk(root, (node) => {
    const span = spanOf(node);
    switch (node.type) {
      case 'heading': {
        if (!span) break;
        const first = node.children.length ? spanOf(node.children[0]) : undefined;
        const last = node.children.length ? spanOf(node.children[node.children.length - 1]) : undefined;
        const content = first && last ? { start: first.start, end: last.end } : { start: span.end, end: span.end };
        const setext = !/^[ \t]{0,3}#/.test(text.slice(span.start, span.end));
        out.headings.push({ depth: node.depth, span, content, plain: plainText(node).trim(), setext });
        break;
      }
      case 'link': {
        if (!span) break;
        const source = text.slice(span.start, span.end);
        const kind = source.startsWith('<') ? 'autolink' : source.startsWith('[') ? 'inline' : 'bare';
        out.links.push({ kind, url: node.url, text: plainText(node), span, urlSpan: urlSpanOf(source, span, node.url, kind) });
        break;
      }
      case 'image':
        if (span)
          out.links.push({
            kind: 'image',
            url: node.url,
            text: node.alt ?? '',
            span,
            urlSpan: urlSpanOf(text.slice(span.start, span.end), span, node.url, 'inline'),
          });
        break;
      case 'linkReference':
      case 'imageReference':
        if (span) {
          out.links.push({
            kind: node.type === 'linkReference' ? 'reference' : 'image-reference',
            url: '',
            text: plainText(node),
            span,
            label: node.identifier,
          });
        }
        break;
      case 'definition':
        if (span) out.definitions.push({ label: node.identifier, url: node.url, span });
        break;
      case 'html':
        if (span) {
          out.verbatim.push(span);
          if (/^\s*<!--/.test(node.value)) out.comments.push({ text: node.value, span });
        }
        break;
      case 'code':
        if (span) {
          out.verbatim.push(span);
          if (!/^[ \t]{0,3}(?:`{3,}|~{3,})/.test(text.slice(span.start, span.end))) out.indentedCode.push(span);
        }
        break;
      case 'inlineCode':
        if (span) out.verbatim.push(span);
        break;
      default:
        // Other nodes matter only for their children.
        break;
    }
  });
  // Inline HTML comments inside paragraphs are `html` nodes too; comments that span several
  // blocks are caught here so that inline disable directives always work.
  for (const m of text.matchAll(/<!--[\s\S]*?-->/g)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (!out.comments.some((c) => c.span.start <= span.start && span.end <= c.span.end)) {
      out.comments.push({ text: m[0], span });
    }
  }
  out.comments.sort((a, b) => a.span.start - b.span.start);
  out.verbatim.sort((a, b) => a.start - b.start);
  return out;
}

function urlSpanOf(source: string, span: Span, url: string, kind: Link['kind']): Span | undefined {
  if (kind === 'bare') return span;
  if (kind === 'autolink') return { start: span.start + 1, end: span.end - 1 };
  const open = source.lastIndexOf('](');
  if (open < 0) return undefined;
  const at = source.indexOf(url, open);
  const start = at >= 0 ? at : open + 2;
  let end = at >= 0 ? at + url.length : source.length - 1;
  if (at < 0) {
    // The destination was written with escapes or angle brackets: cover up to the title or `)`.
    const close = source.search(/(?<!\s)\s+["'(]|\)$/);
    if (close > start) end = close;
  }
  return { start: span.start + start, end: span.start + end };
}

function headingSections(headings: HeadingNode[], text: string, lines: LineIndex): Section[] {
  return headings.map((h) => {
    const raw = text.slice(h.content.start, h.content.end);
    const ordinal = readOrdinal(raw, h.content.start);
    const plain = ordinal ? stripOrdinalPlain(h.plain) : h.plain;
    const headingEnd = lines.lineEnd(lines.position(h.span.end).line);
    return {
      kind: 'heading',
      title: plain,
      rawTitle: raw,
      level: h.depth,
      setext: h.setext,
      ordinal,
      heading: { start: h.span.start, end: headingEnd },
      titleSpan: h.content,
      body: { start: headingEnd, end: text.length },
      hasContent: false,
      children: [],
    } satisfies Section;
  });
}

function stripOrdinalPlain(plain: string): string {
  const o = readOrdinal(plain, 0);
  return o ? plain.slice(o.span.end).trim() : plain;
}

// `议题列表：` `一、上期遗留问题跟踪：` `Meeting Agenda 会议议题：`: short, unindented, ends in a colon
// (a note in brackets may follow: `议题：（议题申报放前面）`).
const LABEL_LINE = /^(\S[^：:]{0,40}?)\s*[：:]\s*(?:[(（][^)）\n]*[)）]\s*)?$/;
// `议题` or `三、本期遗留问题` alone on a line: a section only when the template knows the name.
const BARE_LABEL_LINE = /^(\S[^：:]{0,40}?)\s*$/;

interface LabelLine {
  /** The label as written, ordinal included. */
  name: string;
  /** Alone on its line, without a colon: a section only when the template knows the name. */
  bare: boolean;
  lineLength: number;
}

// A label is one line: each line's is read once while an author types.
const labelLines = new LineScan<LabelLine>((lineText) => {
  const label = LABEL_LINE.exec(lineText);
  if (label) return [{ name: label[1], bare: false, lineLength: lineText.length }];
  const alone = BARE_LABEL_LINE.exec(lineText);
  return alone ? [{ name: alone[1], bare: true, lineLength: lineText.length }] : [];
});

function labelSections(text: string, verbatim: Span[], known: ((name: string) => boolean) | undefined): Section[] {
  const sections: Section[] = [];
  for (const { start, items } of labelLines.of(text)) {
    for (const { name, bare, lineLength } of items) {
      if ((bare && !known) || insideAny(start, verbatim)) continue;
      const ordinal = readOrdinal(name, start);
      const title = ordinal ? name.slice(ordinal.span.end - start).trim() : name.trim();
      if (!title || (known && !known(title))) continue;
      const end = start + lineLength;
      sections.push({
        kind: 'label',
        title,
        rawTitle: name,
        level: 1,
        setext: false,
        ordinal,
        heading: { start, end },
        titleSpan: { start, end: start + name.length },
        body: { start: end, end: text.length },
        hasContent: false,
        children: [],
      });
    }
  }
  return sections;
}

/** Sets parents, children and where each body ends: at the next section of the same or a higher level. */
function linkTree(sections: Section[], textEnd: number, lines: LineIndex): void {
  const stack: Section[] = [];
  for (const s of sections) {
    while (stack.length && stack[stack.length - 1].level >= s.level) {
      stack.pop()!.body.end = lines.lineStart(lines.position(s.heading.start).line);
    }
    const parent = stack[stack.length - 1];
    if (parent) {
      s.parent = parent;
      parent.children.push(s);
    }
    stack.push(s);
  }
  for (const s of stack) s.body.end = textEnd;
}

function hasContent(body: string): boolean {
  return body.replace(/<!--[\s\S]*?-->/g, '').trim().length > 0;
}

// LCTT: `[#]: translator: (wxy)` before 2022, `[#]: translator: "wxy"` since.
const LCTT_HEADER = /^\[#\]:\s*([A-Z][\w-]*)\s*:[ \t]*((?:[^ \t].*)?)$/i;

/** Is this one line an LCTT header line (which Markdown reads as a link definition)? */
export function isLcttHeaderLine(line: string): boolean {
  return LCTT_HEADER.test(line);
}

function lcttHeaderFields(lines: LineIndex): Field[] {
  const fields: Field[] = [];
  for (let line = 0; line < Math.min(lines.lineCount, 40); line++) {
    const lineText = lines.lineText(line);
    const m = LCTT_HEADER.exec(lineText);
    if (!m) continue;
    const start = lines.lineStart(line);
    const labelStart = start + lineText.indexOf(m[1], 4);
    const valueStart = start + lineText.length - m[2].length;
    const raw = trimEndOf(m[2], ' \t');
    fields.push({
      source: 'lctt-header',
      label: m[1],
      value: unquote(raw),
      rawValue: raw,
      labelSpan: { start: labelStart, end: labelStart + m[1].length },
      valueSpan: { start: valueStart, end: valueStart + raw.length },
      span: lines.lineSpan(line),
    });
  }
  return fields;
}

export function unquote(value: string): string {
  const v = value.trim();
  if ((v.startsWith('"') && v.endsWith('"') && v.length >= 2) || (v.startsWith('(') && v.endsWith(')'))) {
    return v.slice(1, -1).trim();
  }
  return v;
}

// `轮值主持：卞乃猛`, `- **Date**: 2023-04-12`, `Data 日期： 2023-4-12`. Labels are short and hold no URL.
// The label starts with a visible character and the value is trimmed afterwards: a regular
// expression that lets two runs of spaces trade characters is quadratic on a long line of spaces.
const FIELD_LINE =
  /^([ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?)([^：:\n*`[\]()<> \t][^：:\n*`[\]()<>]{0,39}?)((?:\*\*|__)?[ \t]*[：:](?:\*\*|__)?[ \t]*)((?:[^ \t].*)?)$/;

/** A field line's parts, offsets relative to its line. */
interface LineField {
  label: string;
  rawValue: string;
  /** Where the label may start: after indentation, a list marker and bold markup. */
  labelArea: number;
  labelAt: number;
  valueAt: number;
  lineLength: number;
}

// A field is one line: each line's is read once while an author types.
const fieldLines = new LineScan<LineField>((lineText) => {
  if (lineText.startsWith('[#]:')) return [];
  const m = FIELD_LINE.exec(lineText);
  if (!m) return [];
  const label = m[2].trim();
  const rawValue = trimEndOf(m[4], ' \t');
  // `https://…` and `19:00` are not fields.
  if (!label || rawValue.startsWith('//') || (/\d$/.test(label) && /^\d/.test(rawValue))) return [];
  const labelArea = m[1].length;
  return [
    {
      label,
      rawValue,
      labelArea,
      labelAt: labelArea + m[2].indexOf(label),
      valueAt: labelArea + m[2].length + m[3].length,
      lineLength: lineText.length,
    },
  ];
});

function lineFields(text: string, verbatim: Span[]): Field[] {
  const fields: Field[] = [];
  for (const { start, items } of fieldLines.of(text)) {
    for (const f of items) {
      if (insideAny(start + f.labelArea, verbatim)) continue;
      fields.push({
        source: 'line',
        label: f.label,
        value: f.rawValue.trim(),
        rawValue: f.rawValue,
        labelSpan: { start: start + f.labelAt, end: start + f.labelAt + f.label.length },
        valueSpan: { start: start + f.valueAt, end: start + f.valueAt + f.rawValue.length },
        span: { start, end: start + f.lineLength },
      });
    }
  }
  return fields;
}

/** `## 时间` followed by `2023/04/27 19:00~19:30`: the section's first line of text is its value. */
function sectionFields(sections: Section[], text: string, lines: LineIndex): Field[] {
  const fields: Field[] = [];
  for (const s of sections) {
    const first = lines.position(s.body.start).line + 1;
    const last = lines.position(s.body.end).line;
    let valueSpan: Span = { start: s.body.start, end: s.body.start };
    for (let line = first; line <= last && line < lines.lineCount; line++) {
      const span = lines.lineSpan(line);
      if (span.start >= s.body.end) break;
      if (lines.lineText(line).trim()) {
        valueSpan = span;
        break;
      }
    }
    const raw = text.slice(valueSpan.start, valueSpan.end);
    fields.push({
      source: 'section',
      label: s.title,
      value: raw.trim(),
      rawValue: raw,
      labelSpan: s.titleSpan,
      valueSpan,
      span: { start: s.heading.start, end: s.body.end },
    });
  }
  return fields;
}

// `@Wine93`, `@数名开发者`; not e-mail addresses (`a@b.c`), not `npm i @scope/pkg`. A table cell
// ends at `|` (`@login|2024-11-07`); `@**name**`, `@_**name**` and `@_name_` are chat mentions
// (Zulip) or emphasis, markup no forge login starts with. A Feishu task writes its due time
// straight after the owner: `@林一⏰2023-12-02 20:00`.
export const MENTION = /(?<![\w.@/\\`-])@(?![_\\])([^\s@,，、。;；:：()（）[\]<>*`'"!！?？/|\u23f0]+)/g;

// `Released ipfs-http-client @30.1.0`: a version, as npm writes `package@version`; `if you would
// like to be @-ed`: the verb for being mentioned; `is an @-prefix the right way`: the sign itself.
const NOT_A_HANDLE =
  /^(?:v?\d+(?:\.\d+)+(?:[-+][\w.-]*)?|-(?:ed|ing|mention(?:ed|s|ing)?|prefix(?:es|ed)?|sign|symbol|syntax|notation|ping(?:s|ed)?|tag(?:s|ged|ging)?))$/i;

function findMentions(text: string, verbatim: Span[], links: Link[]): Mention[] {
  const mentions: Mention[] = [];
  for (const m of text.matchAll(MENTION)) {
    const start = m.index;
    if (insideAny(start, verbatim)) continue;
    if (links.some((l) => l.urlSpan && l.urlSpan.start <= start && start < l.urlSpan.end)) continue;
    const handle = trimEndOf(m[1], '.');
    if (NOT_A_HANDLE.test(handle)) continue;
    mentions.push({ handle, span: { start, end: start + 1 + handle.length } });
  }
  return mentions;
}
