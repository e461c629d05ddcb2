import type { Ordinal } from './types';

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 → 1, 十二 → 12, 二十 → 20, 二十三 → 23. Undefined for anything else. */
export function chineseNumber(text: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十]+$/.test(text)) return undefined;
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? CHINESE_DIGITS[text] : undefined;
  if (text.indexOf('十', ten + 1) >= 0) return undefined;
  const tens = ten === 0 ? 1 : text.length > 0 && ten === 1 ? CHINESE_DIGITS[text[0]] : undefined;
  const unitText = text.slice(ten + 1);
  const units = unitText === '' ? 0 : unitText.length === 1 ? CHINESE_DIGITS[unitText] : undefined;
  if (tens === undefined || units === undefined) return undefined;
  return tens * 10 + units;
}

const CHINESE_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function toChineseNumber(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n];
  if (n < 20) return '十' + CHINESE_NUMERALS[n - 10];
  const tens = Math.floor(n / 10);
  return CHINESE_NUMERALS[tens] + '十' + CHINESE_NUMERALS[n % 10];
}

// `一、` `二.` `3、` `4.` `(5)` `（六）`: at most two Arabic digits so years and `4.13` dates stay titles.
// `、` never sits inside a number, so `3、2209 的计划` is topic 3 about 2209.
const ORDINAL =
  /^(?:[(（]\s*([零〇一二两三四五六七八九十]{1,3}|\d{1,2})\s*[)）]|([零〇一二两三四五六七八九十]{1,3}|\d{1,2})\s*(、|[.．，,:：)）](?!\d)))[ \t\u3000]*/;

/** Reads an ordinal at the start of `text`; `offset` is where `text` starts in the document. */
export function readOrdinal(text: string, offset: number): Ordinal | undefined {
  const m = ORDINAL.exec(text);
  if (!m) return undefined;
  const digits = m[1] ?? m[2];
  const punct = m[1] !== undefined ? '()' : m[3];
  const arabic = /^\d+$/.test(digits);
  const value = arabic ? Number(digits) : chineseNumber(digits);
  if (value === undefined) return undefined;
  return {
    text: m[0].trimEnd(),
    value,
    style: arabic ? 'arabic' : 'chinese',
    punct,
    span: { start: offset, end: offset + m[0].trimEnd().length },
  };
}
