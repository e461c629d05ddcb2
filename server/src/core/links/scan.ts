import { insideAny } from '../text/spans';
import type { MinutesDocument } from '../model/types';

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
  return doc.links.some((l) => l.kind !== 'bare' && l.span.start < offset && offset < l.span.end);
}

/** A parsed (non-bare) link that starts exactly here. */
export function parsedLinkAt(doc: MinutesDocument, offset: number): boolean {
  return doc.links.some((l) => l.kind !== 'bare' && l.span.start === offset);
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
