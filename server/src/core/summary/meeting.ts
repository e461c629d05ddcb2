import { AttendeeIndex, listAttendees, splitList, type Attendee } from '../views/attendees';
import { filenameDate, findDate, formatDate, type DateMatch } from '../model/dates';
import type { Field, MinutesDocument } from '../model/types';
import { findFields, isEmptyValue } from '../views/match';
import type { FieldSpec, ResolvedTemplate } from '../templates/types';
import { handlesIn, withoutHandles } from './spans';
import type { SummaryDate, SummaryPerson, SummaryPlace } from './types';

/** Looks a handle up in the team's roster (the host supplies it; the core reads no files). */
export type RosterLookup = (handle: string) => string | undefined;

/**
 * The meeting date, from the places the template names (fields first, as they are the most
 * deliberate, then the title, then the file name). Templates without a `dates` spec still get
 * a date from any date-shaped field, the title or the file name.
 */
export function meetingDate(doc: MinutesDocument, template: ResolvedTemplate): SummaryDate | undefined {
  const spec = template.dates ?? { fields: dateFieldIds(template), title: true, filename: true };
  for (const id of spec.fields ?? []) {
    const fieldSpec = template.fields?.find((f) => f.id === id);
    if (!fieldSpec) continue;
    for (const field of filled(doc, fieldSpec)) {
      const match = findDate(field.value, { monthDay: true });
      if (match) return dated(doc, match, valueOffset(doc, field, match), 'field');
    }
  }
  if (spec.title && doc.title) {
    const titleText = doc.text.slice(doc.title.titleSpan.start, doc.title.titleSpan.end);
    const match = findDate(titleText, { monthDay: true });
    if (match) return dated(doc, match, doc.title.titleSpan.start + match.start, 'title');
  }
  if (spec.filename) {
    const basename = doc.path.slice(doc.path.lastIndexOf('/') + 1);
    const match = filenameDate(basename, template.filename?.pattern);
    if (match) return dated(doc, match, 0, 'filename');
  }
  return undefined;
}

function dateFieldIds(template: ResolvedTemplate): string[] {
  return (template.fields ?? []).filter((f) => f.format === 'date' || f.format === 'datetime-range').map((f) => f.id);
}

function dated(doc: MinutesDocument, match: DateMatch, offset: number, source: SummaryDate['source']): SummaryDate {
  return { text: match.text, iso: formatDate(match.date), source, ...doc.lines.position(offset) };
}

/** The value's offset of a match found in `field.value` (the value may be trimmed or unquoted). */
function valueOffset(doc: MinutesDocument, field: Field, match: DateMatch): number {
  const written = doc.text.slice(field.valueSpan.start, field.valueSpan.end);
  const at = written.indexOf(match.text);
  return field.valueSpan.start + (at >= 0 ? at : 0);
}

function filled(doc: MinutesDocument, spec: FieldSpec): Field[] {
  return findFields(doc, spec)
    .map((m) => m.field)
    .filter((f) => !isEmptyValue(f.value, spec));
}

// `19:00~19:30`, `10:00-12:00 (UTC/GMT+8:00)`, `14:00 至 16:00`.
const TIME_RANGE = /\d{1,2}[:：]\d{2}\s*(?:[-~～–—至到]|to)\s*\d{1,2}[:：]\d{2}(?:\s*[(（][^)）]*[)）])?/i;

/** The time of the meeting: the first time range in a field the template gives a time format. */
export function meetingTime(doc: MinutesDocument, template: ResolvedTemplate): (SummaryPlace & { text: string }) | undefined {
  const specs = (template.fields ?? []).filter((f) => f.format === 'time-range' || f.format === 'datetime-range');
  for (const spec of specs) {
    for (const field of filled(doc, spec)) {
      const written = doc.text.slice(field.valueSpan.start, field.valueSpan.end);
      const m = TIME_RANGE.exec(written);
      if (m) return { text: m[0].trim(), ...doc.lines.position(field.valueSpan.start + m.index) };
    }
  }
  return undefined;
}

// Host labels of templates that do not give the field the id `host` (a team's own template).
const HOST_LABEL = /主持|\bhost\b|\bchair\b|facilitator|moderator/i;
const NEXT_LABEL = /下[一次]|next/i;

/** The meeting's host(s): the `host` field, else a field whose label says host and not next host. */
export function meetingHosts(doc: MinutesDocument, template: ResolvedTemplate, roster?: RosterLookup): SummaryPerson[] {
  const spec = template.fields?.find((f) => f.id === 'host');
  const fields = spec
    ? filled(doc, spec)
    : doc.fields.filter((f) => f.source !== 'section' && HOST_LABEL.test(f.label) && !NEXT_LABEL.test(f.label) && !isEmptyValue(f.value));
  const field = fields[0];
  if (!field) return [];
  return splitList(doc.text, field.valueSpan.start, field.valueSpan.end)
    .map((piece) => person(doc, doc.text.slice(piece.start, piece.end), piece.start, roster))
    .filter((p) => p.name || p.handle);
}

function person(doc: MinutesDocument, text: string, offset: number, roster?: RosterLookup): SummaryPerson {
  const handle = handlesIn(doc, { start: offset, end: offset + text.length })[0];
  const name = withoutHandles(doc, text, offset)
    .replace(/[(（][^()（）]*[)）]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const p: SummaryPerson = { text, name, ...doc.lines.position(offset) };
  if (handle) p.handle = handle;
  return withRoster(p, roster);
}

function withRoster(p: SummaryPerson, roster?: RosterLookup): SummaryPerson {
  const rosterName = p.handle ? roster?.(p.handle) : undefined;
  return rosterName ? { ...p, rosterName } : p;
}

/** The attendees, each person once (the `attendee/duplicate` rule reports the repeats). */
export function meetingAttendees(doc: MinutesDocument, template: ResolvedTemplate, roster?: RosterLookup): SummaryPerson[] {
  const unique: Attendee[] = [];
  const index = new AttendeeIndex();
  for (const a of listAttendees(doc, template)) {
    if (index.find(a)) continue;
    index.add(a);
    unique.push(a);
  }
  return unique.map((a) => {
    const p: SummaryPerson = { text: a.text, name: a.name, ...doc.lines.position(a.span.start) };
    if (a.handle) p.handle = a.handle;
    return withRoster(p, roster);
  });
}
