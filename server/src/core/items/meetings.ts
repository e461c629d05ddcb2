import { trimEndWhere } from '../text/trim';
import { SERIES_CACHE_CHARS, sharedParses } from '../series/memo';
import { filenameDate, findDate, findDates, type MeetingDate } from '../model/dates';
import type { MinutesDocument } from '../model/types';
import type { SeriesMember } from '../series/types';
import { meetingDate } from '../summary/meeting';
import type { ResolvedTemplate } from '../templates/types';
import type { Span } from '../text/lines';
import { SizedCache } from '../text/sized-cache';
import { extractItems } from './extract';
import type { MinutesItem } from './types';

/** A minutes file of a series with its text. */
export interface SeriesFile {
  path: string;
  text: string;
}

/** The members of a series view (`core/series`, which groups files into series) that can be read. */
export function readMembers(members: readonly SeriesMember[]): SeriesFile[] {
  return members.flatMap((m) => {
    const text = m.text();
    return text === undefined ? [] : [{ path: m.path, text }];
  });
}

/**
 * One meeting of a series: its minutes parsed, its date and number, its items. Which files make
 * the series is the series model's (`core/series`); the meetings are ordered here by what the
 * items need: the meeting number when every file has a distinct one, else the date.
 */
export interface Meeting {
  path: string;
  doc: MinutesDocument;
  /** The meeting date: from the file name when it has one, else from the minutes. */
  date?: MeetingDate;
  /** The file name gives only a year and a month (`2025-06.md`). */
  monthOnly?: boolean;
  /** Where the minutes write the date, when it was read from their text. */
  dateSpan?: Span;
  /** `Meeting 53`, `第12次`: the meeting's number, when the file name or title gives one. */
  number?: number;
  /**
   * The file name gives the date or the number: a file of the series, not a README or an
   * archive that merely mentions a date.
   */
  named: boolean;
  items: MinutesItem[];
}

/** Meetings by path and template (`openeuler-tc/programme`, `…/archive`): a few per file of a series. */
const cache = new SizedCache<{ text: string; meeting: Meeting }>(SERIES_CACHE_CHARS);

/** Forgets the meetings read so far (benchmarks start as a fresh run would). */
export function clearMeetingCache(): void {
  cache.clear();
  sharedParses.clear();
}

/**
 * Forgets the meetings and parses of the files `needed` refuses (a language server: files of no
 * open document's series). Only memory changes: a file asked for again is parsed again. Returns
 * the characters of text behind what was let go.
 */
export function forgetMeetingsExcept(needed: (path: string) => boolean): number {
  const held = cache.size + sharedParses.size;
  cache.retain((_, { meeting }) => needed(meeting.path));
  sharedParses.retain(needed);
  return held - (cache.size + sharedParses.size);
}

/**
 * A meeting parsed once per text (the series rules of every file of a folder share them);
 * `parsed` is the document when the caller already has it (the one being linted).
 */
export function meetingOf(file: SeriesFile, template: ResolvedTemplate, parsed?: MinutesDocument): Meeting {
  const key = `${file.path}\u0000${template.resolvedId}`;
  const hit = cache.get(key);
  if (hit?.text === file.text) return hit.meeting;
  // Every file's series rules read all members with its own variant: variants that name the
  // same sections share one parse (sharedParses), or a folder's files are parsed many times over.
  const doc = sharedParses.parse(file.path, file.text, template, parsed);
  const basename = file.path.slice(file.path.lastIndexOf('/') + 1);
  const named = filenameDate(basename, template.filename?.pattern);
  const monthOnly = named ? undefined : yearMonth(basename);
  const numbered = meetingNumber(basename);
  const meeting: Meeting = {
    path: file.path,
    doc,
    items: extractItems(doc, template),
    named: named?.date.year !== undefined || monthOnly !== undefined || numbered !== undefined,
  };
  if (named?.date.year !== undefined) meeting.date = named.date;
  else if (monthOnly) {
    meeting.date = monthOnly;
    meeting.monthOnly = true;
  } else {
    const written = writtenDate(doc, template);
    if (written) {
      meeting.date = written.date;
      meeting.dateSpan = written.span;
    }
  }
  const number = numbered ?? (doc.title ? meetingNumber(doc.text.slice(doc.title.titleSpan.start, doc.title.titleSpan.end)) : undefined);
  if (number !== undefined) meeting.number = number;
  cache.set(key, { text: file.text, meeting }, file.text.length);
  return meeting;
}

