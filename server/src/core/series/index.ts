/**
 * The series of a workspace (or of a command-line run): hosts `set` each minutes file they know
 * and `delete` the ones that go; the index keeps one profile per file and decides, per series and
 * only when asked, which template all its minutes get. Pure and synchronous: the language server
 * feeds it off the request path, a few files at a time.
 */
import { builtinTemplate } from '../templates/registry';
import { learnedExplanation, seriesRecognisedExplanation } from '../templates/confidence';
import { learnTemplate, templateForFile } from './learn/learn';
import type { TemplateSpec } from '../templates/types';
import { findEras, latestEra } from './eras';
import { baseName, isSeriesCandidate, isTeamTemplateFile, kindOf, seriesFolder, seriesKey } from './group';
import { rarePlaceholders, templatePlaceholders, type LearnedPlaceholder } from './placeholders';
import { orderMembers } from './order';
import type { ParseMemo } from './memo';
import { profileMinutes } from './profile';
import type { MinutesProfile, Series, SeriesMember, SeriesView } from './types';

export { isSeriesCandidate, seriesFolders, seriesKey } from './group';
export type { MinutesProfile, Series, SeriesMember, SeriesView, TeamTemplate } from './types';

/** A folder whose file names say "meeting" in some way, or whose files are dated: minutes, not documentation. */
const MINUTES_WORDS = /meeting|minutes|notes|agenda|discussion|sync|standup|triage|update|会议|纪要|记录|讨论|周会|例会|双周/i;

type Fit = 'latest' | 'older' | 'unlike';

/** One file is not a series: it keeps its own detection. */
const MIN_SERIES_FILES = 2;

interface Decision {
  series: Series;
  view: Omit<SeriesView, 'choice'>;
  /** The built-in most of the series' files are recognised as. */
  recognised?: { template: TemplateSpec; count: number };
  learned?: TemplateSpec;
  fit: Map<string, Fit>;
  /** Per member of the latest era: its template (the newest's learned from the other files). */
  withoutFile: Map<string, TemplateSpec | undefined>;
  /** Where a folder mixes kinds of minutes, each kind's own decision, by kind. */
  parts?: Map<string, Decision>;
}

export interface SeriesIndexOptions {
  /** The folder series are named from (the workspace, the command line's folder). */
  root?: string;
  /**
   * How the series rules get a member's text: the host's reader (an open editor's text, else the
   * file on disk). Without one, the index keeps the texts it is given.
   */
  text?(path: string): string | undefined;
  /** Parses shared with the host's checks (a command-line run parses each file once). */
  parses?: ParseMemo;
  /** Profiles the host kept from earlier runs (the CLI: the user's cache folder). */
  profiles?: ProfileStore;
}

/**
 * Where a host keeps profiles between runs. A profile depends on the path and the text alone (and
 * on this code, which the host's key must cover): `get` answers only for that very pair.
 */
export interface ProfileStore {
  get(path: string, text: string): MinutesProfile | undefined;
  set(path: string, text: string, profile: MinutesProfile): void;
}

export class SeriesIndex {
  private readonly profiles = new Map<string, MinutesProfile>();
  /** The texts given to `set`, when the host has no reader of its own. */
  private readonly texts = new Map<string, string>();
  private readonly byKey = new Map<string, Set<string>>();
  private readonly decisions = new Map<string, Decision | null>();
  /** The team's template files the host gave (`meeting-note-template.md`), with their texts when the host has no reader. */
  private readonly templateFiles = new Map<string, string | undefined>();
  /** Bumped on every change: hosts re-lint when it moves. */
  generation = 0;

  constructor(private readonly options: SeriesIndexOptions = {}) {}

  /** Reads (or reads again) one file. Files that cannot be minutes of a series are ignored. */
  set(path: string, text: string): void {
    if (isTeamTemplateFile(path)) {
      this.templateFiles.set(path, this.options.text ? undefined : text);
      this.templatesChanged();
      return;
    }
    if (!isSeriesCandidate(path)) return;
    const { profiles, parses } = this.options;
    let profile = profiles?.get(path, text);
    if (!profile) {
      profile = profileMinutes(path, text, parses);
      profiles?.set(path, text, profile);
    }
    this.setProfile(profile);
    if (!this.options.text) this.texts.set(path, text);
  }

  setProfile(profile: MinutesProfile): void {
    const key = seriesKey(profile.path);
    this.profiles.set(profile.path, profile);
    this.texts.delete(profile.path);
    let paths = this.byKey.get(key);
    if (!paths) this.byKey.set(key, (paths = new Set()));
    paths.add(profile.path);
    this.changed(key);
  }

