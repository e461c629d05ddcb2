import type { Field } from '../../model/types';
import { sectionSpecById } from '../../templates/specs';
import type { FieldFormat, FieldSpec } from '../../templates/types';
import { dataPattern } from '../../regex/pattern';
import { formatProblem } from '../../views/field-format';
import { findFields, isEmptyValue, statesAbsence } from '../../views/match';
import type { Fix, Rule, RuleContext } from '../types';

export const fieldFormat: Rule = {
  id: 'template/field-format',
  defaultSeverity: 'warning',
  needsConfidentTemplate: true,
  fixable: true,
  description: {
    en: 'A field value is not in the format the template expects (date, time range, URL…).',
    zh: '字段值不符合模板要求的格式（日期、时间段、链接等）。',
  },
  messages: {
    date: {
      en: 'Field "{label}": "{value}" is not a date like 2023-04-12 or 2023/04/12.',
      zh: '字段「{label}」：「{value}」不是 2023-04-12 或 2023/04/12 形式的日期。',
    },
    dateShape: {
      en: 'Field "{label}": write the date "{value}" as {expected} (four-digit year, two-digit month and day, one separator).',
      zh: '字段「{label}」：日期「{value}」应写作 {expected}（四位年份、两位月日，分隔符统一）。',
    },
    timeRange: {
      en: 'Field "{label}": "{value}" is not a time range like 10:00-12:00 or 19:00~19:30.',
      zh: '字段「{label}」：「{value}」不是 10:00-12:00 或 19:00~19:30 形式的时间段。',
    },
    timeColon: {
      en: 'Field "{label}": the time "{value}" uses a full-width colon; write {expected}.',
      zh: '字段「{label}」：时间「{value}」使用了全角冒号，应写作 {expected}。',
    },
    url: { en: 'Field "{label}": "{value}" is not a URL.', zh: '字段「{label}」：「{value}」不是链接地址。' },
    names: { en: 'Field "{label}": "{value}" leaves an empty name in the list.', zh: '字段「{label}」：「{value}」使名单中出现空项。' },
    handle: { en: 'Field "{label}": "{value}" is not a valid handle.', zh: '字段「{label}」：「{value}」不是有效的账号名。' },
    pattern: {
      en: 'Field "{label}": "{value}" does not match the template pattern {pattern}.',
      zh: '字段「{label}」：「{value}」不符合模板的格式 {pattern}。',
    },
    title: {
      en: 'Title "{value}" does not match the pattern of template {template}: {pattern}.',
      zh: '标题「{value}」不符合模板 {template} 规定的格式：{pattern}。',
    },
    fix: { en: 'Write "{expected}"', zh: '改为「{expected}」' },
  },
  check(ctx) {
    for (const spec of ctx.template.fields ?? []) {
      if (!spec.format && !spec.pattern) continue;
      // The first filled occurrence is the field; a later `会议纪要：同意…` inside a topic is prose
      // that happens to share the label. Empty values are template/missing-field's business.
      const field = findFields(ctx.doc, spec)
        .map((m) => m.field)
        .find((f) => !isEmptyValue(f.value, spec));
      if (!field) continue;
      if (spec.format === 'names') checkNames(ctx, field);
      else if (spec.format) checkFormat(ctx, spec, spec.format, field);
      if (spec.pattern) checkPattern(ctx, spec, field);
    }
    checkTitle(ctx);
  },
};

/** `title.pattern`: a team that writes one says how every title of its minutes reads. */
function checkTitle(ctx: RuleContext): void {
  const source = ctx.template.title?.pattern;
  const title = ctx.doc.title;
  if (!source || !title) return;
  const pattern = dataPattern(source);
  if (!pattern || pattern.test(title.title)) return;
  ctx.report({
    span: title.titleSpan,
    message: ctx.t('title', { value: title.title, template: ctx.template.resolvedId, pattern: source }),
  });
}

function checkFormat(ctx: RuleContext, spec: FieldSpec, format: FieldFormat, field: Field): void {
  const value = valueOf(field);
  if (statesAbsence(value.text)) return; // `Recording: N/A`: no recording, said so
  const problem = formatProblem(format, value.text, dateSeparator(ctx, spec));
  if (!problem) return;
  const start = value.start + problem.start;
  const end = value.start + problem.end;
  const expected = problem.replacement;
  const fixes: Fix[] =
    expected !== undefined
      ? [{ title: ctx.t('fix', { expected }), edits: [{ start, end, newText: expected }], preferred: true, safe: true }]
      : [];
  const message = ctx.t(problem.kind, { label: field.label, value: problem.value, ...(expected === undefined ? {} : { expected }) });
  ctx.report({ span: { start, end }, message, fixes });
}

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * The value without the quotes or parentheses of LCTT headers, and where it starts in the text.
 * Invisible characters are blanked out (same length, so offsets hold): encoding/invisible reports them.
 */
function valueOf(field: Field): { text: string; start: number } {
  const at = field.rawValue.indexOf(field.value);
  return { text: field.value.replace(INVISIBLE, ' '), start: field.valueSpan.start + Math.max(0, at) };
}

/** The separator of the template's own skeleton (`YYYY/MM/DD`), for dates written without one (`2023 Jun 01`). */
function dateSeparator(ctx: RuleContext, spec: FieldSpec): string {
  const skeleton = spec.skeleton ?? sectionSpecById(ctx.template, spec.id)?.skeleton ?? '';
  return /YYYY\/MM/i.test(skeleton) ? '/' : '-';
}

const NAME_SEPARATORS = /[、，,;；]/g;
// `熊伟、、谢秀奇`, `曹志,、刘恺`: a doubled separator leaves an empty name in the list.
const DOUBLED_SEPARATOR = /[、，,;；](?:[ \t\u3000]*[、，,;；])+/g;

function checkNames(ctx: RuleContext, field: Field): void {
  const value = valueOf(field);
  const counts = new Map<string, number>();
  for (const m of value.text.matchAll(NAME_SEPARATORS)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  // The list's own separator is the one it uses most.
  const separator = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '、';
  for (const m of value.text.matchAll(DOUBLED_SEPARATOR)) {
    const start = value.start + m.index;
    const end = start + m[0].length;
    ctx.report({
      span: { start, end },
      message: ctx.t('names', { label: field.label, value: m[0] }),
      fixes: [{ title: ctx.t('fix', { expected: separator }), edits: [{ start, end, newText: separator }], preferred: true, safe: true }],
    });
  }
}

function checkPattern(ctx: RuleContext, spec: FieldSpec, field: Field): void {
  const value = valueOf(field);
  const pattern = dataPattern(spec.pattern!);
  if (!pattern || pattern.test(value.text)) return;
  ctx.report({
    span: { start: value.start, end: value.start + value.text.length },
    message: ctx.t('pattern', { label: field.label, value: value.text, pattern: spec.pattern! }),
  });
}
