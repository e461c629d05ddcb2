/**
 * GBK, for UTF-8 that was read as GBK (`基于` → `鍩轰簬`). Decoding comes from the platform's
 * `TextDecoder('gbk')` (ICU); encoding back needs the reverse table, which the platform does
 * not offer, so it is built on first use by decoding every two-byte sequence once.
 */
export interface GbkTable {
  /** The GBK bytes of a character (one byte for ASCII and `€`, two otherwise). */
  bytesOf(char: string): number[] | undefined;
  /**
   * The same for one UTF-16 code unit, without an array: the byte of ASCII and `€`, `lead << 8 |
   * trail` for two bytes, -1 when GBK has none. For scans over every character of a text.
   */
  codeOf(unit: number): number;
  decode(bytes: Uint8Array): string;
  /** Milliseconds it took to build the table. */
  buildMs: number;
}

let table: GbkTable | null | undefined;

/** The table, or undefined when the runtime has no GBK decoder (a Node built with small ICU). */
export function gbkTable(): GbkTable | undefined {
  if (table === undefined) table = buildTable();
  return table ?? undefined;
}

function buildTable(): GbkTable | null {
  let decoder: { decode(input: Uint8Array): string };
  try {
    decoder = new TextDecoder('gbk');
  } catch {
    return null;
  }
  const started = Date.now();
  // Every lead × trail pair, each followed by a newline so that an invalid pair (decoded as
  // U+FFFD plus its trail byte) cannot shift the pairs after it: one decode call for all.
  const leads = 0xfe - 0x81 + 1;
  const trails = 0xfe - 0x40 + 1;
  const buffer = new Uint8Array(leads * trails * 3);
  let n = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      buffer[n++] = lead;
      buffer[n++] = trail;
      buffer[n++] = 0x0a;
    }
  }
  const decoded = decoder.decode(buffer);
  // Every Chinese file builds this on its first check: one UTF-16 unit (all of GBK decodes to
  // one) is a slot of an array, not a string key of a map, and no piece is cut out for it.
  const bySingleUnit = new Uint16Array(0x10000);
  const byText = new Map<string, number>();
  let at = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const end = decoded.indexOf('\n', at);
      const pair = (lead << 8) | trail;
      if (trail !== 0x7f && end === at + 1) {
        const unit = decoded.charCodeAt(at);
        if (unit !== 0xfffd && bySingleUnit[unit] === 0) bySingleUnit[unit] = pair;
      } else if (trail !== 0x7f && end > at + 1) {
        const piece = decoded.slice(at, end);
        if (!piece.includes('\ufffd') && !byText.has(piece)) byText.set(piece, pair);
      }
      at = end + 1;
    }
  }
  const euro = decoder.decode(new Uint8Array([0x80]));
  const euroUnit = euro.length === 1 ? euro.charCodeAt(0) : -1;
  return {
    bytesOf(char) {
      const code = char.charCodeAt(0);
      if (char.length === 1 && code < 0x80) return [code];
      if (char === euro) return [0x80];
      const pair = char.length === 1 ? bySingleUnit[code] || undefined : byText.get(char);
      return pair === undefined ? undefined : [pair >> 8, pair & 0xff];
    },
    codeOf(unit) {
      if (unit < 0x80) return unit;
      if (unit === euroUnit) return 0x80;
      return bySingleUnit[unit] || -1;
    },
    decode: (bytes) => decoder.decode(bytes),
    buildMs: Date.now() - started,
  };
}