  delete(path: string): void {
    if (this.templateFiles.delete(path)) this.templatesChanged();
    if (!this.profiles.delete(path)) return;
    this.texts.delete(path);
    const key = seriesKey(path);
    this.byKey.get(key)?.delete(path);
    this.changed(key);
  }

  hasTemplate(path: string): boolean {
    return this.templateFiles.has(path);
  }

  has(path: string): boolean {
    return this.profiles.has(path);
  }

  get size(): number {
    return this.profiles.size;
  }

  /** Every series key, in a stable order: a folder's, or one per kind of minutes a folder mixes. */
  keys(): string[] {
    return [...this.byKey.keys()]
      .filter((k) => this.byKey.get(k)!.size > 0)
      .flatMap((k) => {
        const parts = this.decide(k)?.parts;
        return parts ? [...parts.keys()].map((kind) => kindKey(k, kind)) : [k];
      })
      .sort();
  }

  /** Decides a series now (eras, learning) rather than when a document first asks. */
  warm(key: string): void {
    const decision = this.decide(key);
    const newest = decision?.series.members.at(-1);
    if (decision && newest) this.view(newest.path);
  }

  /** The series a path belongs to (or would, if it were saved), ordered and split into eras. */
  seriesOf(path: string): Series | undefined {
    return this.decideFor(path)?.series;
  }

  series(key: string): Series | undefined {
    return this.decide(key)?.series;
  }

  /** What the engine and the rules get through `Services.series`. */
  view(path: string): SeriesView | undefined {
    const decision = this.decideFor(path);
    if (!decision) return undefined;
    const { view, recognised, learned, series } = decision;
    // A README or a tracker beside the minutes is not one of them: it keeps its own detection.
    if (!isSeriesCandidate(path)) return view;
    if (recognised) {
      const { template, count } = recognised;
      const name =
        typeof template.name === 'string'
          ? { en: template.name, zh: template.name }
          : { en: template.name.en, zh: template.name.zh ?? template.name.en };
      return { ...view, choice: { spec: template, ...seriesRecognisedExplanation(template.id, name, count, series.members.length) } };
    }
    if (learned?.learned) {
      const fit = decision.fit.get(path) ?? 'latest';
      const spec = fit === 'latest' ? (this.learnedWithout(decision, path) ?? learned) : learned;
      const { files, folder, since, until } = spec.learned ?? learned.learned;
      return { ...view, choice: { spec, ...learnedExplanation({ count: files, folder, since, until, fit }) } };
    }
    return view;
  }

  /** The template learned from a series (whatever the series is recognised as), for `minutes-lint learn`. */
  learn(key: string): TemplateSpec | undefined {
    const series = this.series(key);
    return series && learnTemplate({ series });
  }

  /**
   * The newest minutes — the ones being written or reviewed — are checked against what all the
   * earlier ones have in common, so a section they lack is not optional just because they lack it.
   * Older files are checked against the whole series, themselves included: the team let them be.
   */
  private learnedWithout(decision: Decision, path: string): TemplateSpec | undefined {
    const members = decision.series.members;
    if (!decision.withoutFile.has(path)) {
      const newest = members[members.length - 1]?.path === path;
      // An older file is not asked for what the team started writing only after it.
      const spec = newest
        ? learnTemplate({ series: decision.series, exclude: path })
        : decision.learned && templateForFile(decision.learned, path);
      decision.withoutFile.set(path, spec);
    }
    return decision.withoutFile.get(path);
  }

  private member(profile: MinutesProfile): SeriesMember {
    const { path, date } = profile;
    const text = () => this.options.text?.(path) ?? this.texts.get(path);
    const labels = new Set(profile.fields.map((f) => f.key));
    return date ? { path, date, text, labels } : { path, text, labels };
  }

  /** A template file beside any series may be another series' too (the folder above): every decision is made again. */
  private templatesChanged(): void {
    this.decisions.clear();
    this.generation++;
  }

