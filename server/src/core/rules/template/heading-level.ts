import type { MinutesDocument, Section } from '../../model/types';
import { matchOutline } from '../../views/outline';
import type { Rule, TextEdit } from '../types';

export const headingLevel: Rule = {
  id: 'template/heading-level',
  defaultSeverity: 'warning',
  needsConfidentTemplate: true,
  fixable: true,
  description: {
    en: "A known section is written at a heading level other than the template's.",
    zh: '已知章节的标题级别与模板不符。',
  },
  messages: {
    level: {
      en: 'Section "{name}" is a level-{actual} heading; template {template} expects level {expected} ({markers}).',
      zh: '章节「{name}」是 {actual} 级标题，模板 {template} 要求 {expected} 级（{markers}）。',
    },
    levelSeen: {
      en: 'Section "{name}" is a level-{actual} heading; the last {of} minutes in this folder write it at level {expected} ({markers}).',
      zh: '章节「{name}」是 {actual} 级标题；此目录最近 {of} 份纪要都把它写成 {expected} 级（{markers}）。',
    },
    fix: { en: 'Make it a level-{expected} heading ({markers})', zh: '改为 {expected} 级标题（{markers}）' },
  },
  check(ctx) {
    const { doc } = ctx;
    // Plain-text label sections (`议题：`) have no heading level to get wrong.
    if (doc.format !== 'markdown') return;
    const matches = matchOutline(doc, ctx.template.sections);
    for (const { spec, section, siblings } of matches) {
      if (section.kind !== 'heading' || spec.level === undefined || section.level === spec.level) continue;
      if (
        isSubheadingOfSibling(
          section,
          matches.filter((m) => m.siblings === siblings).map((m) => m.section),
        )
      )
        continue;
      const markers = '#'.repeat(spec.level);
      ctx.report({
        span: section.heading,
        message: ctx.t(spec.seen ? 'levelSeen' : 'level', {
          of: spec.seen?.of ?? 0,
          name: section.title,
          actual: section.level,
          expected: spec.level,
          markers,
          template: ctx.template.resolvedId,
        }),
        fixes: [
          {
            title: ctx.t('fix', { expected: spec.level, markers }),
            edits: relevel(doc, section, spec.level),
            preferred: true,
            safe: true,
          },
        ],
      });
    }
  },
};

/**
 * `#### OpenCurve公众号文章` under `### 二、开源社区`: a known section written as a part of one of
 * its template siblings is a deliberate sub-heading, not a level mistake. A numbered one
 * (`#### 二、开源社区` under `### 一、近期进展`) continues the siblings' numbering, so it is reported.
 */
function isSubheadingOfSibling(section: Section, siblingSections: readonly Section[]): boolean {
  if (section.ordinal) return false;
  for (let p = section.parent; p; p = p.parent) if (siblingSections.includes(p)) return true;
  return false;
}

/** Rewrites the `#` markers (and an ATX closing sequence); a setext heading becomes an ATX one. */
function relevel(doc: MinutesDocument, section: Section, level: number): TextEdit[] {
  const markers = '#'.repeat(level);
  if (section.setext) {
    const title = doc.text.slice(section.titleSpan.start, section.titleSpan.end).replace(/(?<![ \t])[ \t]*\r?\n[ \t]*/g, ' ');
    return [{ start: section.heading.start, end: section.heading.end, newText: `${markers} ${title}` }];
  }
  const line = doc.text.slice(section.heading.start, section.heading.end);
  const open = /^([ \t]{0,3})(#{1,6})/.exec(line);
  if (!open) return [];
  const start = section.heading.start + open[1].length;
  const edits: TextEdit[] = [{ start, end: start + open[2].length, newText: markers }];
  // `## 时间 ##`: the closing run follows the title after a space; its length is free but keep it tidy.
  const close = /[ \t](#+)[ \t]*$/.exec(line);
  if (close && section.heading.start + close.index + 1 >= section.titleSpan.end) {
    const closeStart = section.heading.start + close.index + 1;
    edits.push({ start: closeStart, end: closeStart + close[1].length, newText: markers });
  }
  return edits;
}
