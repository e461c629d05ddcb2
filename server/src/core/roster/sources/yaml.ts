/**
 * A reader for the small part of YAML that roster files use: block mappings and sequences
 * (including the compact `key:` then `- item` at the same indentation that openEuler's
 * `sig-info.yaml` uses), plain, quoted and block scalars, simple flow lists `[a, b]`, comments.
 * Every scalar stays a string (`201341` is a login, not a number). Lines it cannot place are
 * reported and skipped, so one bad line costs one entry, not the roster. Anchors, tags and
 * multi-document streams are beyond roster files and read as plain text.
 *
 * Why not the `yaml` package: it is well kept, but this subset is ~150 lines, keeps line
 * numbers on every node (hovers and "find references" point into the file) and keeps the
 * core free of another dependency.
 */
export type YamlNode = YamlMap | YamlSeq | YamlScalar;

export interface YamlMap {
  kind: 'map';
  entries: Array<{ key: string; value: YamlNode | undefined; line: number }>;
  line: number;
}

export interface YamlSeq {
  kind: 'seq';
  items: YamlNode[];
  line: number;
}

export interface YamlScalar {
  kind: 'scalar';
  value: string;
  line: number;
}

export interface YamlProblem {
  line: number;
  message: 'indentation' | 'tab' | 'syntax';
}

interface Line {
  indent: number;
  content: string;
  line: number;
}

const KEY = /^('[^']*'|"(?:[^"\\]|\\.)*"|[^\s'"#\-?:,[\]{}](?:[^:#]*[^\s:#])?|-[^\s:#](?:[^:#]*[^\s:#])?)[ \t]*:(?:[ \t]+([^ \t].*)?)?$/;