  /**
   * The team's template of a series: the one template file of its folder (above its year
   * folders), else of the folder above. Two in one folder: unsure which the team copies, none.
   */
  private teamTemplate(key: string, members: readonly SeriesMember[]): SeriesView['teamTemplate'] {
    if (!this.templateFiles.size) return undefined;
    const folderKey = key.split(KIND_SEPARATOR)[0];
    const star = folderKey.split('/').indexOf('*');
    const home = star < 0 ? folderKey : folderKey.split('/').slice(0, star).join('/');
    const parent = home === '' ? undefined : home.slice(0, Math.max(0, home.lastIndexOf('/')));
    for (const dir of parent === undefined ? [home] : [home, parent]) {
      const found = [...this.templateFiles.keys()].filter((p) => seriesKey(p) === dir);
      if (found.length > 1) return undefined;
      if (found.length === 0) continue;
      const path = found[0];
      let rare: LearnedPlaceholder[] | undefined;
      return {
        path,
        placeholders: () => {
          if (rare) return rare;
          const text = this.options.text?.(path) ?? this.templateFiles.get(path);
          rare = text === undefined ? [] : rarePlaceholders(templatePlaceholders(text), members);
          return rare;
        },
      };
    }
    return undefined;
  }

  private changed(key: string): void {
    this.decisions.delete(key);
    this.generation++;
  }

  /** The decision for a path's own series: its folder's, or its kind's where the folder mixes kinds. */
  private decideFor(path: string): Decision | undefined {
    const decision = this.decide(seriesKey(path));
    return decision?.parts ? (decision.parts.get(kindOf(path)) ?? decision.parts.get(OTHER_KINDS)) : decision;
  }

  private decide(key: string): Decision | undefined {
    const [folderKey, kind] = key.split(KIND_SEPARATOR);
    const cached = this.decisions.get(folderKey);
    const decision = cached !== undefined ? (cached ?? undefined) : this.makeDecision(folderKey);
    if (cached === undefined) this.decisions.set(folderKey, decision ?? null);
    return kind === undefined ? decision : decision?.parts?.get(kind);
  }

  private makeDecision(key: string): Decision | undefined {
    const paths = this.byKey.get(key);
    if (!paths?.size) return undefined;
    const kinds = splitByKind([...paths]);
    if (!kinds) return this.decideMembers(key, seriesFolder(key, this.options.root), paths);
    const parts = new Map<string, Decision>();
    for (const [kind, kindPaths] of kinds) {
      const folder = `${seriesFolder(key, this.options.root)}, ${kind === OTHER_KINDS ? 'other files' : kindGlob(kindPaths)}`;
      const part = this.decideMembers(kindKey(key, kind), folder, kindPaths);
      if (part) parts.set(kind, part);
    }
    const whole = this.decideMembers(key, seriesFolder(key, this.options.root), paths, false);
    return whole && { ...whole, parts };
  }

  private decideMembers(key: string, folder: string, paths: Iterable<string>, learn = true): Decision | undefined {
    const members = orderMembers([...paths].map((p) => this.profiles.get(p)!));
    if (!members.length) return undefined;
    const series: Series = { key, folder, members, eras: findEras(members) };
    const memberViews = members.map((m) => this.member(m));
    const teamTemplate = this.teamTemplate(key, memberViews);
    const minutes = looksLikeMinutes(members);
    const view: SeriesView = {
      folder: series.folder,
      size: members.length,
      topics: topicStats(members),
      members: memberViews,
      ...(teamTemplate ? { teamTemplate } : {}),
      ...(minutes ? {} : { notMinutes: true as const }),
    };
    const decision: Decision = { series, view, fit: new Map(), withoutFile: new Map() };
    if (!learn) return decision;
    const recognised = members.length >= MIN_SERIES_FILES ? mostRecognised(members) : undefined;
    if (recognised) {
      decision.recognised = recognised;
      return decision;
    }
    if (!minutes) return decision;
    decision.learned = learnTemplate({ series });
    if (decision.learned) decision.fit = fits(series);
    return decision;
  }
}

/**
 * One folder can keep several meetings' minutes side by side, told apart by their names
 * (IPFS: `2019-01-07--go-core-dev-team-weekly.md`, `2019-01-07--ipfs-weekly-call.md`, …, one
 * folder per quarter). Each kind is a series of its own, or the other kinds' sections would be
 * required of it. A kind is a file name without its date, spaces and extension (`kindOf`); a folder is split only when two
 * kinds or more have three files each and together hold three quarters of the folder (LCTT's
 * titled articles, or Curve's one `2023-02- 23.md` among `2023-02-09.md`, never split).
 */
