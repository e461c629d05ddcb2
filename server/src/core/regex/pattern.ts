/**
 * Regular expressions that come from data — templates, configuration, rule options — are
 * untrusted: a pull request can put `^(a+)+$` in a template, and JavaScript's backtracking engine
 * would spend hours on one line. Every such pattern is compiled here, by RE2JS, an engine whose
 * time is linear in the text whatever the pattern (it has no back-references or lookaheads,
 * which is what makes that possible). It is plain JavaScript, so the same core runs in the CLI,
 * the language server, the extension host and a browser worker.
 *
 * Patterns are written in JavaScript's syntax (docs/templates.md); the few spellings RE2 reads
 * differently are translated, so that `\s` still matches a full-width space and `.` still stops
 * at `\r`. What cannot be translated (lookaheads, back-references) is an invalid pattern, which
 * configuration loading reports on the configuration's line.
 */
import { RE2JS } from 're2js';
import { BUILTIN_PATTERNS } from './builtin-patterns';
import { mayMatch, requiredTexts, type Needs } from './literals';
import { NativePattern } from './native';

export interface PatternFlags {
  ignoreCase?: boolean;
  /** `^` and `$` at line ends. */
  multiline?: boolean;
}

export interface GroupMatch {
  start: number;
  end: number;
  text: string;
}

/** One match; offsets are UTF-16 indexes into the text, as JavaScript's own. */
export interface PatternMatch {
  index: number;
  end: number;
  text: string;
  /** By number (index 0 is the whole match); undefined for a group that took no part. */
  groups: Array<GroupMatch | undefined>;
  named: Record<string, GroupMatch | undefined>;
}

export interface DataPattern {
  readonly source: string;
  /** RE2JS, or JavaScript's own engine for a vetted built-in pattern (./native.ts). */
  readonly engine: 're2' | 'native';
  test(text: string): boolean;
  /** The first match starting at or after `from`. */
  exec(text: string, from?: number): PatternMatch | undefined;
  /** Every match, left to right, without overlaps. */
  matchAll(text: string): Generator<PatternMatch>;
}

export type Compiled = { pattern: DataPattern } | { error: string };

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
export function compilePattern(source: string, flags: PatternFlags = {}): Compiled {
  if (typeof source !== 'string') return { error: 'not a string' };
  let re: RE2JS;
  try {
    const bits = RE2JS.LOOKBEHINDS | (flags.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0) | (flags.multiline ? RE2JS.MULTILINE : 0);
    re = RE2JS.compile(toRe2Syntax(source), bits);
  } catch (error) {
    return { error: explain(error) };
  }
  return { pattern: new Re2Pattern(source, re, flags.multiline === true) };
}

/** A pattern with its flags, as ./builtin-patterns.ts lists them: `im/source`. */
export function patternKey(source: string, flags: PatternFlags = {}): string {
  return `${flags.ignoreCase ? 'i' : ''}${flags.multiline ? 'm' : ''}/${source}`;
}

/**
 * Which engine runs a pattern. JavaScript's own only for a source and flags listed, exactly, among
 * the built-in patterns the tests vetted; every other pattern (whatever a repository's
 * configuration or template says) runs on RE2JS, whose time is linear whatever the pattern.
 */
export function engineFor(source: string, flags: PatternFlags = {}): 'native' | 're2' {
  return typeof source === 'string' && BUILTIN_PATTERNS.has(patternKey(source, flags)) ? 'native' : 're2';
}

function compileFor(source: string, flags: PatternFlags): Compiled {
  if (engineFor(source, flags) === 'native') {
    const slow = () => {
      const compiled = compilePattern(source, flags);
      if ('error' in compiled) throw new Error(`built-in pattern ${source}: ${compiled.error}`);
      return compiled.pattern;
    };
    try {
      return { pattern: new NativePattern(source, flags, slow) };
    } catch {
      // A JavaScript that cannot read it (the tests say every one can): RE2JS, as before.
    }
  }
  return compilePattern(source, flags);
}

/** Compiled patterns, shared: templates are applied to every document, configs are edited live. */
const cache = new Map<string, Compiled>();
const CACHE_LIMIT = 2000;

function cached(source: string, flags: PatternFlags): Compiled {
  const key = patternKey(source, flags);
  let compiled = cache.get(key);
  if (!compiled) {
    // Patterns typed into an open configuration come and go; the built-ins' few hundred stay under the limit.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    compiled = compileFor(source, flags);
    cache.set(key, compiled);
  }
  return compiled;
}

/** The keys (`patternKey`) of the patterns compiled so far: scripts/builtin-patterns.ts lists the built-ins from it. */
export function compiledPatternKeys(): string[] {
  return [...cache.keys()];
}

/** Forgets every compiled pattern (tests and scripts that count what a run compiles). */
export function clearPatternCache(): void {
  cache.clear();
}

/** The compiled pattern, or undefined when it is invalid (configuration loading has reported it). */
export function dataPattern(source: string, flags: PatternFlags = {}): DataPattern | undefined {
  const compiled = cached(source, flags);
  return 'pattern' in compiled ? compiled.pattern : undefined;
}

const needsOfSource = new Map<string, Needs>();

/**
 * Does the pattern match somewhere in the text? An invalid pattern matches nothing. A pattern
 * whose required texts (./literals.ts) are not in the text is not compiled: detection tries
 * every built-in template's patterns on each file, most of them on files of other templates.
 */
export function patternFound(source: string, flags: PatternFlags, text: string): boolean {
  if (!flags.ignoreCase) {
    let needs = needsOfSource.get(source);
    if (!needs) {
      if (needsOfSource.size >= CACHE_LIMIT) needsOfSource.clear();
      needs = requiredTexts(source);
      needsOfSource.set(source, needs);
    }
    if (!mayMatch(needs, text)) return false;
  }
  return dataPattern(source, flags)?.test(text) === true;
}

/** Why a pattern cannot be used, or undefined when it can. */
export function patternError(source: string, flags: PatternFlags = {}): string | undefined {
  const compiled = cached(source, flags);
  return 'error' in compiled ? compiled.error : undefined;
}

/** A literal text as a pattern source (for building patterns around data). */
export function quotePattern(text: string): string {
  // Never used inside a class, where `-` would need its escape; outside one, JavaScript's `u` mode refuses `\-`.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
