import type { MinutesDocument, Section } from '../../model/types';
import { matchOutline } from '../../views/outline';
import type { SectionSpec } from '../../templates/types';
import { defineRule } from '../types';

export const emptySection = defineRule({
  id: 'template/empty-section',
  defaultSeverity: 'warning',
  needsConfidentTemplate: true,
  description: {
    en: 'A section of the template has no content.',
    zh: '模板中的章节没有内容。',
  },
  messages: {
    empty: {
      en: 'Section "{name}" is empty; template {template} expects content here.',
      zh: '章节「{name}」为空，模板 {template} 要求此处有内容。',
    },
    emptyHeading: {
      en: 'Section "{name}" is empty: the next heading follows it directly.',
      zh: '章节「{name}」为空：紧接着就是下一个标题。',
    },
  },
  options: {
    allHeadings: {
      type: 'boolean',
      default: false,
      description: {
        en: 'Report every empty heading, not only the sections the template names.',
        zh: '报告所有空标题，而不仅是模板列出的章节。',
      },
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const checked = new Set<Section>();
    for (const { spec, all } of matchOutline(doc, ctx.template.sections)) {
      for (const section of all) {
        checked.add(section);
        if (section.hasContent || mayBeEmpty(spec) || isGroupLabel(doc, section) || insideNamesake(section, all)) continue;
        ctx.report({ span: section.heading, message: ctx.t('empty', { name: section.title, template: ctx.template.resolvedId }) });
      }
    }
    // Headings the template does not know are left alone by default: in real minutes the empty
    // ones are mostly agenda slots with nothing to report (Node.js "Strategic Initiatives").
    if (!ctx.options.allHeadings) return;
    doc.sections.forEach((section, i) => {
      const next = doc.sections[i + 1];
      if (checked.has(section) || section.hasContent || section.kind !== 'heading' || !next) return;
      ctx.report({ span: section.heading, message: ctx.t('emptyHeading', { name: section.title }) });
    });
  },
});

/**
 * `## Notes` holding `### Attendees` and `### Notes`: the inner heading is a part of the
 * template's section, not another one, and what the series learned of that section (it has
 * content) says nothing of its parts. Wasmtime's calls leave both parts blank when the notes
 * were kept elsewhere.
 */
function insideNamesake(section: Section, all: readonly Section[]): boolean {
  return all.some((outer) => outer !== section && outer.body.start <= section.heading.start && section.heading.end <= outer.body.end);
}

/** Optional sections may stay empty unless the template says otherwise; required ones may not. */
function mayBeEmpty(spec: SectionSpec): boolean {
  return spec.allowEmpty ?? !spec.required;
}

/**
 * Plain-text labels make a flat outline, so a label can title the labels below it: `议题：`
 * directly followed by `遗留问题跟踪：`, or `Meeting Agenda 会议议题：` followed by its numbered
 * part `0. 遗留问题：`. Such a label is a group title, not an empty section.
 */
function isGroupLabel(doc: MinutesDocument, section: Section): boolean {
  if (section.kind !== 'label') return false;
  const next = doc.sections[doc.sections.indexOf(section) + 1];
  if (!next) return false;
  const adjacent = doc.lines.position(next.heading.start).line === doc.lines.position(section.heading.start).line + 1;
  return adjacent || (next.ordinal !== undefined && section.ordinal === undefined);
}
