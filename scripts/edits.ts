/**
 * Seeded random edits of the kinds an author makes while typing minutes, for the typing bench
 * and the incremental check: one character, a line break, Markdown's `#`, `[`, `@`, a whole line.
 */

/** A small seeded generator (mulberry32): the same seed gives the same edits on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Edit {
  start: number;
  end: number;
  text: string;
  kind: string;
}

const INSERTIONS = ['x', '中', '\n', '#', '# ', '[', ']', '@', '*', '`', '|', '-', ' ', ':'];

/** One edit somewhere in `text`, chosen by `random`. */
export function randomEdit(text: string, random: () => number): Edit {
  const at = Math.floor(random() * (text.length + 1));
  const roll = random();
  if (roll < 0.5 || !text.length) {
    const insert = INSERTIONS[Math.floor(random() * INSERTIONS.length)];
    return { start: at, end: at, text: insert, kind: `insert ${JSON.stringify(insert)}` };
  }
  if (roll < 0.75) {
    const start = Math.min(at, text.length - 1);
    return { start, end: start + 1, text: '', kind: 'delete a character' };
  }
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const nextBreak = text.indexOf('\n', at);
  const lineEnd = nextBreak < 0 ? text.length : nextBreak + 1;
  if (roll < 0.88) return { start: lineStart, end: lineEnd, text: '', kind: 'delete a line' };
  const line = LINES[Math.floor(random() * LINES.length)];
  return { start: lineStart, end: lineStart, text: `${line}\n`, kind: `insert the line ${JSON.stringify(line)}` };
}

const LINES = [
  '## 会议纪要',
  '- [PR](https://github.com/opencurve/curve/pull/1) @someone',
  '[1]: https://example.com',
  '```',
  '| a | b |',
  '',
  '议题：',
  '<!-- minutes-lint-disable -->',
  'Attendees: @alice, @bob',
];

export function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}
