/**
 * The texts a pattern cannot match without: `^#+ 会议纪要` needs `#` and ` 会议纪要`; `a(b|cd)?e+` needs
 * `a` and `e`; `x(b|cd)` needs `x` and one of `b`, `cd`. Template detection tries some forty
 * built-in patterns and globs on every file, and compiling one with RE2JS costs far more than
 * looking for a word in 4 KB of text: a pattern whose texts are missing is answered without
 * being compiled (./pattern.ts `patternFound`). Whatever this reader is unsure of (inline flags,
 * escapes it does not know, characters outside the BMP, control characters) requires nothing,
 * so the pattern is compiled and run as before.
 */

/** Every text of `all` occurs, and for each list of `oneOf`, one of its alternatives holds. */
export interface Needs {
  all: string[];
  oneOf: Needs[][];
}

const NOTHING: Needs = { all: [], oneOf: [] };

function isNothing(needs: Needs): boolean {
  return needs.all.length === 0 && needs.oneOf.length === 0;
}

/** What a pattern in JavaScript's syntax needs in a text to match it, case-sensitively. */
export function requiredTexts(source: string): Needs {
  const reader = new Reader(source);
  const needs = reader.alternation();
  return reader.ok && reader.at === source.length ? needs : NOTHING;
}

/** False when the text lacks what the pattern needs: then the pattern cannot match it. */
export function mayMatch(needs: Needs, text: string): boolean {
  return needs.all.every((t) => text.includes(t)) && needs.oneOf.every((alternatives) => alternatives.some((a) => mayMatch(a, text)));
}

class Reader {
  at = 0;
  /** False once the source holds something this reader does not know. */
  ok = true;

  constructor(private readonly source: string) {}

  alternation(): Needs {
    const branches = [this.sequence()];
    while (this.ok && this.source[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0];
    return branches.some(isNothing) ? NOTHING : { all: [], oneOf: [branches] };
  }

  private sequence(): Needs {
    const all: string[] = [];
    const oneOf: Needs[][] = [];
    let run = '';
    const endRun = () => {
      if (run) all.push(run);
      run = '';
    };
    while (this.ok && this.at < this.source.length) {
      const c = this.source[this.at];
      if (c === '|' || c === ')') break;
      let literal: string | undefined;
      let inner = NOTHING;
      if (c === '\\') literal = this.escape();
      else if (c === '[') this.skipClass();
      else if (c === '(') inner = this.group();
      else if (c === '.' || c === '^' || c === '$') this.at++;
      else if ('*+?{}]'.includes(c)) this.ok = false;
      else {
        literal = plain(c);
        this.at++;
      }
      if (!this.ok) break;
      const optional = this.quantifier();
      if (literal !== undefined && optional === undefined) {
        run += literal;
        continue;
      }
      // A repeated character still ends the run: `ab+c` needs `ab` and `c`, not `abc`.
      if (literal !== undefined && optional === false) run += literal;
      endRun();
      if (optional === false || optional === undefined) {
        all.push(...inner.all);
        oneOf.push(...inner.oneOf);
      }
    }
    endRun();
    return { all, oneOf };
  }

  /** The character an escape stands for, or undefined for a class or an assertion (`\d`, `\b`). */
  private escape(): string | undefined {
    const next = this.source[this.at + 1];
    if (next === undefined || /[0-9kQE]/.test(next)) {
      // A back-reference or octal escape, RE2's quoting: not this reader's business.
      this.ok = false;
      return undefined;
    }
    if (!/[a-z]/i.test(next)) {
      this.at += 2;
      return plain(next);
    }
    const braced = this.source[this.at + 2] === '{' && 'pPxu'.includes(next);
    if (braced) {
      const close = this.source.indexOf('}', this.at + 3);
      if (close < 0) this.ok = false;
      this.at = close + 1;
    } else {
      this.at += next === 'x' ? 4 : next === 'u' ? 6 : next === 'c' || next === 'p' || next === 'P' ? 3 : 2;
    }
    return undefined;
  }

  private skipClass(): void {
    let i = this.at + 1;
    if (this.source[i] === '^') i++;
    while (i < this.source.length && this.source[i] !== ']') i += this.source[i] === '\\' ? 2 : 1;
    if (i >= this.source.length) this.ok = false;
    this.at = i + 1;
  }

  /** A group's needs; a lookaround needs nothing of the text it looks at. */
  private group(): Needs {
    const s = this.source;
    let lookaround = false;
    if (s.startsWith('(?:', this.at)) this.at += 3;
    else if (s.startsWith('(?=', this.at) || s.startsWith('(?!', this.at)) {
      lookaround = true;
      this.at += 3;
    } else if (s.startsWith('(?<=', this.at) || s.startsWith('(?<!', this.at)) {
      lookaround = true;
      this.at += 4;
    } else if (s.startsWith('(?<', this.at)) {
      const close = s.indexOf('>', this.at);
      if (close < 0) this.ok = false;
      this.at = close + 1;
    } else if (s[this.at + 1] === '?') {
      // Inline flags (`(?i)`) change what the rest means.
      this.ok = false;
      return NOTHING;
    } else this.at++;
    const inner = this.alternation();
    if (s[this.at] !== ')') this.ok = false;
    this.at++;
    return lookaround ? NOTHING : inner;
  }

  /** After an atom: undefined without a quantifier, else whether the atom may occur zero times. */
  private quantifier(): boolean | undefined {
    const c = this.source[this.at];
    let optional: boolean;
    if (c === '*' || c === '?') optional = true;
    else if (c === '+') optional = false;
    else if (c === '{') {
      const bounds = /^\{(\d+)(?:,\d*)?\}/.exec(this.source.slice(this.at, this.at + 24));
      if (!bounds) {
        this.ok = false;
        return undefined;
      }
      optional = Number(bounds[1]) === 0;
      this.at += bounds[0].length - 1;
    } else return undefined;
    this.at++;
    if (this.source[this.at] === '?') this.at++;
    return optional;
  }
}

/** A character that matches only itself in the text; undefined for control characters and UTF-16 halves. */
function plain(c: string): string | undefined {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff) ? undefined : c;
}
