import type { Span } from '../text/lines';
import type { Field, MinutesDocument } from './types';

/**
 * The lines a field's value is written on. A value left open runs on below its label line: an
 * empty one (`Participants 与会人：` then the names) or one ending with a separator
 * (`与会人：张三、李四、`). Those lines belong to it until a blank line, the next field or a heading.
 */
export function valueLines(doc: MinutesDocument, field: Field): Span[] {
  const spans: Span[] = [field.valueSpan];
  if (field.value && !/[、，,;；.．]\s*$/.test(field.value)) return spans;
  const fieldLines = new Set(doc.fields.map((f) => doc.lines.position(f.span.start).line));
  const headingLines = new Set(doc.sections.map((s) => doc.lines.position(s.heading.start).line));
  for (let line = doc.lines.position(field.valueSpan.end).line + 1; line < doc.lines.lineCount; line++) {
    if (!doc.lines.lineText(line).trim() || fieldLines.has(line) || headingLines.has(line)) break;
    spans.push(doc.lines.lineSpan(line));
  }
  return spans;
}

/** Markdown minutes keep their metadata lines near the top (`Date: …`, `**Attendees**: …`). */
const MARKDOWN_HEADER_LINES = 30;

/**
 * Where a document's header ends, the offset its metadata lines come before: plain-text minutes
 * until their first section; Markdown ones, whose label lines sit among headings, in their first lines.
 */
export function headerEnd(doc: MinutesDocument): number {
  if (doc.format === 'plaintext') return doc.sections.find((s) => s !== doc.title)?.heading.start ?? doc.text.length;
  return doc.lines.lineStart(Math.min(MARKDOWN_HEADER_LINES, doc.lines.lineCount - 1));
}
