import type { Fix } from '../rules/types';
import { lint, type Diagnostic, type LintInput, type LintResult } from './engine';
import { applyEdits, mergeFixEdits } from './fixes';

/** A fix can uncover another (an inserted section that now needs its own field): a few passes, never endless. */
const MAX_FIX_PASSES = 10;

/** The fix `--fix` applies for a diagnostic: its preferred (else first) fix, when safe, or when lossy fixes are allowed. */
export function autoFix(d: Diagnostic, lossy: boolean): Fix | undefined {
  const fix = d.fixes.find((f) => f.preferred) ?? d.fixes[0];
  return fix && (fix.safe || (lossy && fix.preferred)) ? fix : undefined;
}

/**
 * Applies the automatic fixes of a lint result, lints again and repeats until nothing is left
 * to fix (or a pass changes nothing). `first` is the result for `input.text`.
 */
export async function fixUntilStable(input: LintInput, first: LintResult, lossy: boolean): Promise<{ text: string; result: LintResult; fixed: number }> {
  let text = input.text;
  let result = first;
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = result.diagnostics.flatMap((d) => autoFix(d, lossy) ?? []);
    if (!fixes.length) break;
    const applied = applyEdits(text, mergeFixEdits(fixes));
    if (!applied.applied || applied.text === text) break;
    text = applied.text;
    fixed += fixes.length;
    result = await lint({ ...input, text });
  }
  return { text, result, fixed };
}
