import { insideAny } from '../text/spans';
import { plainText } from '../model/parse';
import { conclusionPattern, findTopicLists } from '../views/topics';
import type { MinutesDocument } from '../model/types';
import { findSections } from '../views/match';
import { sectionSpecById } from '../templates/specs';
import type { ResolvedTemplate } from '../templates/types';
import type { Span } from '../text/lines';
import type { DataPattern } from '../regex/pattern';
import { listItems } from './spans';
import type { SummaryDecision } from './types';

/**
 * Labels that announce a decision in minutes whose template names none (Curve, student groups,
 * generic minutes): a label followed by a colon, as `template/topic-conclusion` reads them.
 */
const DEFAULT_LABELS = [
  '结论',
  '会议结论',
  '决策',
  '会议决策',
  '决议',
  '决定',
  'Decision',
  'Conclusion',
  'Resolution',
  'Resolved',
  'Outcome',
];

/** Long decisions are cut: the summary points at them, the minutes below hold them whole. */
const MAX_TEXT = 280;

/**
 * What the meeting decided: the conclusions of the template's topics (with their topic), the
 * items of a `Decisions` section, and any other line that starts with a decision label.
 */
export function meetingDecisions(doc: MinutesDocument, template: ResolvedTemplate): SummaryDecision[] {
  const out: SummaryDecision[] = [];
  const taken: Span[] = [];
  const labels = template.topics?.conclusionLabels.length ? template.topics.conclusionLabels : DEFAULT_LABELS;
  const pattern = conclusionPattern(labels)!;

  for (const list of findTopicLists(doc, template)) {
    for (const topic of list.topics) {
      for (const span of topic.conclusions) {
        const text = labelledText(doc, span, pattern, topic.span.end);
        taken.push(span);
        if (text) out.push({ topic: clean(topic.title) || undefined, text, ...doc.lines.position(span.start) });
      }
    }
  }

  const sectionSpec = sectionSpecById(template, 'decisions');
  for (const section of sectionSpec ? findSections(doc, sectionSpec) : []) {
    for (const item of listItems(doc.mdast, { start: section.heading.end, end: section.body.end })) {
      const text = clean(firstLine(plainText(item)));
      if (!text) continue;
      const start = item.position!.start.offset!;
      taken.push({ start, end: item.position!.end.offset! });
      out.push({ text, ...doc.lines.position(start) });
    }
  }

  // Decision lines elsewhere: `**结论：**…` under a Curve heading, `Decision: …` in a TSC agenda item.
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const start = doc.lines.lineStart(line);
    if (insideAny(start, taken) || insideAny(start, doc.verbatim)) continue;
    const lineText = doc.lines.lineText(line);
    const m = pattern.exec(lineText);
    // Only a label that opens the line (after a bullet or emphasis) announces a decision.
    if (!m || /[\p{L}\p{N}]/u.test(lineText.slice(0, m.index).replace(/^[\s>*_#+-]*(?:\d+[.)、]\s*)?/u, ''))) continue;
    const span = { start: start + lineText.length - lineText.trimStart().length, end: doc.lines.lineEnd(line) };
    const text = labelledText(doc, span, pattern, doc.text.length);
    if (text) out.push({ text, ...doc.lines.position(span.start) });
  }

  return out.sort((a, b) => a.line - b.line || a.character - b.character);
}

/**
 * The decision written after the label on the same line, or, when the label stands alone
 * (`会议结论：` then the text below), the lines that follow up to a blank line.
 */
function labelledText(doc: MinutesDocument, span: Span, pattern: DataPattern, limit: number): string {
  const lineText = doc.text.slice(span.start, span.end);
  const m = pattern.exec(lineText);
  const rest = clean(m ? lineText.slice(m.end) : lineText);
  if (rest) return shorten(rest);
  const parts: string[] = [];
  let line = doc.lines.position(span.start).line + 1;
  for (; line < doc.lines.lineCount && doc.lines.lineStart(line) < limit; line++) {
    const next = clean(doc.lines.lineText(line));
    if (!next) {
      if (parts.length) break;
      continue;
    }
    parts.push(next);
    if (parts.join(' ').length > MAX_TEXT) break;
  }
  return shorten(parts.join(' '));
}

/** Markdown emphasis and bullets are not part of what was decided. */
function clean(text: string): string {
  return text
    .replace(/\*\*|__|`/g, '')
    .replace(/^[\s>*+-]+/, '')
    .replace(/^[\s：:，,、。.]+/, '')
    .trim();
}

function shorten(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0];
}
