import type { Span } from '../text/lines';

/**
 * Plain-text minutes pasted whole into one code fence (```` ```text ```` … ```` ``` ````), so that
 * the forge shows them as typed. Markdown reads one code block and nothing else; the minutes are
 * the text inside. Undefined unless the fence opens on the first non-blank line and closes on
 * the last one (or never closes).
 */
export interface WholeFence {
  /** The opening and the closing fence lines (the closing one may be missing). */
  fences: Span[];
  /** The text with the fence lines blanked out, offsets unchanged: what the readers parse. */
  inner: string;
}

const OPEN = /^[ \t]{0,3}(`{3,}|~{3,})[ \t]*(?:([\w+-]+)[ \t]*)?$/;

export function wholeFileFence(text: string): WholeFence | undefined {
  const lines = text.split('\n');
  let first = 0;
  while (first < lines.length && !lines[first].trim()) first++;
  const open = OPEN.exec((lines[first] ?? '').replace(/\r$/, ''));
  // An info string names a language: ```python around code is code, ```text or ``` is plain text.
  if (!open || (open[2] && !/^(?:te?xt|plain(?:text)?|none|markdown|md)$/i.test(open[2]))) return undefined;
  const marker = open[1];
  const closing = new RegExp(`^[ \\t]{0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
  let last = lines.length - 1;
  while (last > first && !lines[last].trim()) last--;
  // The first closing fence ends the block: it must be the file's last line, or there is none.
  let close = -1;
  for (let i = first + 1; i <= last; i++) {
    if (closing.test(lines[i].replace(/\r$/, ''))) {
      close = i;
      break;
    }
  }
  if (close !== -1 && close !== last) return undefined;
  if (close === -1 && last === first) return undefined;
  const offsets: number[] = [];
  let at = 0;
  for (const line of lines) {
    offsets.push(at);
    at += line.length + 1;
  }
  const lineSpan = (i: number): Span => ({ start: offsets[i], end: offsets[i] + lines[i].replace(/\r$/, '').length });
  const fences = close === -1 ? [lineSpan(first)] : [lineSpan(first), lineSpan(close)];
  let inner = text;
  for (const f of fences) inner = inner.slice(0, f.start) + ' '.repeat(f.end - f.start) + inner.slice(f.end);
  return { fences, inner };
}
