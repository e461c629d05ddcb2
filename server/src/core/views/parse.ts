import { parseMinutes } from '../model/parse';
import type { MinutesDocument } from '../model/types';
import { dataPattern, type DataPattern } from '../regex/pattern';
import { walkSectionSpecs } from '../templates/specs';
import type { ResolvedTemplate } from '../templates/types';
import { normalizeName } from '../text/names';

/**
 * Parses with what the template knows: its format, and its section names, so that in plain text
 * only label lines the template names start a section. One parse per version.
 */
export function parseForTemplate(path: string, text: string, template: ResolvedTemplate): MinutesDocument {
  const names = new Set<string>();
  const patterns: DataPattern[] = [];
  walkSectionSpecs(template.sections, (spec) => {
    for (const n of spec.names) names.add(normalizeName(n));
    for (const p of spec.patterns ?? []) {
      const pattern = dataPattern(p, { ignoreCase: true });
      if (pattern) patterns.push(pattern);
    }
  });
  const known = names.size || patterns.length
    ? (title: string) => names.has(normalizeName(title)) || patterns.some((p) => p.test(title))
    : undefined;
  return parseMinutes(text, path, { format: template.format === 'plaintext' ? 'plaintext' : undefined, sectionNames: known });
}
