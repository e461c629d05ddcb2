import { insideAny } from '../../text/spans';
import type { MinutesDocument } from '../../model/types';
import { findFields } from '../../views/match';
import type { PlaceholderSpec } from '../../templates/types';
import type { Span } from '../../text/lines';
import { dataPattern, quotePattern } from '../../regex/pattern';
import type { Rule, RuleContext } from '../types';

export const placeholder: Rule = {
  id: 'template/placeholder',
  defaultSeverity: 'warning',
  needsConfidentTemplate: true,
  description: {
    en: 'A placeholder of the template (译者ID, TODO, YYYY/MM/DD…) was left in instead of real content.',
    zh: '模板占位符（译者ID、TODO、YYYY/MM/DD 等）未替换为实际内容。',
  },
  messages: {
    left: { en: 'Placeholder "{text}" left in: replace it with the real value.', zh: '占位符「{text}」未替换，请填写实际内容。' },
    inField: { en: 'Field "{label}" still holds the placeholder "{text}".', zh: '字段「{label}」仍是占位符「{text}」。' },
    teamTemplate: {
      en: 'Placeholder "{text}" of the team\'s template {file} left in: most minutes of this series replace it.',
      zh: '团队模板 {file} 中的占位符「{text}」未替换：本系列的多数纪要都替换了它。',
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const skipped = [...doc.verbatim, ...urlSpans(doc)];
    const taken: Span[] = [];
    for (const spec of ctx.template.placeholders ?? []) {
      const matcher = placeholderMatcher(spec);
      if (!matcher) continue;
      for (const scope of scopesOf(ctx, spec)) {
        for (const m of matcher.find(doc.text.slice(scope.span.start, scope.span.end))) {
          const span = { start: scope.span.start + m.index, end: scope.span.start + m.index + m.text.length };
          if (insideAny(span.start, skipped) || taken.some((t) => t.start < span.end && span.start < t.end)) continue;
          taken.push(span);
          ctx.report({
            span,
            message: scope.label ? ctx.t('inField', { label: scope.label, text: m.text }) : ctx.t('left', { text: m.text }),
            severity: spec.severity,
          });
        }
      }
    }
    reportTeamPlaceholders(ctx, skipped, taken);
  },
};

/**
 * The placeholders of the team's own template file that most of the series replaced. Markdown
 * reads `<Month>` as inline HTML, so a `<…>` token is looked for in an HTML node that is exactly
 * the token, and a template's placeholder URL where it is a whole URL; code, comments, other HTML
 * and other URLs are skipped.
 */
function reportTeamPlaceholders(ctx: RuleContext, skipped: readonly Span[], taken: Span[]): void {
  const team = ctx.series?.teamTemplate;
  if (!team) return;
  const { text } = ctx.doc;
  const file = team.path.slice(team.path.lastIndexOf('/') + 1);
  for (const token of team.placeholders()) {
    for (const m of token.find(text)) {
      const span = { start: m.index, end: m.index + m.text.length };
      const around = skipped.find((s) => s.start <= span.start && span.start < s.end);
      const whole = token.whole && around && around.start === span.start && around.end === span.end;
      if ((around && !whole) || taken.some((t) => t.start < span.end && span.start < t.end)) continue;
      taken.push(span);
      ctx.report({ span, message: ctx.t('teamTemplate', { text: m.text, file }) });
    }
  }
}

export interface PlaceholderMatcher {
  /** Non-empty occurrences in a text, left to right. */
  find(text: string): Generator<{ index: number; text: string }>;
  /** Is the whole text (trimmed) the placeholder? */
  whole(text: string): boolean;
}

const WORD = /\w/;

/**
 * Literal placeholders match as whole words on their ASCII edges, so that `xxx` does not fire in
 * `QLxxxx` or `wkfxxx`; ASCII literals ignore case. Regular expressions (data: compiled by the
 * linear-time engine) are used as written; an invalid one matches nothing.
 */
export function placeholderMatcher(spec: PlaceholderSpec): PlaceholderMatcher | undefined {
  const text = spec.text;
  if (!text) return undefined;
  if (spec.regex) {
    const ignoreCase = !spec.caseSensitive;
    const pattern = dataPattern(text, { ignoreCase });
    const whole = dataPattern(`^(?:${text})$`, { ignoreCase });
    if (!pattern || !whole) return undefined;
    return {
      *find(value) {
        for (const m of pattern.matchAll(value)) if (m.text) yield m;
      },
      whole: (value) => whole.test(value.trim()),
    };
  }
  const ascii = /^[\x20-\x7e]+$/.test(text);
  const ignoreCase = spec.caseSensitive === undefined ? ascii : !spec.caseSensitive;
  const pattern = dataPattern(quotePattern(text), { ignoreCase })!;
  const wordBefore = WORD.test(text[0]);
  const wordAfter = WORD.test(text[text.length - 1]);
  const fold = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  return {
    *find(value) {
      for (let from = 0; from <= value.length;) {
        const m = pattern.exec(value, from);
        if (!m) return;
        const edgesHold = !(wordBefore && WORD.test(value[m.index - 1] ?? '')) && !(wordAfter && WORD.test(value[m.end] ?? ''));
        if (edgesHold) yield m;
        // A rejected match may hide one that starts inside it.
        from = edgesHold ? m.end : m.index + 1;
      }
    },
    whole: (value) => fold(value.trim()) === fold(text),
  };
}

interface Scope {
  span: Span;
  label?: string;
}

/** The values of the placeholder's fields, or the whole text. */
function scopesOf(ctx: RuleContext, spec: PlaceholderSpec): Scope[] {
  if (!spec.fields?.length) return [{ span: { start: 0, end: ctx.doc.text.length } }];
  const scopes: Scope[] = [];
  for (const id of spec.fields) {
    const fieldSpec = ctx.template.fields?.find((f) => f.id === id);
    if (!fieldSpec) continue;
    for (const { field } of findFields(ctx.doc, fieldSpec)) scopes.push({ span: field.valueSpan, label: field.label });
  }
  return scopes;
}

// `[校对者ID](https://github.com/校对者ID)`: the link text is reported, not the URL that repeats it.
const URL = /(?<![\w+.-])[a-z][a-z0-9+.-]*:\/\/[^\s<>()[\]"'，。）]*/gi;

function urlSpans(doc: MinutesDocument): Span[] {
  const spans: Span[] = [];
  for (const link of doc.links) if (link.urlSpan) spans.push(link.urlSpan);
  for (const m of doc.text.matchAll(URL)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}
