import { inCode, insideParsedLink, looksLikeDestination, parsedLinkEndsAt, rendersMarkdown } from '../../links/scan';
import type { MinutesDocument } from '../../model/types';
import type { Fix, Rule, RuleContext } from '../types';

// `](https://github.com/opencurve/cu⏎rve/pull/1)`: a line break inside the destination.
const SPLIT_DESTINATION = /\]\((<?)([^\s()<>]+)([ \t]*\r?\n[ \t]*)([^\s()<>"']+)>?\)/g;
// `[text]⏎(https://…)`: the destination on the next line.
const SPLIT_BEFORE_DESTINATION = /\]([ \t]*\r?\n[ \t]*)\(([^()\s]+)\)/g;
// `](https://…)` whose `[` is paragraphs away: the text was broken by a blank line.
const CLOSING = /\]\(([^()\s]+)\)/g;

const MAX_TEXT_LINES = 4;

export const split: Rule = {
  id: 'link/split',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'Link text or destination broken across lines, so Markdown does not make it a link.',
    zh: '链接文字或地址被拆到多行，Markdown 不再把它当作链接。',
  },
  messages: {
    destination: {
      en: 'The link destination is broken across lines: "{url}" is not a link.',
      zh: '链接地址被拆成了两行：「{url}」不是链接。',
    },
    beforeDestination: {
      en: 'The destination "({url})" is on the line after "[{text}]": Markdown does not join them into a link.',
      zh: '地址「({url})」写在「[{text}]」的下一行：Markdown 不会把它们连成链接。',
    },
    text: {
      en: 'The link text is broken by a blank line: "[{text}…]" is not a link.',
      zh: '链接文字被空行隔断：「[{text}…]」不是链接。',
    },
    fixJoin: { en: 'Join the destination into one line', zh: '把链接地址合并为一行' },
    fixText: { en: 'Join the link text into one line', zh: '把链接文字合并为一行' },
  },
  check(ctx) {
    if (!rendersMarkdown(ctx.doc)) return;
    checkSplitDestinations(ctx);
    checkDestinationsOnNextLine(ctx);
    checkSplitTexts(ctx);
  },
};

function checkSplitDestinations(ctx: RuleContext): void {
  const { doc } = ctx;
  for (const m of doc.text.matchAll(SPLIT_DESTINATION)) {
    const close = m.index;
    if (inCode(doc, close) || insideParsedLink(doc, close) || !looksLikeDestination(m[2])) continue;
    const open = openingBracket(doc, close, 1);
    const breakStart = close + 2 + m[1].length + m[2].length;
    ctx.report({
      span: { start: open ?? close, end: close + m[0].length },
      message: ctx.t('destination', { url: m[2] + m[4] }),
      fixes: [joinFix(ctx, 'fixJoin', breakStart, breakStart + m[3].length, '', true)],
    });
  }
}

function checkDestinationsOnNextLine(ctx: RuleContext): void {
  const { doc } = ctx;
  for (const m of doc.text.matchAll(SPLIT_BEFORE_DESTINATION)) {
    const close = m.index;
    if (inCode(doc, close) || insideParsedLink(doc, close) || !looksLikeDestination(m[2])) continue;
    const open = openingBracket(doc, close, 0);
    if (open === undefined || doc.text[open - 1] === ']' || doc.text[open - 1] === '\\') continue;
    ctx.report({
      span: { start: open, end: close + m[0].length },
      message: ctx.t('beforeDestination', { url: m[2], text: doc.text.slice(open + 1, close) }),
      fixes: [joinFix(ctx, 'fixJoin', close + 1, close + 1 + m[1].length, '', true)],
    });
  }
}

function checkSplitTexts(ctx: RuleContext): void {
  const { doc } = ctx;
  for (const m of doc.text.matchAll(CLOSING)) {
    const close = m.index;
    if (inCode(doc, close) || insideParsedLink(doc, close) || !looksLikeDestination(m[1])) continue;
    if (parsedLinkEndsAt(doc, close + m[0].length)) continue;
    const open = openingBracket(doc, close, MAX_TEXT_LINES);
    if (open === undefined) continue;
    const inner = doc.text.slice(open + 1, close);
    const gap = /(?<![ \t])[ \t]*\r?\n(?:[ \t]*\r?\n)+[ \t]*/.exec(inner);
    if (!gap) continue;
    const gapStart = open + 1 + gap.index;
    const left = doc.text[gapStart - 1] ?? '';
    const right = doc.text[gapStart + gap[0].length] ?? '';
    ctx.report({
      span: { start: open, end: close + m[0].length },
      message: ctx.t('text', { text: inner.slice(0, gap.index).trim() }),
      fixes: [joinFix(ctx, 'fixText', gapStart, gapStart + gap[0].length, joiner(left, right), false)],
    });
  }
}

/**
 * The `[` that opens the text ending at `close`, looking back at most `lines` line breaks;
 * undefined when brackets do not balance or a code span is crossed.
 */
function openingBracket(doc: MinutesDocument, close: number, lines: number): number | undefined {
  let depth = 0;
  let breaks = 0;
  for (let i = close - 1; i >= 0; i--) {
    const c = doc.text[i];
    if (c === '\n' && ++breaks > lines) return undefined;
    if (inCode(doc, i)) return undefined;
    if (doc.text[i - 1] === '\\') continue;
    if (c === ']') depth++;
    else if (c === '[') {
      if (depth === 0) return doc.text[i - 1] === '!' ? i - 1 : i;
      depth--;
    }
  }
  return undefined;
}

/** CJK text joins without a space; other scripts need one. */
function joiner(left: string, right: string): string {
  const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
  return cjk.test(left) || cjk.test(right) ? '' : ' ';
}

function joinFix(ctx: RuleContext, title: string, start: number, end: number, newText: string, safe: boolean): Fix {
  return { title: ctx.t(title), edits: [{ start, end, newText }], preferred: true, safe };
}
