import { filenameDate, formatDate, parseDate } from '../../model/dates';
import { normalizeName } from '../../text/names';
import { headerEnd, valueLines } from '../../model/fields';
import { formatProblem } from '../../views/field-format';
import type { Field, MinutesDocument } from '../../model/types';
import { findFields, isEmptyValue } from '../../views/match';
import { sectionSpecById, walkSectionSpecs } from '../../templates/specs';
import { seenInFew, type FieldSpec, type ResolvedTemplate } from '../../templates/types';
import type { Rule, RuleContext, TextEdit } from '../types';
import { hardlyAnyNeighbour } from './neighbours';

export const missingField: Rule = {
  id: 'template/missing-field',
  defaultSeverity: 'warning',
  needsConfidentTemplate: true,
  fixable: true,
  description: {
    en: 'A metadata field the template requires is absent or left empty.',
    zh: '缺少模板要求的元数据字段，或字段为空。',
  },
  messages: {
    missing: { en: 'Missing field "{label}" required by template {template}.', zh: '缺少模板 {template} 要求的字段「{label}」。' },
    missingSeen: {
      en: 'Missing field "{label}": {seen} of the last {of} minutes in this folder have it (template {template}).',
      zh: '缺少字段「{label}」：此目录最近 {of} 份纪要中有 {seen} 份填写了它（模板 {template}）。',
    },
    empty: { en: 'Field "{label}" is empty; template {template} requires a value.', zh: '字段「{label}」为空，模板 {template} 要求填写。' },
    unlabelled: {
      en: 'Missing field "{label}" required by template {template}: this date has no label.',
      zh: '缺少模板 {template} 要求的字段「{label}」：这一行的日期没有标签。',
    },
    fix: { en: 'Insert field "{label}"', zh: '插入字段「{label}」' },
    labelFix: { en: 'Label the date as "{label}"', zh: '为日期加上标签「{label}」' },
    fillFix: { en: 'Fill in "{label}" with "{value}"', zh: '为「{label}」填入「{value}」' },
  },
  check(ctx) {
    const specs = ctx.template.fields ?? [];
    specs.forEach((spec, index) => {
      if (!spec.required || coveredBySectionRules(ctx.template, spec)) return;
      const found = findFields(ctx.doc, spec);
      if (!found.length) {
        if (!labelWithNote(ctx.doc, spec) && !writtenAsSection(ctx.doc, spec) && !foreignToEra(ctx, spec) && !relabelled(ctx, spec))
          reportMissing(ctx, specs, index);
        return;
      }
      if (spec.allowEmpty || found.some((m) => !isEmptyValue(m.field.value, spec) || continuesBelow(ctx.doc, m.field))) return;
      reportEmpty(ctx, spec, found[0].field);
    });
  },
};

/**
 * A field a built-in template requires that hardly any of the minutes around this one write is
 * not this era's habit: LCTT's footer had no `选题` before 2018 and no `作者` in 2014. Where some
 * neighbours have it and others forgot it, the finding stands. Learned templates count their own
 * evidence (`seen`).
 */
function foreignToEra(ctx: RuleContext, spec: FieldSpec): boolean {
  if (ctx.template.learned) return false;
  const keys = spec.labels.map(normalizeName);
  return hardlyAnyNeighbour(ctx, (member) => keys.some((key) => member.labels?.has(key)));
}

/**
 * EdgeGallery's Blockchain WG wrote `会议链接: https://…` in six minutes; the newest pastes the
 * invitation instead, `Join (Host)`, `Join (Guest)`, `Join (External)`, each with a URL, where the
 * link always went. A learned link field missing from a header that has a URL under a label the
 * series never used is likely there under a new name: not reported (the label is the team's
 * business; the link is not lost).
 */
function relabelled(ctx: RuleContext, spec: FieldSpec): boolean {
  if (!spec.seen || spec.format !== 'url') return false;
  const known = new Set((ctx.template.fields ?? []).flatMap((f) => [...f.labels, ...(f.oldLabels ?? [])]).map(normalizeName));
  const { doc } = ctx;
  const last = doc.lines.position(headerEnd(doc)).line;
  for (let line = 0; line <= last && line < doc.lines.lineCount; line++) {
    // The model takes no label with a note in brackets (`Join (External)`) for a field: the line is read here.
    const m = URL_LINE.exec(doc.lines.lineText(line));
    if (m && !known.has(normalizeName(m[1])) && !formatProblem('url', m[2])) return true;
  }
  return false;
}

/** `-  **Join (External)** : https://…`: a label (a note in brackets allowed), then a URL alone. */
const URL_LINE = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?([^\s：:*][^：:*\n]{0,39}?)(?:\*\*)?[ \t]*[：:](?:\*\*)?[ \t]*(https?:\/\/\S+)[ \t]*$/;

