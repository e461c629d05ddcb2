/**
 * Placeholders learned from a team's own meeting template (`meeting-note-template.md` beside the
 * minutes): only tokens shaped like a placeholder — `<Month>`, `$GITHUB_ISSUE$`, `{{ date }}`,
 * `YYYY-MM-DD`, `@your-handle` — never the template's prose ("add item here"), which a meeting
 * may keep on purpose. A token counts only where most of the series replaced it.
 */
import type { SeriesMember } from './types';

export interface LearnedPlaceholder {
  /** As the template writes it (`<Month>`), or the family (`@your-…`). */
  text: string;
  /**
   * `<Month>` (Markdown reads it as inline HTML) or a URL of the template with a placeholder in it
   * (`https://github.com/your-handle`): looked for where it is a whole HTML node or a whole URL,
   * the places other tokens are skipped in.
   */
  whole: boolean;
  /** Occurrences in a text, left to right. */
  find(text: string): Generator<{ index: number; text: string }>;
}

/** Element names a template writes as HTML (`<br>`, `<details>`): markup, not placeholders. */
const HTML_TAGS = new Set(
  (
    'a abbr address article aside audio b base bdi bdo blockquote body br button canvas caption center cite code col colgroup data ' +
    'dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html ' +
    'i iframe img input ins kbd label legend li link main map mark meta meter nav noscript object ol optgroup option output p param ' +
    'picture pre progress q rp rt ruby s samp script section select small source span strike strong style sub summary sup table ' +
    'tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr'
  ).split(' '),
);

const ANGLE = /<([a-z][a-z0-9]*(?:[ _-][a-z0-9]+)*)>/gi;
const DOLLAR = /\$[A-Z][A-Z0-9_]{0,40}\$/g;
const MUSTACHE = /\{\{[^{}\n]{1,80}\}\}/g;
const DATE_SKELETON = /\b(?:YYYY|YY|MM|DD)(?:[-/.](?:YYYY|YY|MM|DD)){1,2}\b/g;
const HANDLE = /(?<![\w@/-])@your-[a-z0-9][a-z0-9-]*/gi;
/** A URL of the template that is itself a placeholder: `https://github.com/your-handle`, `…/<handle>`, `…/$ISSUE$`. */
const PLACEHOLDER_IN_URL = /\/your-[a-z0-9]|<[a-z]|\{\{/i;
const URL = /(?<![\w+.-])[a-z][a-z0-9+.-]*:\/\/[^\s<>()[\]"']*/gi;

/** Fenced blocks and code spans of the template are examples, not its placeholders. */
function withoutCode(text: string): string {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of text.split('\n')) {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length) fence = undefined;
      lines.push('');
    } else if (open) {
      fence = open[1];
      lines.push('');
    } else lines.push(line.replace(/`[^`\n]*`/g, ' '));
  }
  return lines.join('\n');
}

function literal(text: string, whole: boolean, caseSensitive = true): LearnedPlaceholder {
  const wordEdges = /^\w/.test(text) || /\w$/.test(text);
  const fold = (s: string) => (caseSensitive ? s : s.toLowerCase());
  const needle = fold(text);
  return {
    text,
    whole,
    *find(value) {
      const hay = fold(value);
      for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
        const end = at + needle.length;
        if (wordEdges && (/\w/.test(value[at - 1] ?? '') || /\w/.test(value[end] ?? ''))) continue;
        yield { index: at, text: value.slice(at, end) };
      }
    },
  };
}

const handles: LearnedPlaceholder = {
  text: '@your-…',
  whole: false,
  *find(value) {
    for (const m of value.matchAll(HANDLE)) yield { index: m.index, text: m[0] };
  },
};

/** The placeholder-shaped tokens of a template file's text, each once, in order of first appearance. */
export function templatePlaceholders(templateText: string): LearnedPlaceholder[] {
  const code = withoutCode(templateText);
  const out = new Map<string, LearnedPlaceholder>();
  for (const [url] of code.matchAll(URL))
    if ((PLACEHOLDER_IN_URL.test(url) || /\$[A-Z][A-Z0-9_]{0,40}\$/.test(url)) && !out.has(url)) out.set(url, literal(url, true));
  const text = code.replace(URL, (url) => ' '.repeat(url.length));
  for (const m of text.matchAll(ANGLE)) {
    const name = m[1];
    const lower = name.toLowerCase();
    if (HTML_TAGS.has(lower) || text.toLowerCase().includes(`</${lower}>`)) continue;
    if (!out.has(m[0])) out.set(m[0], literal(m[0], true));
  }
  for (const pattern of [DOLLAR, MUSTACHE, DATE_SKELETON])
    for (const m of text.matchAll(pattern)) if (!out.has(m[0])) out.set(m[0], literal(m[0], false));
  if (/@your-[a-z0-9]/i.test(text)) out.set(handles.text, handles);
  return [...out.values()];
}

/** A series this small cannot say what "most members" do. */
export const MIN_MEMBERS = 4;

/**
 * The template's placeholders that at most a quarter of the series' members still hold: most
 * meetings replaced them, so one left is a slip. A token most members keep is the team's
 * convention (a heading they never fill), not a defect.
 */
export function rarePlaceholders(tokens: readonly LearnedPlaceholder[], members: readonly SeriesMember[]): LearnedPlaceholder[] {
  if (members.length < MIN_MEMBERS || !tokens.length) return [];
  const counts = new Map<LearnedPlaceholder, number>(tokens.map((t) => [t, 0]));
  for (const member of members) {
    const text = member.text();
    if (text === undefined) continue;
    for (const token of tokens) if (!token.find(text).next().done) counts.set(token, counts.get(token)! + 1);
  }
  return tokens.filter((t) => counts.get(t)! * 4 <= members.length);
}
