import type { Fix, TextEdit } from '../rules/types';

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
  return compatibleFixes(fixes).flatMap((fix) => fix.edits);
}

/** The fixes that can be applied together: each one whose edits overlap no earlier one's. */
export function compatibleFixes<F extends { edits: readonly TextEdit[] }>(fixes: readonly F[]): F[] {
  const taken: TextEdit[] = [];
  const kept: F[] = [];
  for (const fix of fixes) {
    const clash = fix.edits.some((e) =>
      taken.some((t) => (e.start < t.end && t.start < e.end) || (e.start === e.end && t.start === t.end && e.start === t.start)),
    );
    if (clash) continue;
    taken.push(...fix.edits);
    kept.push(fix);
  }
  return kept;
}

const BOM = 0xfeff;

/**
 * Fits a rule's fix to the text it repairs. Rules write line breaks as `\n`; each edit gets the
 * line break the file uses where the edit lands (CRLF, a lone CR, or LF: mixed files keep each
 * place's own). A leading byte order mark stays first: nothing is inserted before it, and no
 * edit removes it.
 */
export function fitFixToText(fix: Fix, text: string): Fix {
  const edits = fix.edits.map((edit) => fitEdit(edit, text));
  return edits.every((e, i) => e === fix.edits[i]) ? fix : { ...fix, edits };
}

function fitEdit(edit: TextEdit, text: string): TextEdit {
  let { start, end, newText } = edit;
  if (start === 0 && text.charCodeAt(0) === BOM) {
    start = 1;
    end = Math.max(end, 1);
  }
  if (/[\r\n]/.test(newText)) {
    const eol = lineBreakAt(text, start);
    if (eol !== '\n' || newText.includes('\r')) newText = newText.replace(/\r\n|\r|\n/g, eol);
  }
  return start === edit.start && end === edit.end && newText === edit.newText ? edit : { start, end, newText };
}

/** The line break ending the line at `offset` (else the one before it; LF in a text of one line). */
export function lineBreakAt(text: string, offset: number): string {
  const after = nextBreak(text, offset);
  if (after) return after;
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
    if (c === 13) return '\r';
  }
  return '\n';
}

function nextBreak(text: string, from: number): string | undefined {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return '\n';
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
  }
  return undefined;
}
