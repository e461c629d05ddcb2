/**
 * The built-in patterns (those of the templates and rules we ship, listed in ./builtin-patterns.ts)
 * run on JavaScript's own engine: compiling one with RE2JS costs a cold `minutes-lint` run about
 * a tenth of its instructions, and these patterns are ours. Each is checked by
 * test/unit/builtin-patterns.test.ts: no super-linear backtracking (scslre), and the same answers
 * as RE2JS on adversarial and random text. Any other pattern, above all one from a repository's
 * configuration, stays on RE2JS (./pattern.ts decides, on the exact source and flags).
 *
 * The `u` flag makes JavaScript read text by code point and fold case by Unicode's simple case
 * folding, as RE2 does. Where the two engines would still read a text differently, this pattern
 * hands that text to RE2JS: line separators U+2028/U+2029 under `multiline` (RE2's `^`/`$` know
 * `\n` only), lone UTF-16 halves, and, ignoring case, `ſ` (U+017F) and the Kelvin sign (U+212A),
 * which JavaScript's `\w` and `\b` count as letters when case is folded and RE2's do not.
 */
import type { DataPattern, GroupMatch, PatternFlags, PatternMatch } from './pattern';

const LINE_SEPARATORS = /[\u2028\u2029]/;
const LONE_HALF = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const FOLDED_INTO_ASCII = /[\u017f\u212a]/;

/** The flags JavaScript runs a pattern with: always `u`, as RE2 reads code points. */
export function jsFlags(flags: PatternFlags, extra = ''): string {
  return `${flags.ignoreCase ? 'i' : ''}${flags.multiline ? 'm' : ''}u${extra}`;
}

export class NativePattern implements DataPattern {
  readonly engine = 'native';
  private readonly tester: RegExp;
  private finder: RegExp | undefined;
  private other: DataPattern | undefined;

  /** `slow`: the same pattern on RE2JS, compiled only if a text needs it. Throws on a source JavaScript cannot read with `u`. */
  constructor(
    readonly source: string,
    private readonly flags: PatternFlags,
    private readonly slow: () => DataPattern,
  ) {
    this.tester = new RegExp(source, jsFlags(flags));
  }

  /** The texts RE2JS would read differently. */
  private differs(text: string): boolean {
    return (
      LONE_HALF.test(text) ||
      (this.flags.multiline === true && LINE_SEPARATORS.test(text)) ||
      (this.flags.ignoreCase === true && FOLDED_INTO_ASCII.test(text))
    );
  }

  private fallback(): DataPattern {
    return (this.other ??= this.slow());
  }

  test(text: string): boolean {
    return this.differs(text) ? this.fallback().test(text) : this.tester.test(text);
  }

  exec(text: string, from = 0): PatternMatch | undefined {
    if (this.differs(text)) return this.fallback().exec(text, from);
    const re = (this.finder ??= new RegExp(this.source, jsFlags(this.flags, 'dg')));
    re.lastIndex = from;
    const m = re.exec(text);
    return m ? read(m) : undefined;
  }

  *matchAll(text: string): Generator<PatternMatch> {
    if (this.differs(text)) {
      yield* this.fallback().matchAll(text);
      return;
    }
    // A regex of its own: the caller may call exec between two matches.
    const re = new RegExp(this.source, jsFlags(this.flags, 'dg'));
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // After an empty match, one code point on, as RE2JS's matcher does (and String.prototype.matchAll).
      if (m[0] === '') re.lastIndex += (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
      yield read(m);
    }
  }
}

function read(m: RegExpExecArray): PatternMatch {
  const indices = m.indices!;
  const groups: Array<GroupMatch | undefined> = [];
  for (let g = 0; g < m.length; g++) {
    const at = indices[g];
    groups.push(at ? { start: at[0], end: at[1], text: m[g] } : undefined);
  }
  const named: Record<string, GroupMatch | undefined> = {};
  if (indices.groups && m.groups) {
    for (const name of Object.keys(indices.groups)) {
      const at = indices.groups[name];
      named[name] = at ? { start: at[0], end: at[1], text: m.groups[name] } : undefined;
    }
  }
  const whole = groups[0]!;
  return { index: whole.start, end: whole.end, text: whole.text, groups, named };
}
