import { insideAny } from '../text/spans';
import type { MinutesDocument } from '../model/types';
import type { Span } from '../text/lines';

/**
 * Helpers for the rules that read the raw text for links Markdown did not parse
 * (`[text] (url)`, a destination broken across lines, `[text][27]` with no definition).
 */

/** Inside a code block, inline code or HTML: not Markdown, never a link. */
export function inCode(doc: MinutesDocument, offset: number): boolean {
  return insideAny(offset, doc.verbatim);
}

/**
 * Inside a link Markdown did parse (bare URLs excepted: remark-gfm finds those even inside
 * the parentheses of a broken link), but not at its very start.
 */
export function insideParsedLink(doc: MinutesDocument, offset: number): boolean {
  return insideAny(offset, parsedLinks(doc).inner);
}

/** A parsed (non-bare) link that ends exactly here. */
export function parsedLinkEndsAt(doc: MinutesDocument, offset: number): boolean {
  return parsedLinks(doc).ends.has(offset);
}

interface ParsedLinks {
  length: number;
  /** Each parsed link's span less its first character. */
  inner: Span[];
  ends: Set<number>;
}

const parsedLinkIndex = new WeakMap<MinutesDocument['links'], ParsedLinks>();

/** The document's parsed links, indexed once: rules ask about every bracket of a file with thousands of links. */
function parsedLinks(doc: MinutesDocument): ParsedLinks {
  let entry = parsedLinkIndex.get(doc.links);
  if (entry?.length === doc.links.length) return entry;
  const parsed = doc.links.filter((l) => l.kind !== 'bare');
  entry = {
    length: doc.links.length,
    inner: parsed.map((l) => ({ start: l.span.start + 1, end: l.span.end })),
    ends: new Set(parsed.map((l) => l.span.end)),
  };
  parsedLinkIndex.set(doc.links, entry);
  return entry;
}

/** Destinations that are clearly meant as links: a URL, a path to a file, an anchor. */
export function looksLikeDestination(dest: string): boolean {
  return (
    /^(?:https?:\/\/|ftp:\/\/|mailto:|www\.)\S/i.test(dest) ||
    /^(?:\.{1,2}\/|\/)[^\s/]/.test(dest) ||
    // `#2057` after a title names a PR; an anchor is a heading's slug.
    (/^#[^\s#]/.test(dest) && !/^#\d+$/.test(dest)) ||
    /^[\w.-]+(?:\/[\w.%-]+)*\.(?:md|markdown|txt|png|jpe?g|gif|svg|webp|pdf|html?)$/i.test(dest)
  );
}

/** How Markdown compares reference labels: case-folded, inner whitespace collapsed. */
export function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .trim()
    .toLowerCase()
    .toUpperCase()
    .toLowerCase();
}

/**
 * Whether the document is read as rendered Markdown. Plain `.txt` minutes (openEuler TC), and
 * plain text pasted whole into a code fence, are shown as typed, so Markdown link syntax there
 * is neither broken nor a link.
 */
export function rendersMarkdown(doc: MinutesDocument): boolean {
  return !/\.txt$/i.test(doc.path) && !doc.wrappingFence;
}