/** Dates in the first lines are the meeting's (`### Meeting Date/Time: April 16th, 2021, 14:00 UTC`). */
const HEAD_LINES = 20;

/** The date the minutes give: where the template says, else the first full date near the top. */
function writtenDate(doc: MinutesDocument, template: ResolvedTemplate): { date: MeetingDate; span: Span } | undefined {
  const written = meetingDate(doc, template);
  if (written && written.source !== 'filename') {
    const date = findDate(written.text, { monthDay: true })?.date;
    const start = doc.lines.offset(written);
    if (date?.year !== undefined) return { date, span: { start, end: start + written.text.length } };
  }
  const headEnd = doc.lines.lineEnd(Math.min(doc.lines.lineCount - 1, HEAD_LINES));
  const head = doc.text.slice(0, headEnd);
  for (const found of findDates(head)) {
    if (found.date.year === undefined || inPath(head.slice(Math.max(0, found.start - 40), found.start))) continue;
    return { date: found.date, span: { start: found.start, end: found.end } };
  }
  return undefined;
}

/** Does the text before a date end in a path or URL (`…/2023-04-12/`)? Then the date is not the meeting's. */
function inPath(before: string): boolean {
  const word = before.slice(trimEndWhere(before, (ch) => !/\s/.test(ch)).length);
  return word.includes('/');
}

/** `2025-06.md`, `2026-03-canceled.md`: a monthly series named by year and month. */
function yearMonth(basename: string): MeetingDate | undefined {
  const m = /^((?:19|20)\d{2})[-_.](\d{1,2})(?!\d)/.exec(basename);
  const month = m ? Number(m[2]) : 0;
  return m && month >= 1 && month <= 12 ? { year: Number(m[1]), month, day: 1 } : undefined;
}

// `Meeting 53`, `Meeting #182`, `第 12 次`, `#41`; not years, not `Meeting 1&2` (two meetings), not
// the day of `Meeting 28th June 2019` or `Meeting 4 Sept` (Falco's titles name the date that way).
const NUMBER =
  /(?:\bmeeting\s*#?|第\s*|(?<![\w/])#)(\d{1,4})(?!\s*[&,，、-]\s*\d)(?!(?:st|nd|rd|th)?\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)(?:\s*次)?(?![\d&])/i;

export function meetingNumber(text: string): number | undefined {
  const m = NUMBER.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 && n < 1900 ? n : undefined;
}

export function dayNumber(date: MeetingDate): number {
  return Date.UTC(date.year ?? 2000, date.month - 1, date.day) / 86_400_000;
}

/**
 * The meetings of a series in order: by meeting number when every file has a distinct one, else
 * by date. Files whose name gives neither are left out (a README, an archive of many meetings).
 * Ties keep the host's order.
 */
export function orderMeetings(files: readonly SeriesFile[], template: ResolvedTemplate, parsed?: MinutesDocument): Meeting[] {
  // Each file of the series reads every member: the caches must hold the whole series, twice
  // over for two variants of its template read in turn, or each file parses all members again.
  const chars = files.reduce((sum, f) => sum + f.text.length, 0);
  cache.fit(2 * chars);
  sharedParses.fit(2 * chars);
  const meetings = files.map((f) => meetingOf(f, template, parsed)).filter((m) => m.named);
  const numbers = new Set(meetings.map((m) => m.number));
  if (meetings.length > 1 && meetings.every((m) => m.number !== undefined) && numbers.size === meetings.length) {
    return [...meetings].sort((a, b) => a.number! - b.number!);
  }
  return meetings.filter((m) => m.date).sort((a, b) => dayNumber(a.date!) - dayNumber(b.date!));
}
