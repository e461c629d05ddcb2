/**
 * Infers a series' house template from the minutes of its latest era, as data in the built-ins'
 * format: the sections (nearly) every recent file has, their order and heading levels; the
 * header fields and the formats their values keep; the file-name and title patterns. What only
 * some files have is left out or optional: a learned template states the team's habits, not an
 * ideal, so a file that follows them is never told otherwise.
 */
import { trimEndOf, trimStartOf } from '../../text/trim';
import { builtinTemplate } from '../../templates/registry';
import { formatProblem } from '../../views/field-format';
import { normalizeName } from '../../text/names';
import { latestEra } from '../eras';
import { dateLabel } from '../order';
import type { MinutesProfile, ProfileField, Series } from '../types';
import { isEmptyValue } from '../../views/match';
import type { FieldFormat, FieldSpec, SectionSpec, TemplateSpec } from '../../templates/types';
import { commonShape, dateSkeleton } from './names';

/** A series needs this many minutes in its latest era before anything is learned from it. */
export const MIN_LEARNING_FILES = 3;
/**
 * "Nearly every": a section or field is required when at most this share of the recent minutes
 * lack it — none of fewer than 20. Sections that depend on the week's business (no perf
 * improvements, no backports) come and go; what every file has is the team's template.
 */
export const REQUIRED_SHARE = 0.95;
/** Sections at least this share of recent files have are known (their level and order are checked). */
const KNOWN_SHARE = 0.5;

/**
 * A requirement the team itself has not kept: once the era's minutes started writing a section
 * or field, at most this many of the later ones may lack it for it to stay required. OpenJS's
 * Cross Project Council left "Announcements" out of six of 193 minutes (working sessions have
 * none): each of those is the team's habit, not a slip. One file without what every other has is
 * still a file that forgot it.
 */
export const MAX_LAPSES = 1;

/**
 * What the era's first minutes did not write yet: the elements required of the era that each file
 * older than their first appearance lacks (WebExtensions' first two minutes before the `Time:`
 * line; Falco's first headed minutes before `### Agenda`). Kept beside the template, not in it: it
 * is evidence about the files learned from, not part of the team's template.
 */
interface Predated {
  sections: Map<string, Set<string>>;
  fields: Map<string, Set<string>>;
  title: Set<string>;
}

const predatedOf = new WeakMap<TemplateSpec, Predated>();

/** Where an element first appears among the era's files (oldest first), and how often it lapses after. */
function presence(era: readonly MinutesProfile[], has: (file: MinutesProfile) => boolean): { since: number; lapses: number } {
  let since = -1;
  let lapses = 0;
  era.forEach((file, i) => {
    if (has(file)) {
      if (since < 0) since = i;
    } else if (since >= 0) lapses++;
  });
  return { since, lapses };
}

/**
 * The template a file of the era is checked against: the learned one, less what was required only
 * from after the file's time (a file written before the team started a line is not told to add it).
 */
export function templateForFile(spec: TemplateSpec, path: string): TemplateSpec {
  const predated = predatedOf.get(spec);
  if (!predated) return spec;
  const owns = (byId: Map<string, Set<string>>, id: string) => byId.get(id)?.has(path) === true;
  const sections = spec.sections?.some((x) => owns(predated.sections, x.id));
  const fields = spec.fields?.some((x) => owns(predated.fields, x.id));
  const title = predated.title.has(path);
  if (!sections && !fields && !title) return spec;
  return {
    ...spec,
    ...(spec.sections && sections ? { sections: spec.sections.map((x) => (owns(predated.sections, x.id) ? optional(x) : x)) } : {}),
    ...(spec.fields && fields ? { fields: spec.fields.map((x) => (owns(predated.fields, x.id) ? optional(x) : x)) } : {}),
    ...(spec.title && title ? { title: { ...spec.title, required: false } } : {}),
  };
}

function optional<T extends { required?: boolean }>(spec: T): T {
  const copy = { ...spec };
  delete copy.required;
  return copy;
}

