/**
 * Regular expressions that come from data — templates, configuration, rule options — are
 * untrusted: a pull request can put `^(a+)+$` in a template, and JavaScript's backtracking engine
 * would spend hours on one line. Every such pattern is compiled here, by RE2JS (./re2.ts), an
 * engine whose time is linear in the text whatever the pattern (it has no back-references or
 * lookaheads, which is what makes that possible). It is plain JavaScript, so the same core runs in
 * the CLI, the language server, the extension host and a browser worker. The one exception is
 * explicit (`engineFor`): a pattern of our own built-in templates and rules, listed exactly in
 * ./builtin-patterns.ts and proven safe by the tests, runs on JavaScript's engine (./native.ts).
 *
 * Patterns are written in JavaScript's syntax (docs/templates.md); the few spellings RE2 reads
 * differently are translated, so that `\s` still matches a full-width space and `.` still stops
 * at `\r`. What cannot be translated (lookaheads, back-references) is an invalid pattern, which
 * configuration loading reports on the configuration's line.
 */
import { BUILTIN_PATTERNS } from './builtin-patterns';
import { mayMatch, requiredTexts, type Needs } from './literals';
import { NativePattern } from './native';
import { compileRe2 } from './re2';

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

/** Compiles a pattern written in JavaScript's syntax with RE2JS; an invalid or unsupported one comes back as an error, never thrown. */
export function compilePattern(source: string, flags: PatternFlags = {}): Compiled {
  if (typeof source !== 'string') return { error: 'not a string' };
  return compileRe2(source, flags);
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
