/**
 * Reads bytes as UTF-8 the way mojibake repair needs: not just "valid or not", but which
 * sequences are whole characters, which lost continuation bytes (a lead byte that never
 * goes missing, followed by too few continuation bytes), and which bytes belong to nothing.
 */
export type Utf8Token =
  /** One byte below 0x80. */
  | { kind: 'ascii'; start: number; end: number; code: number }
  /** A well-formed multi-byte character. */
  | { kind: 'char'; start: number; end: number; code: number }
  /** A lead byte with fewer continuation bytes than it announces. */
  | { kind: 'partial'; start: number; end: number; length: number }
  /** A byte that starts nothing and continues nothing, or an ill-formed sequence. */
  | { kind: 'stray'; start: number; end: number };

export function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}

/** Length of the sequence a lead byte announces; 0 for bytes that cannot start one. */
export function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The code point of a complete sequence, or undefined when it is overlong, a surrogate or too large. */
export function decodeSequence(bytes: ArrayLike<number>, start: number, length: number): number | undefined {
  const lead = bytes[start];
  const second = bytes[start + 1];
  for (let i = 1; i < length; i++) if (!isContinuation(bytes[start + i])) return undefined;
  // The second byte's narrower ranges rule out overlong forms, surrogates and values past U+10FFFF.
  if (lead === 0xe0 && second < 0xa0) return undefined;
  if (lead === 0xed && second > 0x9f) return undefined;
  if (lead === 0xf0 && second < 0x90) return undefined;
  if (lead === 0xf4 && second > 0x8f) return undefined;
  if (length === 2) return ((lead & 0x1f) << 6) | (second & 0x3f);
  if (length === 3) return ((lead & 0x0f) << 12) | ((second & 0x3f) << 6) | (bytes[start + 2] & 0x3f);
  return ((lead & 0x07) << 18) | ((second & 0x3f) << 12) | ((bytes[start + 2] & 0x3f) << 6) | (bytes[start + 3] & 0x3f);
}

export function tokenizeUtf8(bytes: ArrayLike<number>): Utf8Token[] {
  const tokens: Utf8Token[] = [];
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      tokens.push({ kind: 'ascii', start: i, end: i + 1, code: lead });
      i++;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 0) {
      tokens.push({ kind: 'stray', start: i, end: i + 1 });
      i++;
      continue;
    }
    let end = i + 1;
    while (end < bytes.length && end - i < length && isContinuation(bytes[end])) end++;
    if (end - i < length) {
      tokens.push({ kind: 'partial', start: i, end, length });
    } else {
      const code = decodeSequence(bytes, i, length);
      tokens.push(code === undefined ? { kind: 'stray', start: i, end } : { kind: 'char', start: i, end, code });
    }
    i = end;
  }
  return tokens;
}

/** UTF-8 bytes of a string (no platform encoder needed, and no replacement of lone surrogates surprises). */
export function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
