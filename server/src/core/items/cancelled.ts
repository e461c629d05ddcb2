import type { Meeting } from './meetings';

/**
 * Minutes of a meeting that did not take place: `## This Meeting Was Cancelled since it was on a
 * US holiday` (Node.js CommComm keeps the unfilled agenda under it), `本次例会取消`,
 * `2026-03-canceled.md`. Nothing was said there, so nothing in them was carried over, dropped or
 * left un-updated.
 */
export function isCancelled(meeting: Meeting): boolean {
  let cancelled = cache.get(meeting);
  if (cancelled === undefined) cache.set(meeting, (cancelled = readCancelled(meeting)));
  return cancelled;
}

const cache = new WeakMap<Meeting, boolean>();

/** The opening lines say it: the title, a note under it, the date line. */
const OPENING_LINES = 6;
const FILE_NAME = /cancell?ed|取消/i;
const SAYS_CANCELLED = [
  /\b(?:meeting|call|sync)\b[^.\n]{1,40}\b(?:cancell?ed|skipped)\b/i,
  /^[\W_]*(?:cancell?ed|no meeting (?:this|today))\b/i,
  /(?:会议|例会|周会|本次|本周|本期)[^。\n]{0,8}(?:取消|暂停|停开)/,
  /(?:取消|暂停)[^。\n]{0,4}(?:会议|例会|周会)/,
];

function readCancelled(meeting: Meeting): boolean {
  if (FILE_NAME.test(meeting.path.slice(meeting.path.lastIndexOf('/') + 1))) return true;
  const { doc } = meeting;
  const opening: string[] = [];
  for (let line = 0; line < doc.lines.lineCount && opening.length < OPENING_LINES; line++) {
    const text = doc.lines.lineText(line).trim();
    if (text) opening.push(text);
  }
  return opening.some((line) => line.length <= 200 && SAYS_CANCELLED.some((p) => p.test(line)));
}