/**
 * A field written as a section (`## 时间`) that the template also lists as a section is the
 * business of template/missing-section and template/empty-section: one finding is enough.
 */
function coveredBySectionRules(template: ResolvedTemplate, spec: FieldSpec): boolean {
  if (spec.source !== 'section') return false;
  const labels = new Set(spec.labels.map(normalizeName));
  let covered = Boolean(sectionSpecById(template, spec.id));
  walkSectionSpecs(template.sections, (s) => {
    if (s.names.some((n) => labels.has(normalizeName(n)))) covered = true;
  });
  return covered;
}

function reportMissing(ctx: RuleContext, specs: readonly FieldSpec[], index: number): void {
  const { doc } = ctx;
  const spec = specs[index];
  const label = spec.labels[0];
  const { at, before, after } = insertionPoint(doc, specs, index);
  const like = before ?? after;
  const bare = isDateSpec(spec) ? bareDateLine(doc) : undefined;
  if (bare !== undefined) {
    // `2022-10-26` alone on a header line: the date is there, only its label is missing.
    const span = doc.lines.lineSpan(bare);
    const value = doc.lines.lineText(bare).trim();
    ctx.report({
      span,
      message: ctx.t('unlabelled', { label, template: ctx.template.resolvedId }),
      fixes: [
        {
          title: ctx.t('labelFix', { label }),
          edits: [{ ...span, newText: fieldLine(doc, spec, like, value) }],
          preferred: true,
          safe: true,
        },
      ],
    });
    return;
  }
  const line = fieldLine(doc, spec, like, isDateSpec(spec) ? filenameDateText(ctx, spec) : undefined);
  const edit: TextEdit = { start: at, end: at, newText: lineAt(doc, at, line) };
  const span = after ? after.span : before ? before.span : doc.lines.lineSpan(0);
  ctx.report({
    span: { start: span.start, end: doc.lines.lineEnd(doc.lines.position(span.start).line) },
    // As for sections: a field every one of a few minutes has may still be occasional.
    ...(seenInFew(spec.seen) ? { severity: 'info' as const } : {}),
    message: spec.seen
      ? ctx.t('missingSeen', { label, seen: spec.seen.in, of: spec.seen.of, template: ctx.template.resolvedId })
      : ctx.t('missing', { label, template: ctx.template.resolvedId }),
    fixes: [{ title: ctx.t('fix', { label }), edits: [edit], preferred: true, safe: true }],
  });
}

function isDateSpec(spec: FieldSpec): boolean {
  return spec.format === 'date' || spec.format === 'datetime-range';
}

/** Plain-text headers are short: a bare date further down is part of the text, not the header. */
const HEADER_LINES = 8;

/** A line of the header that holds nothing but a date. */
function bareDateLine(doc: MinutesDocument): number | undefined {
  const firstField = doc.fields.find((f) => f.source === 'line');
  const limit = Math.min(HEADER_LINES, firstField ? doc.lines.position(firstField.span.start).line + 1 : HEADER_LINES);
  for (let line = 0; line < Math.min(limit, doc.lines.lineCount); line++) {
    if (parseDate(doc.lines.lineText(line))) return line;
  }
  return undefined;
}

/**
 * With no date anywhere in the header, the file name's date (`20221012_minutes.txt`) is the best
 * value to insert; it is written the way the template's skeleton writes dates.
 */
function filenameDateText(ctx: RuleContext, spec: FieldSpec): string | undefined {
  if (!ctx.template.dates?.filename) return undefined;
  const path = ctx.doc.path;
  const match = filenameDate(path.slice(path.lastIndexOf('/') + 1), ctx.template.filename?.pattern);
  if (!match || match.date.year === undefined) return undefined;
  return formatDate(match.date, /YYYY\/MM/i.test(spec.skeleton ?? '') ? '/' : '-');
}

/**
 * `与会人(请与会人更新，会上确认)：…`: a label with a note in parentheses is still the field.
 * The document model does not take such lines for fields, so they are looked for here.
 */
function labelWithNote(doc: MinutesDocument, spec: FieldSpec): boolean {
  const labels = new Set([...spec.labels, ...(spec.oldLabels ?? [])].map(normalizeName));
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const m = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?([^：:()（）\n \t][^：:()（）\n]{0,39}?)[ \t]*[(（][^)）\n]*[)）][ \t]*(?:\*\*)?[：:]/.exec(
      doc.lines.lineText(line),
    );
    if (m && labels.has(normalizeName(m[1]))) return true;
  }
  return false;
}

/**
 * `Attendees` / `与会者` as a heading with the list below it, where the other minutes write
 * `与会人：…` on one line: the field is there, written as a section (one the template knows).
 */
