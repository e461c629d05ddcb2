/** Short quotes of repaired text for messages and fix titles: a title must fit on one line. */
const WIDTH = 24;

export function preview(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length <= WIDTH ? chars.join('') : chars.slice(0, WIDTH - 1).join('') + '…';
}

/** The part of `text` around its first difference from `other`, so that alternatives can be told apart. */
export function previewDifference(text: string, other: string): string {
  const a = [...text.replace(/\s+/g, ' ')];
  const b = [...other.replace(/\s+/g, ' ')];
  if (a.length <= WIDTH) return a.join('');
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  const from = Math.max(0, Math.min(at - 8, a.length - WIDTH + 2));
  const to = Math.min(a.length, from + WIDTH - 2);
  return (from > 0 ? '…' : '') + a.slice(from, to).join('') + (to < a.length ? '…' : '');
}

/** The character just before an offset (a whole surrogate pair), for context. */
export function charBefore(text: string, offset: number): string | undefined {
  if (offset <= 0) return undefined;
  const low = text.charCodeAt(offset - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && offset >= 2 ? offset - 2 : offset - 1;
  return String.fromCodePoint(text.codePointAt(start)!);
}

export function charAfter(text: string, offset: number): string | undefined {
  return offset < text.length ? String.fromCodePoint(text.codePointAt(offset)!) : undefined;
}
