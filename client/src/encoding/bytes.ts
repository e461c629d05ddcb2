/**
 * What a file's bytes say that its decoded text cannot: whether they are UTF-8 at all (or GBK
 * Chinese saved by another tool), and whether they start with a byte order mark. Only the
 * client sees the bytes; the language server gets text that VS Code already decoded, so a GBK
 * file read as UTF-8 reaches it as `�` and the damage is done on the next save. Pure, for tests.
 */
import { decodeSequence, sequenceLength } from '../../../server/src/core';

/** The encodings told apart; `legacy` is "not UTF-8, and not recognisably GBK either" (Latin-1, Big5…). */
export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'legacy';

export interface ByteFacts {
  /** `binary` (NUL bytes without a UTF-16 BOM) is no text file: nothing to say about it. */
  kind: 'text' | 'binary';
  encoding: DetectedEncoding;
  /** The bytes start with the UTF-8 byte order mark EF BB BF. */
  utf8Bom: boolean;
  /** For text that is not UTF-8: the first byte that UTF-8 cannot read, and its 0-based line. */
  firstInvalid?: { offset: number; line: number };
  /** For `gb18030`: the first line with Chinese in it, decoded, so the user can see it reads right. */
  sample?: string;
}

export const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** How much of a sample line is shown in a notification. */
const SAMPLE_LENGTH = 40;
/** Share of GBK's two-byte characters that must fall in GB2312's common region for the bytes to read as Chinese. */
const GB2312_SHARE = 0.8;

export function inspectBytes(bytes: Uint8Array): ByteFacts {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', encoding: 'utf-16le', utf8Bom: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'text', encoding: 'utf-16be', utf8Bom: false };
  if (bytes.includes(0)) return { kind: 'binary', encoding: 'legacy', utf8Bom: false };
  const utf8Bom = startsWithUtf8Bom(bytes);
  const invalid = firstInvalidUtf8(bytes);
  if (invalid === undefined) return { kind: 'text', encoding: 'utf-8', utf8Bom };
  const firstInvalid = { offset: invalid, line: lineOf(bytes, invalid) };
  const chinese = readAsChinese(bytes);
  if (chinese !== undefined) return { kind: 'text', encoding: 'gb18030', utf8Bom, firstInvalid, sample: sampleLine(chinese) };
  return { kind: 'text', encoding: 'legacy', utf8Bom, firstInvalid };
}

export function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

export function withoutUtf8Bom(bytes: Uint8Array): Uint8Array {
  return startsWithUtf8Bom(bytes) ? bytes.subarray(UTF8_BOM.length) : bytes;
}

export function withUtf8Bom(bytes: Uint8Array): Uint8Array {
  if (startsWithUtf8Bom(bytes)) return bytes;
  const out = new Uint8Array(bytes.length + UTF8_BOM.length);
  out.set(UTF8_BOM);
  out.set(bytes, UTF8_BOM.length);
  return out;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or undefined when all do. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 0 || i + length > bytes.length || decodeSequence(bytes, i, length) === undefined) return i;
    i += length;
  }
  return undefined;
}

/**
 * The bytes decoded as GB18030 when they are that and read as Chinese: nearly all two-byte
 * characters of Chinese text lie in GB2312's region (both bytes A1–FE, lead up to F7), while
 * Latin-1 text that happens to decode (`ü` + `l` = FC 6C) lands in the rare extension regions.
 */
export function readAsChinese(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    // Not GB18030, or a runtime without the decoder (a Node built with small ICU).
    return undefined;
  }
  let common = 0;
  let other = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i];
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    if (trail >= 0x30 && trail <= 0x39) {
      other++; // a four-byte GB18030 sequence: rare characters
      i += 3;
      continue;
    }
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1) common++;
    else other++;
    i++;
  }
  return common > 0 && common >= GB2312_SHARE * (common + other) ? text : undefined;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 0;
  // In UTF-8, GBK and GB18030 a 0x0A byte is always a line feed, never part of a character.
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function sampleLine(text: string): string | undefined {
  const line = text
    .split(/\r?\n/)
    .find((l) => /[\u3400-\u9fff]/.test(l))
    ?.trim();
  if (!line) return undefined;
  const chars = [...line];
  return chars.length > SAMPLE_LENGTH ? `${chars.slice(0, SAMPLE_LENGTH).join('')}…` : line;
}

/** `communityMinutes.encoding.bom`: what the team wants at the start of its UTF-8 minutes. */
export type BomPolicy = 'forbid' | 'allow' | 'require';

export function readBomPolicy(value: unknown): BomPolicy {
  return value === 'allow' || value === 'require' ? value : 'forbid';
}

/** What is wrong with the file's bytes, as the client reports it. */
export type ByteProblem =
  /** Not UTF-8, and the editor read it as UTF-8: saving would write `�` over the original characters. */
  | { id: 'encoding/not-utf8'; kind: 'damaging'; facts: ByteFacts }
  /** Not UTF-8, but the editor read it in its real encoding: fine to edit, but should be converted. */
  | { id: 'encoding/not-utf8'; kind: 'legacy'; facts: ByteFacts; editorEncoding?: string }
  | { id: 'encoding/bom'; kind: 'unwanted' | 'missing'; facts: ByteFacts };

export interface EditorView {
  /** The encoding the editor decoded the document with (`utf8`, `utf8bom`, `gbk`…), when the API tells it (VS Code 1.100+). */
  encoding?: string;
  /** The document's text holds U+FFFD: on older editors, the sign that it was read as UTF-8 and lost bytes. */
  hasReplacementChar: boolean;
}

export function byteProblems(facts: ByteFacts, editor: EditorView, policy: BomPolicy): ByteProblem[] {
  if (facts.kind === 'binary') return [];
  if (facts.encoding !== 'utf-8') {
    const readAsUtf8 = editor.encoding !== undefined ? /^utf-?8/i.test(editor.encoding) : editor.hasReplacementChar;
    if (readAsUtf8) return [{ id: 'encoding/not-utf8', kind: 'damaging', facts }];
    return [{ id: 'encoding/not-utf8', kind: 'legacy', facts, editorEncoding: editor.encoding }];
  }
  if (policy === 'forbid' && facts.utf8Bom) return [{ id: 'encoding/bom', kind: 'unwanted', facts }];
  if (policy === 'require' && !facts.utf8Bom) return [{ id: 'encoding/bom', kind: 'missing', facts }];
  return [];
}

/** A name for the user: VS Code's encoding ids (`gb18030`, `utf16le`) and ours; undefined for `legacy`, which has none. */
export function describeEncoding(encoding: string): string | undefined {
  if (encoding === 'legacy') return undefined;
  const names: Record<string, string> = {
    'utf-16le': 'UTF-16 LE',
    utf16le: 'UTF-16 LE',
    'utf-16be': 'UTF-16 BE',
    utf16be: 'UTF-16 BE',
    gb18030: 'GB18030',
    gbk: 'GBK',
    gb2312: 'GB2312',
    big5hkscs: 'Big5-HKSCS',
  };
  return names[encoding] ?? encoding.toUpperCase();
}
