import type { Field } from '../../model/types';
import { findFields, isEmptyValue } from '../../views/match';
import type { AgreementSpec, FieldSpec } from '../../templates/types';
import type { Span } from '../../text/lines';
import type { Rule, RuleContext } from '../types';
import { dataPattern } from '../../regex/pattern';
import { placeholderMatcher } from './placeholder';

export const fieldMismatch: Rule = {
  id: 'template/field-mismatch',
  defaultSeverity: 'warning',
  needsConfidentTemplate: true,
  fixable: true,
  description: {
    en: 'Two places that must agree do not (the LCTT header translator and the footer 译者).',
    zh: '两处必须一致的信息不一致（如 LCTT 头部的 translator 与文末的「译者」）。',
  },
  messages: {
    differ: {
      en: '"{label}" says "{value}", but "{otherLabel}" says "{other}".',
      zh: '「{label}」写的是「{value}」，而「{otherLabel}」写的是「{other}」。',
    },
    linkDiffers: {
      en: '"{label}" links to the profile of "{value}", but "{otherLabel}" says "{other}".',
      zh: '「{label}」链接到「{value}」的主页，而「{otherLabel}」写的是「{other}」。',
    },
    fix: { en: 'Write "{other}" as in "{otherLabel}"', zh: '按「{otherLabel}」改为「{other}」' },
  },
  check(ctx) {
    for (const agreement of ctx.template.agreements ?? []) checkAgreement(ctx, agreement);
  },
};

/** The part of a value that is compared, and where it is written. */
interface Part {
  text: string;
  span: Span;
  kind: 'text' | 'profile';
}

function checkAgreement(ctx: RuleContext, agreement: AgreementSpec): void {
  const [a, b] = agreement.fields.map((id) => filledField(ctx, id));
  if (!a || !b) return;
  const partsA = comparableParts(ctx, a, agreement);
  const partsB = comparableParts(ctx, b, agreement);
  const reference = partsA.find((p) => p.kind === 'text');
  if (!reference) return;
  // The second field (the footer) is reported: the header is what tools read, and usually right.
  for (const part of partsB) {
    if (same(part.text, reference.text)) continue;
    ctx.report({
      span: part.span,
      message: ctx.t(part.kind === 'profile' ? 'linkDiffers' : 'differ', {
        label: b.label,
        value: part.text,
        otherLabel: a.label,
        other: reference.text,
      }),
      fixes: [
        {
          title: ctx.t('fix', { other: reference.text, otherLabel: a.label }),
          edits: [{ start: part.span.start, end: part.span.end, newText: reference.text }],
          // Which side is right needs a human: never applied by --fix.
          safe: false,
        },
      ],
    });
  }
}

function filledField(ctx: RuleContext, id: string): Field | undefined {
  const spec: FieldSpec | undefined = ctx.template.fields?.find((f) => f.id === id);
  if (!spec) return undefined;
  return findFields(ctx.doc, spec)
    .map((m) => m.field)
    .find((f) => !isEmptyValue(f.value, spec));
}

const MARKDOWN_LINK = /^\[([^\]]+)\]\(\s*<?([^)\s>]+)(?:[\s>][^)]*)?\)/d;
// `https://github.com/wxy`, `https://gitee.com/name/`: a profile page names a login.
const PROFILE_URL = /^https?:\/\/(?:www\.)?(?:github\.com|gitee\.com|gitlab\.com)\/([A-Za-z0-9][\w.-]*)\/?$/;

/**
 * What is compared: the template's `extract` group when it matches; otherwise a Markdown link's
 * text (and the login of a profile URL), else the whole value. Placeholders are left to
 * template/placeholder, which says more precisely what is wrong.
 */
function comparableParts(ctx: RuleContext, field: Field, agreement: AgreementSpec): Part[] {
  const value = field.value;
  const valueStart = field.valueSpan.start + field.rawValue.indexOf(value);
  const at = (start: number, end: number): Span => ({ start: valueStart + start, end: valueStart + end });
  let parts: Part[];
  const extracted = agreement.extract ? dataPattern(agreement.extract)?.exec(value)?.groups[1] : undefined;
  if (extracted) {
    parts = [{ text: extracted.text, span: at(extracted.start, extracted.end), kind: 'text' }];
  } else {
    const link = MARKDOWN_LINK.exec(value);
    if (link?.indices) {
      parts = [{ text: link[1].trim(), span: at(link.indices[1][0], link.indices[1][1]), kind: 'text' }];
      const login = PROFILE_URL.exec(link[2]);
      if (login) {
        const start = link.indices[2][0] + link[2].lastIndexOf(login[1]);
        parts.push({ text: login[1], span: at(start, start + login[1].length), kind: 'profile' });
      }
    } else {
      parts = [{ text: value, span: at(0, value.length), kind: 'text' }];
    }
  }
  return parts.filter((p) => p.text.trim() && !isPlaceholder(ctx, p.text));
}

function isPlaceholder(ctx: RuleContext, text: string): boolean {
  return (ctx.template.placeholders ?? []).some((spec) => {
    return placeholderMatcher(spec)?.whole(text) === true;
  });
}

/** Compared without spaces, case-insensitively. */
function same(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return norm(a) === norm(b);
}
