import { insideAny } from '../../model/parse';
import type { MinutesDocument } from '../../model/types';
import { findFields } from '../../templates/match';
import type { PlaceholderSpec } from '../../templates/types';
import type { Span } from '../../text/lines';
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
  },
  check(ctx) {
    const { doc } = ctx;
    const skipped = [...doc.verbatim, ...urlSpans(doc)];
    const taken: Span[] = [];
    for (const spec of ctx.template.placeholders ?? []) {
      const regex = placeholderRegExp(spec);
      if (!regex) continue;
      for (const scope of scopesOf(ctx, spec)) {
        for (const m of doc.text.slice(scope.span.start, scope.span.end).matchAll(regex)) {
          if (!m[0]) continue;
          const span = { start: scope.span.start + m.index, end: scope.span.start + m.index + m[0].length };
          if (insideAny(span.start, skipped) || taken.some((t) => t.start < span.end && span.start < t.end)) continue;
          taken.push(span);
          ctx.report({
            span,
            message: scope.label ? ctx.t('inField', { label: scope.label, text: m[0] }) : ctx.t('left', { text: m[0] }),
            severity: spec.severity,
          });
        }
      }
    }
  },
};

/**
 * Literal placeholders match as whole words on their ASCII edges, so that `xxx` does not fire in
 * `QLxxxx` or `wkfxxx`; ASCII literals ignore case. Regular expressions are used as written.
 */
export function placeholderRegExp(spec: PlaceholderSpec): RegExp | undefined {
  if (spec.regex) {
    try {
      return new RegExp(spec.text, spec.caseSensitive ? 'g' : 'gi');
    } catch {
      return undefined;
    }
  }
  const text = spec.text;
  if (!text) return undefined;
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = /[A-Za-z0-9_]/;
  const before = word.test(text[0]) ? '(?<![A-Za-z0-9_])' : '';
  const after = word.test(text[text.length - 1]) ? '(?![A-Za-z0-9_])' : '';
  const ascii = /^[\x20-\x7e]+$/.test(text);
  const ignoreCase = spec.caseSensitive === undefined ? ascii : !spec.caseSensitive;
  return new RegExp(`${before}${escaped}${after}`, ignoreCase ? 'gi' : 'g');
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
const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>()[\]"'，。）]*/gi;

function urlSpans(doc: MinutesDocument): Span[] {
  const spans: Span[] = [];
  for (const link of doc.links) if (link.urlSpan) spans.push(link.urlSpan);
  for (const m of doc.text.matchAll(URL)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}
