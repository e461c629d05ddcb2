import type { MinutesDocument } from '../model/types';
import { grams, type Grams } from '../text/grams';
import { linkKeys } from './extract';

/** A few lines of a document, as `mentionScore` compares an item with them. */
export interface TextWindow {
  raw: string;
  text: Grams;
  links: ReadonlySet<string>;
}

/** Three lines: enough for an item with its owner on the next line, too few to match by chance. */
const WINDOW_LINES = 3;

const cache = new WeakMap<MinutesDocument, TextWindow[]>();

/** Every run of three lines of the document (an item carried over may come back anywhere). */
export function textWindows(doc: MinutesDocument): TextWindow[] {
  let windows = cache.get(doc);
  if (windows) return windows;
  const keys = linkKeys(doc);
  windows = [];
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const start = doc.lines.lineStart(line);
    const end = doc.lines.lineEnd(Math.min(doc.lines.lineCount - 1, line + WINDOW_LINES - 1));
    const text = doc.text.slice(start, end);
    if (!text.trim()) continue;
    windows.push({
      raw: text,
      text: grams(text),
      links: new Set(keys.filter((k) => k.forge && k.span.start >= start && k.span.end <= end).map((k) => k.key)),
    });
  }
  cache.set(doc, windows);
  return windows;
}
