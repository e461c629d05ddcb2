import { parseMinutes, type ParseOptions } from '../model/parse';
import type { MinutesDocument } from '../model/types';
import { dataPattern, type DataPattern } from '../regex/pattern';
import { walkSectionSpecs } from '../templates/specs';
import type { TemplateSpec } from '../templates/types';
import { normalizeName } from '../text/names';

/** What a parse reads of a template. */
export type ParseTemplate = Pick<TemplateSpec, 'sections' | 'format'>;

/** The section names (normalised) and name patterns of a template, at every depth. */
function sectionKeys(template: ParseTemplate): { names: Set<string>; patterns: string[] } {
  const names = new Set<string>();
  const patterns: string[] = [];
  walkSectionSpecs(template.sections, (spec) => {
    for (const n of spec.names) names.add(normalizeName(n));
    patterns.push(...(spec.patterns ?? []));
  });
  return { names, patterns };
}

/**
 * Parses with what the template knows: its format, and its section names, so that in plain text
 * only label lines the template names start a section. One parse per version. `markdown` lends
 * a tree parsed already (a host's memo).
 */
export function parseForTemplate(
  path: string,
  text: string,
  template: ParseTemplate,
  markdown?: ParseOptions['markdown'],
): MinutesDocument {
  const { names, patterns: sources } = sectionKeys(template);
  const patterns = sources.map((p) => dataPattern(p, { ignoreCase: true })).filter((p): p is DataPattern => !!p);
  const known =
    names.size || patterns.length ? (title: string) => names.has(normalizeName(title)) || patterns.some((p) => p.test(title)) : undefined;
  return parseMinutes(text, path, { format: template.format === 'plaintext' ? 'plaintext' : undefined, sectionNames: known, markdown });
}

const parseKeys = new WeakMap<ParseTemplate, string>();

/**
 * What `parseForTemplate` reads of a template, as a string: two templates with the same key
 * parse a text to the same document (a template's variants mostly differ in other keys).
 */
export function parseKeyOf(template: ParseTemplate): string {
  let key = parseKeys.get(template);
  if (key === undefined) {
    const { names, patterns } = sectionKeys(template);
    key = JSON.stringify([template.format === 'plaintext', [...names].sort(), [...patterns].sort()]);
    parseKeys.set(template, key);
  }
  return key;
}
