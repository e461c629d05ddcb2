import { inCode, insideParsedLink, normalizeLabel, rendersMarkdown } from '../../links/scan';
import type { Rule } from '../types';
import { modelOf } from './model';

// `[text][label]`, `[text][]` and `![alt][label]`. Shortcut references (`[text]` alone) are
// left alone: in prose, `[注]` or `[x]` are far more often brackets than forgotten links.
const FULL_REFERENCE = /(!?)\[((?:[^[\]\n\\]|\\.)*)\]\[((?:[^[\]\n\\]|\\.)*)\]/g;

export const undefinedReference: Rule = {
  id: 'link/undefined-reference',
  defaultSeverity: 'error',
  description: {
    en: 'A reference link or image (`[text][27]`, `![][2]`) whose label has no definition: it renders as plain text.',
    zh: '引用式链接或图片（`[文字][27]`、`![][2]`）的标签没有定义：它会原样显示为文字。',
  },
  messages: {
    link: {
      en: 'No definition "[{label}]: …" for the link "[{text}][{label}]": it renders as plain text.',
      zh: '链接「[{text}][{label}]」缺少定义「[{label}]: …」，会原样显示为文字。',
    },
    image: {
      en: 'No definition "[{label}]: …" for the image "![{text}][{label}]": the image is not shown.',
      zh: '图片「![{text}][{label}]」缺少定义「[{label}]: …」，图片不会显示。',
    },
  },
  check(ctx) {
    const { doc } = ctx;
    if (!rendersMarkdown(doc)) return;
    const { definitions } = modelOf(ctx);
    const matches = [...doc.text.matchAll(FULL_REFERENCE)];
    const tags = new Set(matches.map((m) => emphasized(m[3])).filter((t): t is string => t !== undefined));
    let speakers: Set<string> | undefined;
    for (const m of matches) {
      const start = m.index;
      const bracket = start + m[1].length;
      if (inCode(doc, start) || insideParsedLink(doc, bracket)) continue;
      // `list[-1][0]` in code that lost its fence; `a][b][c]` chains; escaped `\[`.
      const before = doc.text[start - 1] ?? '';
      if (/[\w\])\\`]/.test(before)) continue;
      const label = m[3] || m[2];
      if (!label.trim() || label.startsWith('^')) continue;
      // `[i|u][32|size]` spells alternatives (`i32`, `usize`), not a reference.
      if (label.includes('|') || m[2].includes('|')) continue;
      // `[Lee][**ACTION**]`: a label in bold is a tag written to be seen after a name, and the
      // same word without the bold (`[Matt][ACTION]`) is that tag in the same minutes.
      if (emphasized(label) !== undefined || tags.has(normalizeLabel(label))) continue;
      // `- [Marky][Oscar] Bootstrap a shim` where the minutes open items with who speaks (`- [Marky] …`):
      // two speakers' tags side by side, which render as written.
      if (opensItem(doc.text, start) && NAME_TAG.test(m[2]) && NAME_TAG.test(label)) {
        speakers ??= speakerTags(doc.text);
        if (speakers.has(normalizeLabel(m[2])) || speakers.has(normalizeLabel(label))) continue;
      }
      if (definitions.has(normalizeLabel(label)) || (normalizeLabel(label) === '#' && doc.definitions.some((d) => d.label === '#')))
        continue;
      ctx.report({
        span: { start, end: start + m[0].length },
        message: ctx.t(m[1] ? 'image' : 'link', { label, text: m[2] }),
      });
    }
  },
};

/** The label's words when it is wrapped whole in emphasis (`**ACTION**`, `_todo_`), normalised. */
function emphasized(label: string): string | undefined {
  const m = /^([*_]{1,3})([^*_]+)\1$/.exec(label.trim());
  return m ? normalizeLabel(m[2]) : undefined;
}

/** A tag that names a person: a word or two of letters (`Leo`, `LucaG`, `Jacque S`), no digits. */
const NAME_TAG = /^\p{L}[\p{L}.'-]*(?: \p{L}[\p{L}.'-]*)?$/u;

// `- [Leo] Poiana on katacoda`: an item opened by a bracketed name that is not a link.
const SPEAKER_ITEM = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\[(\p{L}[\p{L}.'-]*(?: \p{L}[\p{L}.'-]*)?)\](?![[(:])/gmu;

/** The names that open list items in brackets, when the minutes do so three times or more. */
function speakerTags(text: string): Set<string> {
  const names = [...text.matchAll(SPEAKER_ITEM)].map((m) => normalizeLabel(m[1]));
  return names.length >= SPEAKER_HABIT ? new Set(names) : new Set();
}

const SPEAKER_HABIT = 3;

/** Is the offset the first thing of a list item (after its marker)? */
function opensItem(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+$/.test(text.slice(lineStart, at));
}
