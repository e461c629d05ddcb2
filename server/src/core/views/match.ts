import type { Field, MinutesDocument, Section } from '../model/types';
import { dataPattern } from '../regex/pattern';
import type { FieldSpec, SectionSpec } from '../templates/types';
import { normalizeName } from '../text/names';

/** Does a section's title name this spec (a name, an alias or a pattern)? */
export function sectionMatches(section: Section, spec: SectionSpec): boolean {
  const title = normalizeName(section.title);
  if (spec.names.some((n) => normalizeName(n) === title)) return true;
  return (spec.patterns ?? []).some((p) => dataPattern(p, { ignoreCase: true })?.test(section.title) === true);
}

export function findSections(doc: MinutesDocument, spec: SectionSpec, within?: readonly Section[]): Section[] {
  return (within ?? doc.sections).filter((s) => sectionMatches(s, spec));
}

export interface FieldMatch {
  field: Field;
  /** True when the label is one of the spec's old spellings. */
  old: boolean;
}

/** The fields written for a spec, in document order. */
export function findFields(doc: MinutesDocument, spec: FieldSpec): FieldMatch[] {
  const labels = new Set(spec.labels.map(normalizeName));
  const old = new Set((spec.oldLabels ?? []).map(normalizeName));
  const source = spec.source ?? 'line';
  const end = spec.region === 'header' ? headerEnd(doc) : Infinity;
  const out: FieldMatch[] = [];
  for (const field of doc.fields) {
    if (field.source !== source || field.span.start >= end) continue;
    const label = normalizeName(field.label);
    if (labels.has(label)) out.push({ field, old: false });
    else if (old.has(label)) out.push({ field, old: true });
  }
  return out;
}

/** The header ends where the first section (heading or label line) starts. */
function headerEnd(doc: MinutesDocument): number {
  return doc.sections.length ? doc.sections[0].heading.start : doc.text.length;
}

/**
 * A value that says on purpose that there is none: `N/A`, `NONE`, `Not recorded`, `No recording
 * this week`, `<Not available, did not stream>`, `didn't stream`, `无`, `暂无`, `不适用`. Filled in,
 * so not missing; and no date or address to hold to a format.
 */
export function statesAbsence(value: string): boolean {
  const v = value.replace(/^[\s<("'（“「*_]+/u, '').toLowerCase();
  return /^(?:n\/?a\b|none\b|nil\b|null\b|not?\b|did(?:n['’]t|\s+not)\b|无$|暂无|没有|不适用|未(?:录|提供|定))/u.test(v);
}

/** `" "`, `( )`, `""`, `-` and the spec's own empty values count as not filled in. */
export function isEmptyValue(value: string, spec?: FieldSpec): boolean {
  const v = value.replace(/^["'(（]\s*|(?<!\s)\s*["')）]$/g, '').trim();
  if (!v || v === '-' || v === '—') return true;
  return (spec?.emptyValues ?? []).some((e) => e.trim() === v);
}
