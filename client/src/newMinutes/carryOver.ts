/**
 * New minutes of a series start from where the last ones stopped: the date the cadence gives
 * and the open items, each with its owners and a link to where it was last written, placed in
 * the template's carry-over section (`遗留问题：`), else in its action items, else in a section of
 * their own. Works on the skeleton snippet's text before it is inserted. Pure, for tests.
 */
import {
  type CarriedItem,
  type Lang,
  type MeetingDate,
  normalizeName,
  type SectionSpec,
  type TemplateSpec,
  walkSectionSpecs,
} from '../../../server/src/core';
import { sayItems } from '../items/strings';

const pad = (n: number) => String(n).padStart(2, '0');

/** The snippet's `${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}` become the meeting's date. */
export function withMeetingDate(skeleton: string, date: MeetingDate): string {
  return skeleton.replace(
    /\$\{CURRENT_YEAR\}([^$]?)\$\{CURRENT_MONTH\}([^$]?)\$\{CURRENT_DATE\}/g,
    (_, a: string, b: string) => `${date.year}${a}${pad(date.month)}${b}${pad(date.day)}`,
  );
}

/** Text inside a snippet: `$`, `}` and `\` would be read as snippet syntax. */
function literal(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** One carried item as a line of the template's kind of minutes. */
export function carriedLine(item: CarriedItem, index: number, plainText: boolean, lang: Lang): string {
  const file = basename(item.from.path);
  const line = item.from.line + 1;
  if (plainText) {
    const owners = item.owners.length ? ` -- ${item.owners.join(lang === 'zh' ? '、' : ', ')}` : '';
    const due = item.due ? (lang === 'zh' ? `（截止：${item.due}）` : ` (due ${item.due})`) : '';
    const place = sayItems('lineOf', lang, { file, line });
    return `${index + 1}. ${item.text}${due}${owners}${lang === 'zh' ? '（' : ' ('}${sayItems('carriedFrom', lang, { place })}${lang === 'zh' ? '）' : ')'}`;
  }
  // Handles first, as task lists write them; names after a dash, where the items model reads them.
  const handles = item.owners.filter((o) => o.startsWith('@'));
  const names = item.owners.filter((o) => !o.startsWith('@'));
  const due = item.due ? ` (due ${item.due})` : '';
  const link = `[${item.from.date ?? file}](${encodeURI(file)}#L${line})`;
  const named = names.length ? ` -- ${names.join(lang === 'zh' ? '、' : ', ')}` : '';
  return `- [ ] ${handles.map((h) => `${h} `).join('')}${item.text}${due}${named} — ${sayItems('carriedFrom', lang, { place: link })}`;
}

function specNames(template: Pick<TemplateSpec, 'sections'>, ids: string[]): string[] {
  const names: string[] = [];
  walkSectionSpecs(template.sections, (spec: SectionSpec) => {
    if (ids.includes(spec.id)) names.push(...spec.names.map(normalizeName));
  });
  return names;
}

/** The skeleton line that heads one of these sections: `遗留问题：`, `## Action items`. */
function headingLine(lines: string[], names: string[]): number {
  return lines.findIndex((l) => {
    const title = l
      .replace(/^#{1,6}\s+/, '')
      .replace(/^[一二三四五六七八九十\d]+[、.]\s*/, '')
      .replace(/[：:]\s*$/, '')
      .trim();
    return title !== '' && names.includes(normalizeName(title));
  });
}

export function withCarriedItems(
  skeleton: string,
  items: readonly CarriedItem[],
  template: Pick<TemplateSpec, 'sections' | 'format'>,
  lang: Lang,
): string {
  if (!items.length) return skeleton;
  const plainText = template.format === 'plaintext';
  const rendered = items.map((item, i) => literal(carriedLine(item, i, plainText, lang)));
  const lines = skeleton.split('\n');

  const carry = headingLine(lines, specNames(template, ['carry-over']));
  if (carry >= 0) {
    // The skeleton's own placeholder items under it make way for the real ones.
    let end = carry + 1;
    while (end < lines.length && lines[end].trim() && lines[end].includes('${')) end++;
    lines.splice(carry + 1, end - carry - 1, ...rendered);
    return lines.join('\n');
  }
  const actions = headingLine(lines, specNames(template, ['action-items', 'tasks']));
  if (actions >= 0) {
    const at = lines[actions + 1] === '' ? actions + 2 : actions + 1;
    lines.splice(at, 0, ...rendered);
    return lines.join('\n');
  }
  const heading = plainText ? `${sayItems('carriedHeading', lang)}：` : `## ${sayItems('carriedHeading', lang)}`;
  return [...lines, '', heading, ...(plainText ? [] : ['']), ...rendered].join('\n');
}
