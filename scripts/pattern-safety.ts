/**
 * Whether a built-in pattern may run on JavaScript's own engine (server/src/core/regex/native.ts):
 * RE2JS and JavaScript (with `u`) both read it, and scslre finds no way to make JavaScript's
 * backtracking super-linear on it. scslre looks for attack strings that repeat one character,
 * assuming a rejecting suffix can always be found (the strictest reading: a pattern is also used
 * inside `^(?:…)$` and on any text). scripts/builtin-patterns.ts lists only patterns that pass;
 * test/unit/builtin-patterns.test.ts checks every listed one again, and compares the two engines'
 * answers on adversarial and random text.
 */
import { analyse } from 'scslre';
import { jsFlags } from '../server/src/core/regex/native';
import { compilePattern, type PatternFlags } from '../server/src/core/regex/pattern';

export interface KeyedPattern {
  source: string;
  flags: PatternFlags;
}

/** `im/source` (core/regex/pattern.ts `patternKey`) back into its parts. */
export function fromKey(key: string): KeyedPattern {
  const slash = key.indexOf('/');
  const letters = key.slice(0, slash);
  return { source: key.slice(slash + 1), flags: { ignoreCase: letters.includes('i'), multiline: letters.includes('m') } };
}

/** Why the pattern must stay on RE2JS, or undefined when JavaScript's engine may run it. */
export function refusal({ source, flags }: KeyedPattern): string | undefined {
  const re2 = compilePattern(source, flags);
  if ('error' in re2) return `RE2JS cannot read it: ${re2.error}`;
  try {
    new RegExp(source, jsFlags(flags));
  } catch (error) {
    return `JavaScript cannot read it with the u flag: ${String(error)}`;
  }
  const { reports } = analyse({ source, flags: jsFlags(flags) }, { assumeRejectingSuffix: true });
  if (reports.length)
    return `super-linear backtracking: ${reports.map((r) => `${r.type}${r.exponential ? ' (exponential)' : ''} on "${r.character.pick}"`).join(', ')}`;
  return undefined;
}
