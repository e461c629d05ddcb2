/**
 * Globs from data (template `detect.paths` and `variants[].when.paths`, configuration `files` and
 * `links.repos`) become patterns of the linear-time engine (./pattern.ts). A general glob library
 * compiles them for JavaScript's backtracking engine, where `*a*a*a*a*a*a*a*b` takes minutes on a
 * 60-character path.
 *
 * The syntax: `*` (within a path segment), `**` (any number of segments, when it is a whole
 * segment), `?`, `[abc]`, `[!a-z]`, `{a,b}` (nested), `\` to escape, and a leading `!` to negate.
 */
import { patternError, patternFound, quotePattern, type PatternFlags } from './pattern';

export interface GlobOptions {
  /** A glob without `/` matches the last segment of the path. Default: true. */
  basename?: boolean;
  nocase?: boolean;
}

interface Glob {
  source: string;
  flags: PatternFlags;
  negated: boolean;
  basename: boolean;
}

/** The closing `]` of a class opened at `open`, or -1 (then `[` is a literal). */
function classEnd(glob: string, open: number): number {
  let i = open + 1;
  if (glob[i] === '!' || glob[i] === '^') i++;
  if (glob[i] === ']') i++;
  for (; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === ']') return i;
  }
  return -1;
}

/** The closing `}` of a brace opened at `open`, and its top-level commas; undefined without commas. */
function braceParts(glob: string, open: number): { end: number; commas: number[] } | undefined {
  const commas: number[] = [];
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const end = classEnd(glob, i);
      if (end > 0) i = end;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return commas.length ? { end: i, commas } : undefined;
    else if (c === ',' && depth === 1) commas.push(i);
  }
  return undefined;
}

function classSource(body: string): string {
  let out = '';
  let i = 0;
  if (body[0] === '!' || body[0] === '^') {
    out += '^';
    i = 1;
  }
  for (; i < body.length; i++) {
    let c = body[i];
    if (c === '\\' && i + 1 < body.length) c = body[++i];
    out += c === '-' ? c : /[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(c) ? `\\${c}` : c;
  }
  return `[${out}]`;
}

/** The pattern source of a glob (or of one alternative of a brace). */
function globSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    const segmentStart = i === 0 || glob[i - 1] === '/';
    if (c === '/' && glob.slice(i) === '/**') {
      out += '(?:/.*)?';
      break;
    }
    if (c === '*' && segmentStart && glob.startsWith('**/', i)) {
      out += '(?:.*/)?';
      i += 2;
    } else if (c === '*' && segmentStart && glob.slice(i) === '**') {
      out += '.*';
      break;
    } else if (c === '*') {
      while (glob[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '\\') {
      out += quotePattern(glob[i + 1] ?? '\\');
      i++;
    } else if (c === '[' && classEnd(glob, i) > 0) {
      const end = classEnd(glob, i);
      out += classSource(glob.slice(i + 1, end));
      i = end;
    } else if (c === '{' && braceParts(glob, i)) {
      const { end, commas } = braceParts(glob, i)!;
      const bounds = [i, ...commas, end];
      const alternatives = bounds.slice(1).map((to, k) => globSource(glob.slice(bounds[k] + 1, to)));
      out += `(?:${alternatives.join('|')})`;
      i = end;
    } else {
      out += quotePattern(c);
    }
  }
  return out;
}

function parse(glob: string, options: GlobOptions): { source: string; negated: boolean; basename: boolean } {
  const negated = glob.startsWith('!') && !glob.startsWith('!(');
  const body = (negated ? glob.slice(1) : glob).replace(/^\.\//, '');
  return { source: `^(?:${globSource(body)})$`, negated, basename: options.basename !== false && !body.includes('/') };
}

const parsedGlobs = new Map<string, Glob>();

function globOf(glob: string, options: GlobOptions): Glob {
  const key = `${options.nocase ? 'i' : ''}${options.basename === false ? 'p' : ''}/${glob}`;
  let found = parsedGlobs.get(key);
  if (!found) {
    if (parsedGlobs.size >= 2000) parsedGlobs.clear();
    found = { ...parse(glob, options), flags: { ignoreCase: options.nocase } };
    parsedGlobs.set(key, found);
  }
  return found;
}

/** Does a `/`-separated path match the glob? An unusable glob matches nothing. */
export function globMatches(glob: string, path: string, options: GlobOptions = {}): boolean {
  const { source, flags, negated, basename } = globOf(glob, options);
  // An unusable glob matches nothing, negated or not.
  if (negated && patternError(source, flags)) return false;
  const normal = path.replace(/\\/g, '/');
  const subject = basename ? normal.slice(normal.lastIndexOf('/') + 1) : normal;
  return patternFound(source, flags, subject) !== negated;
}

/** Why a glob cannot be used (configuration loading reports it), or undefined. */
export function globError(glob: string): string | undefined {
  return patternError(parse(glob, {}).source);
}