function splitByKind(paths: readonly string[]): Map<string, string[]> | undefined {
  const byKind = new Map<string, string[]>();
  for (const path of paths) {
    const kind = kindOf(path);
    byKind.set(kind, [...(byKind.get(kind) ?? []), path]);
  }
  const kinds = [...byKind].filter(([, ps]) => ps.length >= MIN_KIND_FILES);
  const covered = kinds.reduce((n, [, ps]) => n + ps.length, 0);
  if (kinds.length < 2 || covered * 4 < paths.length * 3) return undefined;
  const split = new Map(kinds);
  const rest = [...byKind].filter(([, ps]) => ps.length < MIN_KIND_FILES).flatMap(([, ps]) => ps);
  if (rest.length) split.set(OTHER_KINDS, rest);
  return split;
}

const MIN_KIND_FILES = 3;
const KIND_SEPARATOR = '::';
const OTHER_KINDS = '';
/** How the kind's names are written, as most of them are (`*-*-*-wecg`): the kind itself folds the date into one `*`. */
function kindGlob(paths: readonly string[]): string {
  const globs = new Map<string, number>();
  for (const path of paths) {
    const glob = baseName(path)
      .toLowerCase()
      .replace(/\.[a-z]+$/, '')
      .replace(/\d+/g, '*');
    globs.set(glob, (globs.get(glob) ?? 0) + 1);
  }
  return [...globs].sort((a, b) => b[1] - a[1])[0][0];
}
const kindKey = (key: string, kind: string) => `${key}${KIND_SEPARATOR}${kind}`;

/** The built-in that more than half of the files are recognised as (strong evidence each), if any. */
function mostRecognised(members: readonly MinutesProfile[]): Decision['recognised'] {
  const counts = new Map<string, number>();
  for (const m of members) if (m.detected?.confidence === 'recognised') counts.set(m.detected.id, (counts.get(m.detected.id) ?? 0) + 1);
  const [id, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  const template = id === undefined ? undefined : builtinTemplate(id);
  return template && count * 2 > members.length ? { template, count } : undefined;
}

/**
 * At least half the files are minutes: a template reads them, their path says so, or they are
 * dated. A blog's posts are dated too (Milvus's `blog/en/2021-09-15-….md`, 160 of them, were taken
 * for minutes missing their `cover`): a dated file that looks like a post counts only when it
 * writes what a meeting's record holds.
 */
function looksLikeMinutes(members: readonly MinutesProfile[]): boolean {
  const minutesLike = members.filter(
    (m) => m.detected !== undefined || MINUTES_WORDS.test(m.path) || (m.date !== undefined && (!looksLikeAPost(m) || recordsAMeeting(m))),
  ).length;
  return minutesLike * 2 >= members.length;
}

/** A post's front matter: an author and what a blog shows beside it (`cover`, `tags`, `desc`…). */
const POST_FIELD = /^(?:authors?|cover|tags?|categories|desc|description|summary|image|thumbnail|canonical_?url|slug)$/i;

function looksLikeAPost(m: MinutesProfile): boolean {
  const labels = m.fields.filter((f) => f.header && POST_FIELD.test(f.label.trim())).map((f) => f.label.trim().toLowerCase());
  return labels.length >= 2 && labels.some((l) => l.startsWith('author'));
}

/** Words of a meeting's record, in a title, a heading or a field's label. */
const MEETING_RECORD =
  /\b(?:meetings?|minutes|agenda|attendees?|attendance|participants|apologies|regrets|action\s*items?|next\s+meeting|note[\s-]?takers?|facilitator|moderator|scribe|roll\s*call|quorum|stand-?up)\b|会议|议题|议程|参会|与会|出席|主持人|记录人|纪要|待办|行动项|决议|遗留问题|例会|周会/i;

function recordsAMeeting(m: MinutesProfile): boolean {
  return (
    (m.title !== undefined && MEETING_RECORD.test(m.title)) ||
    m.sections.some((s) => MEETING_RECORD.test(s.title)) ||
    m.fields.some((f) => MEETING_RECORD.test(f.label))
  );
}

/** Which files follow the format learned from (the latest era, resembling it), which are older, which are unlike it. */
function fits(series: Series): Map<string, Fit> {
  const out = new Map<string, Fit>();
  const era = latestEra(series);
  const following = new Set(era?.following);
  series.members.forEach((m, i) => out.set(m.path, era && i >= era.first ? (following.has(m) ? 'latest' : 'unlike') : 'older'));
  return out;
}

function topicStats(members: readonly MinutesProfile[]): SeriesView['topics'] {
  const read = members.filter((m) => m.topics && m.topics.total > 0);
  if (!read.length) return undefined;
  return {
    total: read.reduce((n, m) => n + m.topics!.total, 0),
    concluded: read.reduce((n, m) => n + m.topics!.concluded, 0),
    files: read.length,
  };
}
