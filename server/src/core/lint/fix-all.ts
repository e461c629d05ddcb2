import type { Fix } from '../rules/types';
import { lint, type Diagnostic, type LintInput, type LintResult } from './engine';
import { applyEdits, compatibleFixes } from './fixes';

/** Passes of fix, lint again; real minutes settle in two. */
export const MAX_FIX_PASSES = 10;

/** What `--fix` applies for a diagnostic: its preferred (else first) fix, when safe, or when lossy fixes are allowed. */
export function autoFixes(d: Diagnostic, lossy: boolean): Fix[] {
  const fix = d.fixes.find((f) => f.preferred) ?? d.fixes[0];
  return fix && (fix.safe || (lossy && fix.preferred)) ? [fix] : [];
}

export interface FixedText {
  text: string;
  /** The lint result of `text`. */
  result: LintResult;
  /** Fixes applied. */
  fixed: number;
  /** Diagnostics whose fix was refused because their own diagnostic survived it. */
  refused: Diagnostic[];
}

/**
 * Applies the fixes `pick` chooses, lints again and repeats until nothing is left to fix: one
 * run reaches the fixed point, so a second run fixes nothing. A fix after which its own
 * diagnostic is still there (a section inserted where an unclosed code fence hides it) is
 * refused and the pass is made again without it: applying it would change the file on every
 * run without ever repairing it.
 */
export async function fixUntilStable(input: LintInput, pick: (d: Diagnostic) => Fix[], linted?: LintResult): Promise<FixedText> {
  let text = input.text;
  let result = linted ?? (await lint({ ...input, text }));
  let fixed = 0;
  const refusedKeys = new Set<string>();
  const refused: Diagnostic[] = [];
  // A fix that seems stuck gets a second chance in a later pass: in the same pass another
  // fix may have made one more of its kind (removing one control character, repairing a
  // line that holds another). Stuck twice, it is refused.
  const suspects = new Set<string>();
  let waiting = new Set<string>();
  const seen = new Set<string>([text]);
  for (let pass = 0; pass < MAX_FIX_PASSES * 3; pass++) {
    const wanted = result.diagnostics
      .filter((d) => !refusedKeys.has(keyOf(d)) && !waiting.has(keyOf(d)))
      .flatMap((d) => pick(d).map((fix) => ({ d, fix, edits: fix.edits })));
    // Fixes that overlap an earlier one wait for the next pass: only those applied are judged.
    const chosen = compatibleFixes(wanted);
    if (!chosen.length) {
      if (!waiting.size) break;
      waiting = new Set();
      continue;
    }
    const applied = applyEdits(
      text,
      chosen.flatMap((c) => c.edits),
    );
    if (applied.text === text) break;
    const next = await lint({ ...input, text: applied.text });
    const stuck = chosen.filter((c) => sameCount(next.diagnostics, c.d) >= sameCount(result.diagnostics, c.d));
    // Back where an earlier pass was: the fixes undo each other. Refuse them all.
    const cycling = seen.has(applied.text);
    if (stuck.length || cycling) {
      for (const c of cycling ? chosen : stuck) {
        const key = keyOf(c.d);
        if (refusedKeys.has(key)) continue;
        if (!cycling && !suspects.has(key)) {
          suspects.add(key);
          waiting.add(key);
          continue;
        }
        refusedKeys.add(key);
        refused.push(c.d);
      }
      continue;
    }
    seen.add(applied.text);
    text = applied.text;
    result = next;
    fixed += chosen.length;
    waiting = new Set();
  }
  return { text, result, fixed, refused };
}

function keyOf(d: Diagnostic): string {
  return `${d.rule}\u0000${d.message}`;
}

function sameCount(diagnostics: Diagnostic[], d: Diagnostic): number {
  return diagnostics.filter((x) => x.rule === d.rule && x.message === d.message).length;
}
