import type { Field } from './types';

/**
 * The credits at the end of an LCTT article, which older articles write on one line:
 * `译者：[geekpi](https://github.com/geekpi) 校对：[wxy](https://github.com/wxy)` (2014),
 * `作者：[a](…) 选题：[lujun9972](…) 译者：[geekpi](…) 校对：[wxy](…)` (2018). A line field
 * reads the first label with the rest as its value; these are several fields, one per label.
 */
const CREDIT_LABELS = ['作者', '原文作者', '选题', '译者', '校对'];
// The group (the next label) is read as cut[1] below, through a copy of the matches the rule cannot follow.
// eslint-disable-next-line regexp/no-unused-capturing-group
const NEXT_CREDIT = new RegExp(`(?<![ \\t\\u3000])[ \\t\\u3000]+(${CREDIT_LABELS.join('|')})[ \\t]*[：:][ \\t]*`, 'g');

export function splitCredits(fields: Field[]): Field[] {
  return fields.flatMap((field) => (field.source === 'line' && CREDIT_LABELS.includes(field.label) ? credits(field) : [field]));
}

function credits(field: Field): Field[] {
  const raw = field.rawValue;
  const cuts = [...raw.matchAll(NEXT_CREDIT)];
  if (!cuts.length) return [field];
  const out: Field[] = [];
  let label = field.label;
  let labelSpan = field.labelSpan;
  let valueStart = 0;
  let segmentStart = field.span.start;
  for (const [i, cut] of [...cuts, undefined].entries()) {
    const valueEnd = cut ? cut.index : raw.length;
    const value = raw.slice(valueStart, valueEnd);
    const start = field.valueSpan.start + valueStart;
    out.push({
      source: 'line',
      label,
      value: value.trim(),
      rawValue: value,
      labelSpan,
      valueSpan: { start, end: start + value.length },
      span: { start: segmentStart, end: i === cuts.length ? field.span.end : start + value.length },
    });
    if (!cut) break;
    label = cut[1];
    const labelStart = field.valueSpan.start + cut.index + cut[0].indexOf(cut[1]);
    labelSpan = { start: labelStart, end: labelStart + label.length };
    segmentStart = labelStart;
    valueStart = cut.index + cut[0].length;
  }
  return out;
}
