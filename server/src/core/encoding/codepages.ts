/**
 * Single-byte code pages that UTF-8 text is most often mis-decoded with, written out by hand:
 * Node's `TextDecoder('windows-1252')` decodes as Latin-1 on Node 20/22 (nodejs/node#56542),
 * so the platform cannot be trusted for the 0x80–0x9F row that mojibake lives in.
 */
export interface CodePage {
  /** WHATWG label: `windows-1252`. */
  name: string;
  /** Character of each byte; `undefined` where the code page leaves the byte undefined. */
  readonly chars: ReadonlyArray<string | undefined>;
  /** Bytes the code page leaves undefined: a careless decoder drops them. */
  readonly undefinedBytes: readonly number[];
  /** The byte of a character, including the C1 control a lenient decoder keeps for an undefined byte. */
  byteOf(char: string): number | undefined;
}

/** 0x80–0x9F of Windows-1252; `0` marks an undefined byte. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** 0x80–0xFF of Windows-1250 (Central European). */
const CP1250_HIGH = [
  0x20ac, 0, 0x201a, 0, 0x201e, 0x2026, 0x2020, 0x2021, 0, 0x2030, 0x0160, 0x2039, 0x015a, 0x0164, 0x017d, 0x0179, 0, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0, 0x2122, 0x0161, 0x203a, 0x015b, 0x0165, 0x017e, 0x017a, 0x00a0, 0x02c7, 0x02d8, 0x0141, 0x00a4,
  0x0104, 0x00a6, 0x00a7, 0x00a8, 0x00a9, 0x015e, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x017b, 0x00b0, 0x00b1, 0x02db, 0x0142, 0x00b4, 0x00b5,
  0x00b6, 0x00b7, 0x00b8, 0x0105, 0x015f, 0x00bb, 0x013d, 0x02dd, 0x013e, 0x017c, 0x0154, 0x00c1, 0x00c2, 0x0102, 0x00c4, 0x0139, 0x0106,
  0x00c7, 0x010c, 0x00c9, 0x0118, 0x00cb, 0x011a, 0x00cd, 0x00ce, 0x010e, 0x0110, 0x0143, 0x0147, 0x00d3, 0x00d4, 0x0150, 0x00d6, 0x00d7,
  0x0158, 0x016e, 0x00da, 0x0170, 0x00dc, 0x00dd, 0x0162, 0x00df, 0x0155, 0x00e1, 0x00e2, 0x0103, 0x00e4, 0x013a, 0x0107, 0x00e7, 0x010d,
  0x00e9, 0x0119, 0x00eb, 0x011b, 0x00ed, 0x00ee, 0x010f, 0x0111, 0x0144, 0x0148, 0x00f3, 0x00f4, 0x0151, 0x00f6, 0x00f7, 0x0159, 0x016f,
  0x00fa, 0x0171, 0x00fc, 0x00fd, 0x0163, 0x02d9,
];

function makeCodePage(name: string, high: (byte: number) => number): CodePage {
  const chars: Array<string | undefined> = [];
  const undefinedBytes: number[] = [];
  const bytes = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const code = b < 0x80 ? b : high(b);
    if (b >= 0x80 && code === 0) {
      chars.push(undefined);
      undefinedBytes.push(b);
      // A lenient decoder (the WHATWG one, Python's "sloppy" codecs) keeps the byte as a C1 control.
      bytes.set(String.fromCharCode(b), b);
    } else {
      const char = String.fromCharCode(code);
      chars.push(char);
      bytes.set(char, b);
    }
  }
  return { name, chars, undefinedBytes, byteOf: (char) => bytes.get(char) };
}

const latin1High = (b: number) => b;
const cp1252High = (b: number) => (b < 0xa0 ? CP1252_HIGH[b - 0x80] : b);
/** Windows-1254 (Turkish) is 1252 with six letters swapped in and Ž ž left undefined. */
const CP1254_CHANGES: Record<number, number> = {
  0x8e: 0,
  0x9e: 0,
  0xd0: 0x011e,
  0xdd: 0x0130,
  0xde: 0x015e,
  0xf0: 0x011f,
  0xfd: 0x0131,
  0xfe: 0x015f,
};
const cp1254High = (b: number) => (b in CP1254_CHANGES ? CP1254_CHANGES[b] : cp1252High(b));

export const WINDOWS_1252 = makeCodePage('windows-1252', cp1252High);
export const WINDOWS_1254 = makeCodePage('windows-1254', cp1254High);
export const WINDOWS_1250 = makeCodePage('windows-1250', (b) => CP1250_HIGH[b - 0x80]);
export const LATIN_1 = makeCodePage('iso-8859-1', latin1High);

/** In the order ties are broken: the code page seen most in the wild first. */
export const CODE_PAGES: readonly CodePage[] = [WINDOWS_1252, WINDOWS_1254, WINDOWS_1250, LATIN_1];

/** Decodes bytes the way a careless tool did: undefined bytes dropped (`keepUndefined` keeps them as C1 controls). */
export function decodeSingleByte(page: CodePage, bytes: Uint8Array, keepUndefined = false): string {
  let out = '';
  for (const b of bytes) {
    const char = page.chars[b];
    if (char !== undefined) out += char;
    else if (keepUndefined) out += String.fromCharCode(b);
  }
  return out;
}

/** True when the character can come out of decoding some byte with one of the code pages. */
export function isCodePageChar(code: number): boolean {
  if (code < 0x80) return false;
  return code < 0x100 || HIGH_CHARS.has(code);
}

const HIGH_CHARS = new Set<number>([...CP1252_HIGH, ...CP1250_HIGH, ...Object.values(CP1254_CHANGES)].filter((c) => c !== 0));