function writtenAsSection(doc: MinutesDocument, spec: FieldSpec): boolean {
  if ((spec.source ?? 'line') !== 'line') return false;
  const labels = new Set(spec.labels.map(normalizeName));
  return doc.sections.some((s) => s.hasContent && labels.has(normalizeName(s.title)));
}

/** `Participants 与会人：` with the names on the lines below: the value is there. */
function continuesBelow(doc: MinutesDocument, field: Field): boolean {
  return field.source === 'line' && !field.rawValue.trim() && valueLines(doc, field).length > 1;
}

function reportEmpty(ctx: RuleContext, spec: FieldSpec, field: Field): void {
  const label = field.label;
  const skeleton = spec.skeleton?.trim();
  // An empty value is often written as `" "` or `( )`: keep the quoting and fill the inside.
  const quoted = /^(["'(（])\s*(["')）])$/.exec(field.rawValue.trim());
  const newText = skeleton ? (quoted ? `${quoted[1]}${skeleton}${quoted[2]}` : skeleton) : undefined;
  const span = field.valueSpan.end > field.valueSpan.start ? field.valueSpan : field.span;
  ctx.report({
    span,
    message: ctx.t('empty', { label, template: ctx.template.resolvedId }),
    fixes: newText
      ? [
          {
            title: ctx.t('fillFix', { label, value: skeleton! }),
            edits: [{ start: field.valueSpan.start, end: field.valueSpan.end, newText }],
            safe: false,
          },
        ]
      : [],
  });
}

interface Insertion {
  at: number;
  /** The present field the new one follows, or precedes. */
  before?: Field;
  after?: Field;
}

/** Right after the nearest earlier field of the template that is present, else before the nearest later one. */
function insertionPoint(doc: MinutesDocument, specs: readonly FieldSpec[], index: number): Insertion {
  const source = specs[index].source ?? 'line';
  const sameSource = (s: FieldSpec) => (s.source ?? 'line') === source;
  for (let i = index - 1; i >= 0; i--) {
    if (!sameSource(specs[i])) continue;
    const found = findFields(doc, specs[i]);
    if (found.length) {
      const field = found[0].field;
      const line = doc.lines.position(field.span.end).line;
      return { at: line + 1 < doc.lines.lineCount ? doc.lines.lineStart(line + 1) : doc.text.length, before: field };
    }
  }
  for (let i = index + 1; i < specs.length; i++) {
    if (!sameSource(specs[i])) continue;
    const found = findFields(doc, specs[i]);
    if (found.length) return { at: doc.lines.lineStart(doc.lines.position(found[0].field.span.start).line), after: found[0].field };
  }
  // No neighbour: LCTT headers open the file; other fields go after the title, if any.
  if (source !== 'lctt-header' && doc.title) {
    const line = doc.lines.position(doc.title.heading.end).line;
    return { at: line + 1 < doc.lines.lineCount ? doc.lines.lineStart(line + 1) : doc.text.length };
  }
  return { at: 0 };
}

/** The new field line, written in the style of a neighbouring field (bullets, bold, colon, quotes). */
function fieldLine(doc: MinutesDocument, spec: FieldSpec, like: Field | undefined, value?: string): string {
  const label = spec.labels[0];
  const skeleton = value ?? spec.skeleton ?? '';
  const source = spec.source ?? 'line';
  if (source === 'lctt-header') {
    const paren = like ? like.rawValue.trim().startsWith('(') : false;
    return `[#]: ${label}: ${paren ? `(${skeleton})` : `"${skeleton}"`}`;
  }
  if (source === 'section') {
    const level = doc.sections.find((s) => s.kind === 'heading' && s.level > 1)?.level ?? 2;
    return `${'#'.repeat(level)} ${label}\n\n${skeleton}`.trimEnd();
  }
  if (like && like.source === 'line') {
    const lineStart = doc.lines.lineStart(doc.lines.position(like.span.start).line);
    const prefix = doc.text.slice(lineStart, like.labelSpan.start);
    const between = doc.text.slice(like.labelSpan.end, like.valueSpan.start);
    return `${prefix}${label}${between}${skeleton}`.trimEnd();
  }
  return `${label}${/[\u3000-\u9fff]/.test(label) ? '：' : ': '}${skeleton}`.trimEnd();
}

/** Places a line at a line start (or at the end of the text), with the line breaks it needs. */
function lineAt(doc: MinutesDocument, at: number, line: string): string {
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const text = line.replace(/\n/g, eol);
  const atLineStart = at === 0 || doc.text[at - 1] === '\n' || doc.text[at - 1] === '\r';
  return `${atLineStart ? '' : eol}${text}${eol}`;
}
