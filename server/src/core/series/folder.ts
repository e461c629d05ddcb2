/**
 * Reading series from a host's files and learning their templates, given only how to list a
 * file's siblings and read one: the CLI and the Node API pass the disk (node/series.ts), the
 * language server its platform's files, so this runs where the core runs.
 */
import { LEARNED_TEMPLATE_FILE } from '../templates/confidence';
import type { TemplateSpec } from '../templates/types';
import { isSeriesCandidate, seriesKey } from './group';
import { SeriesIndex, type SeriesIndexOptions } from './index';

export interface SeriesSource {
  /** The minutes files of the series a path belongs to (its folder, its sibling year folders). */
  siblings(path: string): string[];
  /** A member's text; undefined for an unreadable, binary or oversized file. */
  read(path: string): string | undefined;
  /** The team's template files (`meeting-note-template.md`) in the series' folder and the folder above it, if the host can list them cheaply. */
  templates?(path: string): string[];
}

export interface LearnedSeries {
  /** The folder the series lives in (above its year folders): where its template file goes. */
  dir: string;
  /** `<dir>/.minutes-template.json`. */
  file: string;
  template: TemplateSpec;
}

/** Adds files to an index, reading each (or taking the text already known). */
export function addToIndex(index: SeriesIndex, paths: Iterable<string>, source: Pick<SeriesSource, 'read'>): void {
  for (const path of paths) {
    if (index.has(path) || !isSeriesCandidate(path)) continue;
    const text = source.read(path);
    if (text !== undefined) index.set(path, text);
  }
}

/** The series of these files, each read with its whole series (siblings outside the list included); `root` names the series. */
export function indexSeriesOf(
  paths: readonly string[],
  root: string,
  source: SeriesSource,
  options: Omit<SeriesIndexOptions, 'root'> = {},
): SeriesIndex {
  const index = new SeriesIndex({ ...options, root });
  const seeded = new Set<string>();
  for (const path of paths) {
    const key = seriesKey(path);
    if (seeded.has(key)) continue;
    seeded.add(key);
    addToIndex(index, source.siblings(path), source);
    for (const template of source.templates?.(path) ?? []) {
      if (index.hasTemplate(template)) continue;
      const text = source.read(template);
      if (text !== undefined) index.set(template, text);
    }
  }
  return index;
}

/** The folder a series lives in: its key up to the first year folder (`…/meetings/*` → `…/meetings`). */
export function seriesRoot(key: string): string {
  const parts = key.split('/');
  const star = parts.indexOf('*');
  return star < 0 ? key : parts.slice(0, star).join('/');
}

/** Every series among `files` (a year folder brings its sibling years), learned; `root` names the series' folders. */
export function learnSeries(files: readonly string[], root: string, source: SeriesSource): LearnedSeries[] {
  const index = indexSeriesOf(files.filter(isSeriesCandidate), root, source);
  const out: LearnedSeries[] = [];
  for (const key of index.keys()) {
    const template = index.learn(key);
    const seriesDir = seriesRoot(key);
    if (template) out.push({ dir: seriesDir, file: `${seriesDir}/${LEARNED_TEMPLATE_FILE}`, template });
  }
  return out;
}
