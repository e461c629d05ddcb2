import { normalizeName } from '../model/parse';
import { dataPattern } from '../regex/pattern';
import type { Field, MinutesDocument, Section } from '../model/types';
import type { FieldSpec, ResolvedTemplate, SectionSpec } from './types';

/** Does a section's title name this spec (a name, an alias or a pattern)? */
export function sectionMatches(section: Section, spec: SectionSpec): boolean {
  const title = normalizeName(section.title);
  if (spec.names.some((n) => normalizeName(n) === title)) return true;
  return (spec.patterns ?? []).some((p) => dataPattern(p, { ignoreCase: true })?.test(section.title) === true);
}

export function findSections(doc: MinutesDocument, spec: SectionSpec, within?: readonly Section[]): Section[] {
  return (within ?? doc.sections).filter((s) => sectionMatches(s, spec));
}

/** Every section spec of the template, depth first, with its parent spec. */
export function walkSectionSpecs(
  specs: readonly SectionSpec[] | undefined,
  visit: (spec: SectionSpec, parent: SectionSpec | undefined, index: number) => void,
  parent?: SectionSpec,
): void {
  (specs ?? []).forEach((spec, index) => {
    visit(spec, parent, index);
    walkSectionSpecs(spec.children, visit, spec);
  });
}

export function sectionSpecById(template: ResolvedTemplate, id: string): SectionSpec | undefined {
  let found: SectionSpec | undefined;
  walkSectionSpecs(template.sections, (s) => {
    if (!found && s.id === id) found = s;
  });
  return found;
}

export interface FieldMatch {
  field: Field;
  /** True when the label is one of the spec's old spellings. */
  old: boolean;
}

function fieldSource(spec: FieldSpec): Field['source'] {
  return spec.source ?? 'line';
}

/** The fields written for a spec, in document order. */
export function findFields(doc: MinutesDocument, spec: FieldSpec): FieldMatch[] {
  const labels = new Set(spec.labels.map(normalizeName));
  const old = new Set((spec.oldLabels ?? []).map(normalizeName));
  const source = fieldSource(spec);
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

export function findField(doc: MinutesDocument, template: ResolvedTemplate, id: string): FieldMatch | undefined {
  const spec = template.fields?.find((f) => f.id === id);
  return spec ? findFields(doc, spec)[0] : undefined;
}

/** `" "`, `( )`, `""`, `-` and the spec's own empty values count as not filled in. */
export function isEmptyValue(value: string, spec?: FieldSpec): boolean {
  const v = value.replace(/^["'(（]\s*|(?<!\s)\s*["')）]$/g, '').trim();
  if (!v || v === '-' || v === '—') return true;
  return (spec?.emptyValues ?? []).some((e) => e.trim() === v);
}

export function localized(text: string | { en: string; zh?: string }, lang: 'en' | 'zh'): string {
  return typeof text === 'string' ? text : (lang === 'zh' && text.zh) || text.en;
}
