import { toChineseNumber } from '../../model/ordinal';
import { findTopicLists } from '../../views/topics';
import type { MinutesDocument, Ordinal, Section } from '../../model/types';
import { findSections } from '../../views/match';
import { sectionSpecById } from '../../templates/specs';
import type { ResolvedTemplate } from '../../templates/types';
import type { Fix, Rule, RuleContext, TextEdit } from '../types';

export const numbering: Rule = {
  id: 'template/numbering',
  defaultSeverity: 'warning',
  needsConfidentTemplate: true,
  fixable: true,
  description: {
    en: 'Ordinal numbering of sibling sections or of topics has a gap, a repeat or mixed punctuation.',
    zh: '同级章节或议题的序号有跳号、重号或标点不统一。',
  },
  messages: {
    gap: {
      en: 'Numbering skips {missing}: "{found}" follows "{previous}".',
      zh: '序号跳过了 {missing}：「{previous}」之后是「{found}」。',
    },
    repeat: {
      en: 'Number "{found}" repeats the previous item\'s number.',
      zh: '序号「{found}」与上一项重复。',
    },
    backwards: {
      en: 'Number "{found}" goes back after "{previous}".',
      zh: '序号「{found}」排在「{previous}」之后，顺序倒退。',
    },
    start: {
      en: 'Numbering starts at "{found}" instead of "{expected}".',
      zh: '序号从「{found}」开始，应从「{expected}」开始。',
    },
    punct: {
      en: '"{found}" is written differently from its siblings\' "{expected}".',
      zh: '「{found}」的写法与同级的「{expected}」不一致。',
    },
    fixPunct: { en: 'Write "{expected}"', zh: '改为「{expected}」' },
    fixRenumber: { en: 'Renumber {first}–{last}', zh: '重新编号 {first}–{last}' },
  },
  check(ctx) {
    const spec = ctx.template.numbering;
    if (!spec) return;
    for (const items of sectionGroups(ctx.doc, ctx.template, spec.sections ?? [])) {
      checkGroup(ctx, items, spec.punct);
    }
    if (spec.topics) {
      for (const list of findTopicLists(ctx.doc, ctx.template)) {
        checkGroup(
          ctx,
          list.topics.flatMap((t) => (t.ordinal ? [t.ordinal] : [])),
          undefined,
        );
      }
    }
  },
};

/** The ordinals of each group of sibling headings under the sections the template names. */
function sectionGroups(doc: MinutesDocument, template: ResolvedTemplate, ids: readonly string[]): Ordinal[][] {
  const parents = new Set<Section | 'outline'>();
  for (const id of ids) {
    if (id === '*') {
      // Every sibling group: the top level and the children of each section.
      parents.add('outline');
      for (const s of doc.sections) parents.add(s);
      continue;
    }
    const spec = sectionSpecById(template, id);
    if (spec) for (const s of findSections(doc, spec)) parents.add(s);
  }
  return [...parents].map((p) => (p === 'outline' ? doc.outline : p.children).flatMap((s) => (s.ordinal ? [s.ordinal] : [])));
}

interface Style {
  style: Ordinal['style'];
  punct: string;
}

function checkGroup(ctx: RuleContext, items: readonly Ordinal[], templatePunct: string | undefined): void {
  if (!items.length) return;
  const want: Style = { style: mostCommon(items.map((o) => o.style)), punct: templatePunct ?? mostCommon(items.map((o) => o.punct)) };

  for (const item of items) {
    const expected = formatOrdinal(item.value, want, item);
    if (item.style === want.style && item.punct === want.punct) continue;
    ctx.report({
      span: item.span,
      message: ctx.t('punct', { found: item.text, expected }),
      fixes: [{ title: ctx.t('fixPunct', { expected }), edits: [ordinalEdit(ctx.doc.text, item, expected)], preferred: true, safe: true }],
    });
  }

  // A list may count from 0 (`0. 遗留问题`) or 1; anything else is renumbered from 1.
  const base = items[0].value <= 1 ? items[0].value : 1;
  const goesBack = items.some((o, i) => i > 0 && o.value < items[i - 1].value);
  const present = new Set(items.map((o) => o.value));
  const renumber = goesBack ? undefined : renumberFix(ctx, items, base, want);
  const fixes = renumber ? [renumber] : [];
  if (items[0].value > 1) {
    ctx.report({
      span: items[0].span,
      message: ctx.t('start', { found: items[0].text, expected: formatOrdinal(base, want, items[0]) }),
      fixes,
    });
  }
  for (let i = 1; i < items.length; i++) {
    const previous = items[i - 1];
    const item = items[i];
    if (item.value === previous.value + 1) continue;
    const data = { found: item.text, previous: previous.text };
    if (item.value === previous.value) {
      ctx.report({ span: item.span, message: ctx.t('repeat', data), fixes });
    } else if (item.value < previous.value) {
      ctx.report({ span: item.span, message: ctx.t('backwards', data) });
    } else {
      // `1、2、4、3、5`: 3 is not missing, it is late; the step back reports it, once.
      const missing: string[] = [];
      for (let v = previous.value + 1; v < item.value && missing.length < 5; v++) {
        if (!present.has(v)) missing.push(want.style === 'chinese' ? toChineseNumber(v) : String(v));
      }
      if (!missing.length) continue;
      ctx.report({ span: item.span, message: ctx.t('gap', { ...data, missing: missing.join(ctx.lang === 'zh' ? '、' : ', ') }), fixes });
    }
  }
}

/** One fix for the whole group, so that fixing one break does not create the next one. */
function renumberFix(ctx: RuleContext, items: readonly Ordinal[], base: number, want: Style): Fix | undefined {
  const edits: TextEdit[] = [];
  items.forEach((item, i) => {
    const text = formatOrdinal(base + i, want, item);
    if (text !== item.text) edits.push(ordinalEdit(ctx.doc.text, item, text));
  });
  if (!edits.length) return undefined;
  return {
    title: ctx.t('fixRenumber', {
      first: formatOrdinal(base, want, items[0]),
      last: formatOrdinal(base + items.length - 1, want, items[0]),
    }),
    edits,
    preferred: true,
    // Renumbering is mechanical, but a gap can also mean a section was lost: let a person look.
    safe: false,
  };
}

/**
 * Replaces an ordinal, minding the space after it: none after full-width punctuation
 * (`二、开源社区`), one after ASCII punctuation (`2. Release`).
 */
function ordinalEdit(text: string, item: Ordinal, newText: string): TextEdit {
  const space = /^[ \t\u3000]*/.exec(text.slice(item.span.end))![0];
  const end = item.span.end + space.length;
  if (/[.,:)]$/.test(newText)) return { start: item.span.start, end, newText: `${newText} ` };
  return { start: item.span.start, end, newText };
}

/** `三、`, `3.`, `(3)` or `（三）` in the group's style; brackets keep the width the author used. */
function formatOrdinal(value: number, want: Style, like: Ordinal): string {
  const digits = want.style === 'chinese' ? toChineseNumber(value) : String(value);
  if (want.punct === '()') return like.text.startsWith('（') ? `（${digits}）` : `(${digits})`;
  return digits + want.punct;
}

/** The most frequent value; on a tie the one seen first. */
function mostCommon<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0];
  for (const [v, n] of counts) if (n > counts.get(best)!) best = v;
  return best;
}
