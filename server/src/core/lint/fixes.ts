import type { TextEdit } from '../rules/types';

/**
 * Applies edits to a text. Overlapping edits are skipped (the first one wins) and reported,
 * so that several fixes applied together can never garble the text: a later run picks up the rest.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number; skipped: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  let applied = 0;
  let skipped = 0;
  for (const e of sorted) {
    if (e.start < cursor || e.end < e.start || e.end > text.length) {
      skipped++;
      continue;
    }
    out += text.slice(cursor, e.start) + e.newText;
    cursor = e.end;
    applied++;
  }
  return { text: out + text.slice(cursor), applied, skipped };
}

/** Combines fixes into one edit list, dropping any fix whose edits overlap an earlier fix's. */
export function mergeFixEdits(fixes: ReadonlyArray<{ edits: readonly TextEdit[] }>): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    const clash = fix.edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === e.end && t.start === t.end && e.start === t.start)));
    if (!clash) taken.push(...fix.edits);
  }
  return taken;
}
