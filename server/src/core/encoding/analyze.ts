import type { MinutesDocument } from '../model/types';
import { findGbkMojibake } from './detect-gbk';
import { findSingleByteMojibake } from './detect-single-byte';
import type { MojibakeSpan } from './types';

/**
 * All mojibake in a text, in order. Detection uses only the built-in statistics so that the same
 * text always gets the same findings, whatever the workspace holds.
 */
export function findMojibake(text: string): MojibakeSpan[] {
  const singleByte = findSingleByteMojibake(text);
  const gbk = findGbkMojibake(text).filter((g) => !singleByte.some((s) => s.start < g.end && g.start < s.end));
  return [...singleByte, ...gbk].sort((a, b) => a.start - b.start);
}

const perDocument = new WeakMap<MinutesDocument, MojibakeSpan[]>();

/** The mojibake of a document version, found once and shared by the encoding rules. */
export function mojibakeOf(doc: MinutesDocument): MojibakeSpan[] {
  let spans = perDocument.get(doc);
  if (!spans) {
    spans = findMojibake(doc.text);
    perDocument.set(doc, spans);
  }
  return spans;
}

export function insideMojibake(doc: MinutesDocument, offset: number): boolean {
  return mojibakeOf(doc).some((s) => s.start <= offset && offset < s.end);
}
