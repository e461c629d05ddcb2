/*
 * Linear replacements for `replace(/[…]+$/, '')` and `replace(/[?#].*$/, '')`: on a long run of
 * those characters that does not reach the end, a regular expression retries from every
 * character of the run, which is quadratic in the run's length.
 */

/** `s` without the characters of `chars` at its end. */
export function trimEndOf(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return s.slice(0, end);
}

/** `s` without the characters of `chars` at its start. */
export function trimStartOf(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s[start])) start++;
  return s.slice(start);
}

/** `s` up to the first character of `chars` (a URL without its `?query` and `#hash`). */
export function beforeAny(s: string, chars: string): string {
  for (let i = 0; i < s.length; i++) if (chars.includes(s[i])) return s.slice(0, i);
  return s;
}

/** `s` without the characters at its end that `drop` accepts. */
export function trimEndWhere(s: string, drop: (ch: string) => boolean): string {
  let end = s.length;
  while (end > 0 && drop(s[end - 1])) end--;
  return s.slice(0, end);
}
