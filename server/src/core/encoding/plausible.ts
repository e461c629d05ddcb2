/**
 * What a character decoded out of mojibake may be. UTF-8 read with the wrong code page is
 * Chinese, Latin, Greek or Cyrillic letters, punctuation, symbols or emoji; correct Latin text
 * that merely looks like UTF-8 (`ß“` is the bytes DF 93) decodes to NKo, Syriac, IPA or
 * unassigned code points, which is how the two are told apart.
 */
import { gbkTable } from './gbk';

export type DecodedKind = 'cjk' | 'latin' | 'letter' | 'symbol';

const UNASSIGNED_OR_PRIVATE = /[\p{Cn}\p{Co}\p{Cs}]/u;

const kinds = new Map<number, DecodedKind | undefined>();

export function decodedKind(code: number): DecodedKind | undefined {
  let kind = kinds.get(code);
  if (kind === undefined && !kinds.has(code)) {
    kind = kindOf(code);
    kinds.set(code, kind);
  }
  return kind;
}

function kindOf(code: number): DecodedKind | undefined {
  // C1 controls only come out of text that was itself mojibake with kept undefined bytes (`æŒ\x81`):
  // mojibake twice over, which is repaired one layer at a time.
  if (code < 0x80) return undefined;
  if (code <= 0x024f) return 'latin';
  // The spacing accents the code pages themselves hold (ˆ ˜ ˇ ˘ ˙ ˛ ˝): text that was mojibake already.
  if (code === 0x02c6 || code === 0x02c7 || code === 0x02d8 || code === 0x02d9 || code === 0x02db || code === 0x02dc || code === 0x02dd)
    return 'latin';
  if (code >= 0x0370 && code <= 0x04ff) return 'letter';
  if (code >= 0x1e00 && code <= 0x1eff) return 'latin';
  if (UNASSIGNED_OR_PRIVATE.test(String.fromCodePoint(code))) return undefined;
  if (code >= 0x2000 && code <= 0x2bff) return 'symbol';
  if (code >= 0x2e80 && code <= 0x9fff) return 'cjk';
  if (code >= 0xac00 && code <= 0xd7a3) return 'cjk';
  if (code >= 0xf900 && code <= 0xfaff) return 'cjk';
  if (code >= 0xfe30 && code <= 0xfe4f) return 'cjk';
  if (code >= 0xff00 && code <= 0xffef) return 'cjk';
  // A BOM read as text (`ï»¿`), emoji variation selectors, and U+FFFD (`ï¿½`: lost before this damage).
  if (code === 0xfeff || code === 0xfffd || (code >= 0xfe00 && code <= 0xfe0f)) return 'symbol';
  if (code >= 0x1f000 && code <= 0x1faff) return 'symbol';
  if (code >= 0x20000 && code <= 0x3134f) return 'cjk';
  return undefined;
}

/**
 * One of the 6,763 ideographs of GB2312, which everyday Chinese text keeps to. A lone rare one
 * out of three stray bytes (`ä””` is 䔔) is more likely Latin text quoted on purpose than damage.
 */
export function isCommonIdeograph(code: number): boolean {
  if (code < 0x3400 || (code > 0x9fff && code < 0xf900) || (code > 0xfaff && code < 0x20000)) return true;
  const table = gbkTable();
  if (!table) return code >= 0x4e00 && code <= 0x9fff;
  const bytes = table.bytesOf(String.fromCodePoint(code));
  return bytes?.length === 2 && bytes[0] >= 0xb0 && bytes[0] <= 0xf7 && bytes[1] >= 0xa1;
}
