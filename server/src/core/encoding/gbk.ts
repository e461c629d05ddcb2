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

interface Decoder {
  decode(input: Uint8Array): string;
}

function buildTable(): GbkTable | null {
  let decoder: Decoder;
  try {
    decoder = new TextDecoder('gbk');
  } catch {
    return null;
  }
  return buildGbkTable(decoder);
}

const FIRST_LEAD = 0x81;
const LAST_LEAD = 0xfe;
const FIRST_TRAIL = 0x40;
const LAST_TRAIL = 0xfe;
/** Never a trail byte: DEL. */
const NOT_A_TRAIL = 0x7f;
const PAIR_COUNT = (LAST_LEAD - FIRST_LEAD + 1) * (LAST_TRAIL - FIRST_TRAIL);

/**
 * The table from what `decoder` makes of every two-byte sequence. `separated` forces the slow
 * reading that holds for any decoder (tests compare both).
 */
export function buildGbkTable(decoder: Decoder, separated = false): GbkTable {
  const started = Date.now();
  // Every Chinese file builds this on its first check: one UTF-16 unit (all of GBK decodes to
  // one) is a slot of an array, not a string key of a map.
  const bySingleUnit = new Uint16Array(0x10000);
  const byText = new Map<string, number>();
  if (separated || !readPairsAtOnce(decoder, bySingleUnit)) readPairsSeparated(decoder, bySingleUnit, byText);
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

/**
 * Every pair decoded in one call, read by position: right when the decoder made one UTF-16 unit
 * of each pair and found none invalid, as Node's ICU does. Otherwise nothing is filled in.
 */
function readPairsAtOnce(decoder: Decoder, bySingleUnit: Uint16Array): boolean {
  const buffer = new Uint8Array(PAIR_COUNT * 2);
  let n = 0;
  for (let lead = FIRST_LEAD; lead <= LAST_LEAD; lead++) {
    for (let trail = FIRST_TRAIL; trail <= LAST_TRAIL; trail++) {
      if (trail === NOT_A_TRAIL) continue;
      buffer[n++] = lead;
      buffer[n++] = trail;
    }
  }
  const decoded = decoder.decode(buffer);
  if (decoded.length !== PAIR_COUNT || decoded.includes('\ufffd')) return false;
  let at = 0;
  for (let lead = FIRST_LEAD; lead <= LAST_LEAD; lead++) {
    for (let trail = FIRST_TRAIL; trail <= LAST_TRAIL; trail++) {
      if (trail === NOT_A_TRAIL) continue;
      const unit = decoded.charCodeAt(at++);
      if (bySingleUnit[unit] === 0) bySingleUnit[unit] = (lead << 8) | trail;
    }
  }
  return true;
}

/**
 * Each pair followed by a newline, so that an invalid pair (decoded as U+FFFD plus its trail
 * byte) cannot shift the pairs after it; a pair that decodes to more than one unit goes by text.
 */
function readPairsSeparated(decoder: Decoder, bySingleUnit: Uint16Array, byText: Map<string, number>): void {
  const buffer = new Uint8Array((LAST_LEAD - FIRST_LEAD + 1) * (LAST_TRAIL - FIRST_TRAIL + 1) * 3);
  let n = 0;
  for (let lead = FIRST_LEAD; lead <= LAST_LEAD; lead++) {
    for (let trail = FIRST_TRAIL; trail <= LAST_TRAIL; trail++) {
      buffer[n++] = lead;
      buffer[n++] = trail;
      buffer[n++] = 0x0a;
    }
  }
  const decoded = decoder.decode(buffer);
  let at = 0;
  for (let lead = FIRST_LEAD; lead <= LAST_LEAD; lead++) {
    for (let trail = FIRST_TRAIL; trail <= LAST_TRAIL; trail++) {
      const end = decoded.indexOf('\n', at);
      const pair = (lead << 8) | trail;
      if (trail !== NOT_A_TRAIL && end === at + 1) {
        const unit = decoded.charCodeAt(at);
        if (unit !== 0xfffd && bySingleUnit[unit] === 0) bySingleUnit[unit] = pair;
      } else if (trail !== NOT_A_TRAIL && end > at + 1) {
        const piece = decoded.slice(at, end);
        if (!piece.includes('\ufffd') && !byText.has(piece)) byText.set(piece, pair);
      }
      at = end + 1;
    }
  }
}