export function readYaml(text: string): { value: YamlNode | undefined; problems: YamlProblem[] } {
  const problems: YamlProblem[] = [];
  const lines: Line[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, line) => {
    if (/^\s*(?:#.*)?$/.test(raw) || /^(?:---|\.\.\.)\s*$/.test(raw)) return;
    const indentText = /^[ \t]*/.exec(raw)![0];
    if (indentText.includes('\t')) problems.push({ line, message: 'tab' });
    lines.push({ indent: indentText.replace(/\t/g, '  ').length, content: raw.slice(indentText.length).trimEnd(), line });
  });
  const reader = new Reader(lines, problems);
  const value = reader.node(0);
  reader.skipRest();
  return { value, problems };
}

class Reader {
  private i = 0;

  constructor(
    private readonly lines: Line[],
    private readonly problems: YamlProblem[],
  ) {}

  private get current(): Line | undefined {
    return this.lines[this.i];
  }

  /** Reports and skips lines no structure claimed (deeper than expected, or trailing). */
  skipRest(): void {
    for (; this.i < this.lines.length; this.i++) this.problems.push({ line: this.lines[this.i].line, message: 'indentation' });
  }

  /** A node whose lines are indented at least `min`. */
  node(min: number): YamlNode | undefined {
    const line = this.current;
    if (!line || line.indent < min) return undefined;
    if (isSeqItem(line.content)) return this.sequence(line.indent);
    if (KEY.test(line.content)) return this.mapping(line.indent);
    // A plain scalar may run over several lines (folded into one).
    const parts = [line.content];
    for (
      this.i++;
      this.current && this.current.indent >= line.indent && !isSeqItem(this.current.content) && !KEY.test(this.current.content);
      this.i++
    ) {
      parts.push(this.current.content);
    }
    return { kind: 'scalar', value: scalar(parts.join(' ')), line: line.line };
  }

  private sequence(indent: number): YamlSeq {
    const seq: YamlSeq = { kind: 'seq', items: [], line: this.current!.line };
    for (let line = this.current; line && line.indent === indent && isSeqItem(line.content); line = this.current) {
      const rest = line.content.slice(1).replace(/^[ \t]+/, '');
      if (!rest) {
        this.i++;
        const child = this.node(indent + 1);
        if (child) seq.items.push(child);
        continue;
      }
      // `- key: value` opens a mapping whose further keys align with `key`.
      const column = indent + (line.content.length - rest.length);
      this.lines[this.i] = { indent: column, content: rest, line: line.line };
      const child = this.node(column);
      if (child) seq.items.push(child);
      this.skipDeeper(indent);
    }
    return seq;
  }

  private mapping(indent: number): YamlMap {
    const map: YamlMap = { kind: 'map', entries: [], line: this.current!.line };
    for (let line = this.current; line && line.indent === indent; line = this.current) {
      const m = KEY.exec(line.content);
      if (!m) {
        this.problems.push({ line: line.line, message: 'syntax' });
        this.i++;
        continue;
      }
      const key = unquote(m[1].trim());
      const rest = stripComment(m[2] ?? '');
      this.i++;
      let value: YamlNode | undefined;
      if (/^[|>][+-]?\d*$/.test(rest)) value = this.blockScalar(indent, line.line, rest.startsWith('>'));
      else if (rest) value = flowOrScalar(rest, line.line);
      else {
        const next = this.current;
        if (next && next.indent > indent) value = this.node(indent + 1);
        else if (next && next.indent === indent && isSeqItem(next.content)) value = this.sequence(indent);
      }
      map.entries.push({ key, value, line: line.line });
      this.skipDeeper(indent);
    }
    return map;
  }

  private blockScalar(indent: number, line: number, folded: boolean): YamlScalar {
    const parts: string[] = [];
    for (let l = this.current; l && l.indent > indent; l = this.current) {
      parts.push(l.content);
      this.i++;
    }
    return { kind: 'scalar', value: parts.join(folded ? ' ' : '\n'), line };
  }

  /** Lines indented deeper than a finished node belong to nothing: report them. */
  private skipDeeper(indent: number): void {
    for (let l = this.current; l && l.indent > indent; l = this.current) {
      this.problems.push({ line: l.line, message: 'indentation' });
      this.i++;
    }
  }
}

function isSeqItem(content: string): boolean {
  return content === '-' || /^-[ \t]/.test(content);
}

function flowOrScalar(text: string, line: number): YamlNode {
  if (text.startsWith('[') && text.endsWith(']')) {
    const inner = text.slice(1, -1).trim();
    const items = inner ? splitFlow(inner).map((s): YamlScalar => ({ kind: 'scalar', value: scalar(s), line })) : [];
    return { kind: 'seq', items, line };
  }
  return { kind: 'scalar', value: scalar(text), line };
}

/** Splits `a, 'b, c', "d"` at the commas outside quotes. */
function splitFlow(text: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ',') {
      parts.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  parts.push(text.slice(from).trim());
  return parts.filter((p) => p.length > 0);
}

function scalar(text: string): string {
  return unquote(stripComment(text));
}

/** ` # comment` ends a plain scalar; a `#` inside quotes or a word (`C#`) does not. */
function stripComment(text: string): string {
  const t = text.trim();
  if (t.startsWith('"') || t.startsWith("'")) {
    const close = closingQuote(t);
    return close > 0 ? t.slice(0, close + 1) : t;
  }
  const m = /(?:^|[ \t])#/.exec(t);
  return (m ? t.slice(0, m.index) : t).trim();
}

function closingQuote(t: string): number {
  const q = t[0];
  for (let i = 1; i < t.length; i++) {
    if (q === '"' && t[i] === '\\') i++;
    else if (t[i] === q) {
      if (q === "'" && t[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    return text.slice(1, -1).replace(/\\(["\\/nt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
  }
  return text;
}

/** The string value of a mapping key, if it is a scalar. */
export function scalarAt(node: YamlNode | undefined, key: string): string | undefined {
  if (node?.kind !== 'map') return undefined;
  const value = node.entries.find((e) => e.key === key)?.value;
  return value?.kind === 'scalar' ? value.value : undefined;
}
