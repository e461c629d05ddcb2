/** A character of the original whose UTF-8 bytes did not all survive the damage. */
export interface LostChar {
  /** The bytes that survived, lead byte first (lead bytes never go missing: only continuation bytes do). */
  present: readonly number[];
  /** Length of the character's UTF-8 sequence, announced by its lead byte. */
  length: number;
  /** Values a missing byte can have (the code page's undefined bytes, 0xAD for stripped soft hyphens). */
  choices: readonly number[];
}

/**
 * The repaired text of a span, piece by piece: known text, or a character to guess, with the
 * offsets of the mojibake it replaces. In GBK, where characters and bytes do not line up, the
 * text just before a lost character may share its offsets: the two are replaced together.
 */
export type Piece = ({ kind: 'text'; text: string } | { kind: 'lost'; lost: LostChar }) & { start: number; end: number };

/** A stretch of mojibake: UTF-8 bytes that were decoded with `encoding` and saved again. */
export interface MojibakeSpan {
  /** UTF-16 offsets in the document. */
  start: number;
  end: number;
  /** The encoding the UTF-8 bytes were wrongly read with: `windows-1252`, `gbk`… */
  encoding: string;
  pieces: Piece[];
  /** How many characters lost bytes (0: the repair is exact). */
  lostCount: number;
}

/** A copy of `span` found `by` characters further on (a line's findings placed in the document). */
export function shiftedSpan(span: MojibakeSpan, by: number): MojibakeSpan {
  return {
    ...span,
    start: span.start + by,
    end: span.end + by,
    pieces: span.pieces.map((piece) => ({ ...piece, start: piece.start + by, end: piece.end + by })),
  };
}
