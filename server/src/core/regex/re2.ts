/**
 * RE2JS, the linear-time engine that runs every pattern from data (./pattern.ts): the patterns of
 * a repository's templates and configuration, and any built-in one JavaScript would read apart.
 * A module of its own, exporting only functions: the CLI's bundle loads it on first use
 * (dist/cli-re2.js, scripts/build.mjs), since a run with the built-in templates alone may never
 * need it.
 */
import { RE2JS } from 're2js';
import type { Compiled, DataPattern, GroupMatch, PatternFlags, PatternMatch } from './pattern';

// JavaScript's `\s`: ASCII white space, every Unicode space separator (`\p{Z}`: U+3000, NBSP…) and U+FEFF.
const JS_SPACE = '\\t-\\r\\p{Z}\\x{FEFF}';
// JavaScript's `.` without the `s` flag.
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

/** JavaScript spellings RE2 reads differently or not at all, rewritten; anything else is left for RE2 to judge. */
export function toRe2Syntax(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      const unicode = /^u\{([0-9a-fA-F]{1,6})\}|^u([0-9a-fA-F]{4})/.exec(source.slice(i + 1));
      if (unicode) {
        out += `\\x{${unicode[1] ?? unicode[2]}}`;
        i += unicode[0].length;
      } else if (next === 's') {
        out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
        i++;
      } else if (next === 'S' && !inClass) {
        out += `[^${JS_SPACE}]`;
        i++;
      } else {
        out += c + next;
        i++;
      }
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      if (source.startsWith('[^]', i)) {
        out += '[\\x{0}-\\x{10FFFF}]';
        i += 2;
        continue;
      }
      if (source.startsWith('[]', i)) {
        out += '[^\\x{0}-\\x{10FFFF}]';
        i += 1;
        continue;
      }
      inClass = true;
      out += c;
      // A `]` right after `[` or `[^` is a literal in RE2 but closes an empty class in JavaScript: not reached here.
      if (source[i + 1] === '^') {
        out += '^';
        i++;
      }
      continue;
    }
    out += c === '.' ? JS_DOT : c;
  }
  return out;
}

const UNSUPPORTED: Array<[RegExp, string]> = [
  [/invalid or unsupported Perl syntax: `\(\?[=!]/, 'lookahead (?= or (?! is not supported: it needs a backtracking engine'],
  [/invalid escape sequence: `\\[1-9k]/, 'back-references (\\1, \\k<name>) are not supported: they need a backtracking engine'],
];

function explain(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  for (const [test, friendly] of UNSUPPORTED) if (test.test(message)) return friendly;
  return message.replace(/^error parsing regexp: /, '');
}

/** Texts up to this long have their `test` results remembered, at most `SHORT_RESULTS_KEPT` per pattern. */
const SHORT_TEXT = 256;
const SHORT_RESULTS_KEPT = 1024;

class Re2Pattern implements DataPattern {
  readonly engine = 're2';
  private readonly names: Array<[string, number]>;
  private readonly shortResults = new Map<string, boolean>();
  private readonly groupCount: number;

  constructor(
    readonly source: string,
    private readonly re: RE2JS,
    private readonly multiline: boolean,
  ) {
    this.names = Object.entries(re.namedGroups());
    this.groupCount = re.groupCount();
  }

  /** RE2's `^`/`$` know `\n` only; JavaScript's also `\r`. Same length, so offsets hold. */
  private input(text: string): string {
    return this.multiline && text.includes('\r') ? text.replace(/\r/g, '\n') : text;
  }

  test(text: string): boolean {
    if (text.length > SHORT_TEXT) return this.re.test(this.input(text));
    // Section titles and labels: each is tested against every pattern of the template on every validation.
    let result = this.shortResults.get(text);
    if (result === undefined) {
      result = this.re.test(this.input(text));
      if (this.shortResults.size >= SHORT_RESULTS_KEPT) this.shortResults.clear();
      this.shortResults.set(text, result);
    }
    return result;
  }

  exec(text: string, from = 0): PatternMatch | undefined {
    const matcher = this.re.matcher(this.input(text));
    return matcher.find(from) ? this.read(matcher, text) : undefined;
  }

  *matchAll(text: string): Generator<PatternMatch> {
    const matcher = this.re.matcher(this.input(text));
    while (matcher.find()) yield this.read(matcher, text);
  }

  private read(matcher: ReturnType<RE2JS['matcher']>, text: string): PatternMatch {
    const groups: Array<GroupMatch | undefined> = [];
    for (let g = 0; g <= this.groupCount; g++) {
      const start = matcher.start(g);
      const end = matcher.end(g);
      groups.push(start < 0 || end < 0 ? undefined : { start, end, text: text.slice(start, end) });
    }
    const named: Record<string, GroupMatch | undefined> = {};
    for (const [name, index] of this.names) named[name] = groups[index];
    const whole = groups[0]!;
    return { index: whole.start, end: whole.end, text: whole.text, groups, named };
  }
}

/** Compiles a pattern written in JavaScript's syntax with RE2JS; an invalid or unsupported one comes back as an error, never thrown. */
export function compileRe2(source: string, flags: PatternFlags): Compiled {
  let re: RE2JS;
  try {
    const bits = RE2JS.LOOKBEHINDS | (flags.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0) | (flags.multiline ? RE2JS.MULTILINE : 0);
    re = RE2JS.compile(toRe2Syntax(source), bits);
  } catch (error) {
    return { error: explain(error) };
  }
  return { pattern: new Re2Pattern(source, re, flags.multiline === true) };
}