export interface LearnInput {
  series: Series;
  /**
   * A file checked against its series is left out of what is learned: a section it lacks must
   * not become optional because it lacks it.
   */
  exclude?: string;
}

/**
 * The minutes learned from, oldest first: those of the latest era that follow its common
 * structure (a cancelled meeting's one-line note teaches nothing). Empty when fewer than three.
 */
export function learningSet(series: Series): MinutesProfile[] {
  const fitting = latestEra(series)?.fitting ?? [];
  return fitting.length >= MIN_LEARNING_FILES ? fitting : [];
}

/** How many of `total` files "nearly every" is: all but one in twenty. */
export function needed(total: number, share: number): number {
  return Math.max(1, total - Math.floor(total * (1 - share) + 1e-9));
}

/** The series' template, or undefined when its latest era has fewer than three minutes. */
export function learnTemplate({ series, exclude }: LearnInput): TemplateSpec | undefined {
  const all = learningSet(series);
  const era = all.filter((m) => m.path !== exclude);
  if (era.length < MIN_LEARNING_FILES) return undefined;
  const shownFolder = series.folder;
  const n = era.length;
  const format = era.filter((m) => m.format === 'plaintext').length * 2 > n ? 'plaintext' : 'markdown';
  const predated: Predated = { sections: new Map(), fields: new Map(), title: new Set() };
  const sections = learnSections(era, format, all.slice(-DROPPED_AFTER), predated.sections);
  const fields = learnFields(era, predated.fields);
  const filename = learnFilename(era);
  const title = learnTitle(era, format, predated.title);
  const dateFields = fields.filter((f) => f.format && DATE_FORMATS.has(f.format)).map((f) => f.id);
  const dates = {
    ...(title?.dated ? { title: true } : {}),
    ...(dateFields.length ? { fields: dateFields } : {}),
    ...(filename && /\(\?<day>/.test(filename.pattern) ? { filename: true } : {}),
  };
  const attendees = sections.filter((s) => s.id === 'attendees').map((s) => s.id);
  const extensions = [...new Set(era.map((m) => m.name.slice(m.name.lastIndexOf('.') + 1).toLowerCase()))].sort();
  const since = dateLabel(era[0].date) ?? era[0].name;
  const until = dateLabel(era[n - 1].date) ?? era[n - 1].name;
  const spec: TemplateSpec = {
    id: templateId(shownFolder),
    name: { en: `Minutes of ${shownFolder} (learned)`, zh: `${shownFolder} 的纪要（学习所得）` },
    description: {
      en: `Learned by minutes-lint from the ${n} latest minutes in ${shownFolder} (${since} to ${until}): what (nearly) every one of them has.`,
      zh: `minutes-lint 从 ${shownFolder} 最近的 ${n} 份纪要（${since} 至 ${until}）学习得到：几乎每份都有的内容。`,
    },
    format,
    extensions,
    ...(filename ? { filename } : {}),
    ...(title ? { title: title.spec } : {}),
    sections,
    ...(fields.length ? { fields } : {}),
    ...(attendees.length ? { attendees: { sections: attendees } } : {}),
    ...(Object.keys(dates).length ? { dates } : {}),
    learned: { folder: shownFolder, files: n, seriesFiles: series.members.length, since, until },
  };
  if (predated.sections.size || predated.fields.size || predated.title.size) predatedOf.set(spec, predated);
  return spec;
}

/** Records the files of the era older than a required element's first appearance. */
function notePredated(byId: Map<string, Set<string>>, id: string, era: readonly MinutesProfile[], since: number): void {
  if (since > 0) byId.set(id, new Set(era.slice(0, since).map((m) => m.path)));
}

/** Lowercase, digits and `-`, as template ids are: `learned-pfcc-meetings`. */
function templateId(folder: string): string {
  const slug = folder
    .toLowerCase()
    .replace(/yyyy/g, '')
    .replace(/[^a-z0-9]+/g, '-');
  const trimmed = trimEndOf(trimStartOf(slug, '-'), '-');
  return trimmed ? `learned-${trimmed}` : 'learned';
}

/**
 * Sections that mean the same under different titles (`Attendees`, `Present`, `与会人`) are one:
 * the generic template's names are the table, so a series that renamed a heading is still one series.
 */
function synonymGroup(key: string): { id: string; names: string[] } | undefined {
  for (const spec of builtinTemplate('generic')?.sections ?? []) {
    if (spec.names.some((n) => normalizeName(n) === key)) return { id: spec.id, names: spec.names };
  }
  return undefined;
}

interface SectionStats {
  id: string;
  /** Titles as written, most used first. */
  titles: Map<string, number>;
  keys: Set<string>;
  files: number;
  levels: Map<number, number>;
  empty: number;
  /** Mean relative position in the files that have it (0 first, 1 last). */
  position: number;
  /** Per file: index of the first occurrence among the file's sections, for order checks. */
  rank: Map<MinutesProfile, number>;
}

/** `Agenda items` → `agenda-items`, `会议议程` → `会议议程`: readable, unique within the template. */
function sectionId(title: string, used: Set<string>): string {
  const base = trimEndOf(trimStartOf(title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-'), '-'), '-') || 'section';
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
  used.add(id);
  return id;
}

/**
 * `### nodejs/security-wg`: agenda generators group the week's labelled issues under one heading
 * per repository, so the heading comes and goes with the repositories that had items. It is the
 * week's business, not the team's template.
 */
const REPOSITORY_HEADING = /^[a-z0-9][\w.-]*\/[\w.-]+$/i;

/**
 * A section the newest this many minutes of the era (the checked file among them) all lack is no
 * longer asked for: JupyterHub's HPC meetings stopped writing "Reports and celebrations" in their
 * last two minutes, which says the team dropped it, not that two files in a row forgot it. One
 * newest file without it is still a file that forgot it.
 */
const DROPPED_AFTER = 2;

function usableSections(file: MinutesProfile): MinutesProfile['sections'] {
  return file.sections.filter((s) => !/\d/.test(s.key) && !REPOSITORY_HEADING.test(s.title));
}

const groupKeyOf = (key: string) => synonymGroup(key)?.id ?? key;

function learnSections(
  era: readonly MinutesProfile[],
  format: 'markdown' | 'plaintext',
  newest: readonly MinutesProfile[],
  predated: Map<string, Set<string>>,
): SectionSpec[] {
  const n = era.length;
  const byGroup = new Map<string, SectionStats>();
  const usedIds = new Set<string>();
  const newestKeys = newest.map((file) => new Set(usableSections(file).map((s) => groupKeyOf(s.key))));
  const dropped = (groupKey: string) => newestKeys.length >= DROPPED_AFTER && newestKeys.every((keys) => !keys.has(groupKey));
  const keyOf = new Map<SectionStats, string>();
  for (const file of era) {
    const seen = new Set<string>();
    const usable = usableSections(file);
    usable.forEach((section, index) => {
      const group = synonymGroup(section.key);
      const groupKey = groupKeyOf(section.key);
      if (seen.has(groupKey)) return;
      seen.add(groupKey);
      let stats = byGroup.get(groupKey);
      if (!stats) {
        stats = {
          id: group?.id ?? '',
          titles: new Map(),
          keys: new Set(),
          files: 0,
          levels: new Map(),
          empty: 0,
          position: 0,
          rank: new Map(),
        };
        byGroup.set(groupKey, stats);
        keyOf.set(stats, groupKey);
      }
      stats.files++;
      stats.keys.add(section.key);
      stats.titles.set(section.title, (stats.titles.get(section.title) ?? 0) + 1);
      stats.levels.set(section.level, (stats.levels.get(section.level) ?? 0) + 1);
      if (!section.filled) stats.empty++;
      stats.position += usable.length > 1 ? index / (usable.length - 1) : 0;
      stats.rank.set(file, index);
    });
  }
  const known = [...byGroup.values()].filter((s) => s.files >= Math.max(2, needed(n, KNOWN_SHARE)));
  for (const s of known) s.position /= s.files;
  known.sort((a, b) => a.position - b.position);
  return known.map((stats) => {
    const names = [...stats.titles].sort((a, b) => b[1] - a[1]).map(([t]) => t);
    const group = synonymGroup([...stats.keys][0]);
    const spec: SectionSpec = {
      id: stats.id || sectionId(names[0], usedIds),
      names: uniqueNames([...names, ...(group?.names ?? [])]),
    };
    const level = consistentLevel(stats);
    if (format === 'markdown' && level !== undefined) spec.level = level;
    const { since, lapses } = presence(era, (file) => stats.rank.has(file));
    if (stats.files >= needed(n, REQUIRED_SHARE) && lapses <= MAX_LAPSES && !dropped(keyOf.get(stats)!)) {
      spec.required = true;
      notePredated(predated, spec.id, era, since);
    }
    if (!orderHolds(stats, known)) spec.ordered = false;
    // A section some recent minutes leave empty (an agenda filled in during the meeting) may be empty.
    if (stats.empty > 0) spec.allowEmpty = true;
    spec.seen = { in: stats.files, of: n };
    return spec;
  });
}

function uniqueNames(names: readonly string[]): string[] {
  const out: string[] = [];
  const keys = new Set<string>();
  for (const name of names) {
    const key = normalizeName(name);
    if (keys.has(key)) continue;
    keys.add(key);
    out.push(name);
  }
  return out;
}

/** The heading level (nearly) every occurrence has; undefined when the team varies it. */
function consistentLevel(stats: SectionStats): number | undefined {
  const [level, count] = [...stats.levels].sort((a, b) => b[1] - a[1])[0] ?? [];
  return level !== undefined && count >= needed(stats.files, REQUIRED_SHARE) ? level : undefined;
}

/** Does the section keep its place relative to each other known section in (nearly) every file that has both? */
function orderHolds(stats: SectionStats, known: readonly SectionStats[]): boolean {
  for (const other of known) {
    if (other === stats) continue;
    let both = 0;
    let agree = 0;
    for (const [file, rank] of stats.rank) {
      const otherRank = other.rank.get(file);
      if (otherRank === undefined) continue;
      both++;
      if (rank < otherRank === stats.position < other.position) agree++;
    }
    if (both && agree < needed(both, REQUIRED_SHARE)) return false;
  }
  return true;
}

const LEARNABLE_FORMATS: readonly FieldFormat[] = ['datetime-range', 'date', 'time-range', 'url'];
const DATE_FORMATS: ReadonlySet<FieldFormat> = new Set(['datetime-range', 'date']);

/** The most specific format that (nearly) every value keeps, if any. */
function learnFormat(values: readonly string[]): FieldFormat | undefined {
  for (const format of LEARNABLE_FORMATS) {
    const kept = values.filter((v) => !formatProblem(format, v)).length;
    if (kept >= needed(values.length, REQUIRED_SHARE) && kept >= MIN_LEARNING_FILES) return format;
  }
  return undefined;
}

interface FieldStats {
  source: ProfileField['source'];
  labels: Map<string, number>;
  /** Files that have the field. */
  present: number;
  /** Its values that are filled in. */
  values: string[];
  /** The files that have it. */
  files: Set<MinutesProfile>;
}

/**
 * A meeting's password (`Password：qw123e`) is a label the team wrote, not one to ask for:
 * privacy/meeting-secret asks for it to be removed.
 */
const SECRET_LABEL = /密码|口令|pass(?:word|code)|passwd|\bpwd\b/i;

function learnFields(era: readonly MinutesProfile[], predated: Map<string, Set<string>>): FieldSpec[] {
  const n = era.length;
  const byKey = new Map<string, FieldStats>();
  for (const file of era) {
    const seen = new Set<string>();
    for (const field of file.fields) {
      // Label lines in the body are mostly a transcript's speakers (`BLumia: …`), not the format.
      if (field.source === 'line' && !field.header) continue;
      const key = `${field.source}:${field.key}`;
      if (seen.has(key) || /\d/.test(field.key) || SECRET_LABEL.test(field.label)) continue;
      seen.add(key);
      const stats = byKey.get(key) ?? { source: field.source, labels: new Map<string, number>(), present: 0, values: [], files: new Set() };
      stats.present++;
      stats.files.add(file);
      stats.labels.set(field.label, (stats.labels.get(field.label) ?? 0) + 1);
      if (!isEmptyValue(field.value)) stats.values.push(field.value);
      byKey.set(key, stats);
    }
  }
  const usedIds = new Set<string>();
  const out: FieldSpec[] = [];
  for (const stats of byKey.values()) {
    if (stats.present < needed(n, REQUIRED_SHARE)) continue;
    const format = learnFormat(stats.values);
    // A section's first line is a field only when it is the meeting's date (`## 时间` then
    // `2023/04/27 19:00~19:30`); what else a section starts with is the week's business.
    if (stats.source === 'section' && !(format && DATE_FORMATS.has(format))) continue;
    // The label is the habit; whether it has a value that week (`Recording: -`, an unassigned
    // `Action item scribe:`) is the week's business.
    const { since, lapses } = presence(era, (file) => stats.files.has(file));
    const required = stats.source !== 'section' && lapses <= MAX_LAPSES;
    if (!required && !format) continue;
    const labels = [...stats.labels].sort((a, b) => b[1] - a[1]).map(([l]) => l);
    const id = sectionId(labels[0], usedIds);
    if (required) notePredated(predated, id, era, since);
    out.push({
      id,
      labels,
      ...(stats.source !== 'line' ? { source: stats.source } : {}),
      ...(required ? { required, allowEmpty: true } : {}),
      ...(format ? { format } : {}),
      seen: { in: stats.present, of: n },
    });
  }
  return out;
}

/**
 * Most recent names share a shape. Three in four is enough here: template/filename reports only
 * near misses of a learned naming (`2023-04- 13.md`), never a name of another shape.
 */
const NAMING_SHARE = 0.75;

function learnFilename(era: readonly MinutesProfile[]): TemplateSpec['filename'] {
  const shape = commonShape(
    era.map((m) => m.name),
    true,
  );
  if (!shape || shape.count < needed(era.length, NAMING_SHARE)) return undefined;
  return { pattern: `^${shape.source}$`, example: shape.example, seen: { in: shape.count, of: era.length } };
}

function learnTitle(
  era: readonly MinutesProfile[],
  format: 'markdown' | 'plaintext',
  predated: Set<string>,
): { spec: NonNullable<TemplateSpec['title']>; dated: boolean } | undefined {
  if (format !== 'markdown') return undefined;
  const titles = era.map((m) => m.title).filter((t): t is string => Boolean(t));
  if (titles.length < needed(era.length, REQUIRED_SHARE)) return undefined;
  const { since, lapses } = presence(era, (m) => Boolean(m.title));
  const required = lapses <= MAX_LAPSES;
  if (required) for (const m of era.slice(0, Math.max(0, since))) predated.add(m.path);
  const shape = commonShape(titles, false);
  const shaped = shape && shape.count >= needed(era.length, REQUIRED_SHARE);
  const example = shape?.example ?? titles[titles.length - 1];
  const spec: NonNullable<TemplateSpec['title']> = {
    required,
    ...(shaped ? { pattern: `^${shape.source}$` } : {}),
    // The newest title, its date as YYYY-MM-DD when it has one: what the fix and the message show.
    skeleton: dateSkeleton(example) ?? example,
    seen: { in: titles.length, of: era.length },
  };
  return { spec, dated: Boolean(shaped && /\\d\{4\}/.test(shape.source)) };
}
