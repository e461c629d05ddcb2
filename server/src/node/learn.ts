/**
 * Learning the templates of the series under a folder, from the files on disk: what
 * `minutes-lint learn` prints and the editor's "Learn Template from This Folder" writes.
 */
import { isSeriesCandidate, SeriesIndex, seriesKey } from '../core/series';
import { LEARNED_TEMPLATE_FILE } from '../core/templates/confidence';
import type { TemplateSpec } from '../core/templates/types';
import { addToIndex, seriesSiblings } from './series';
import { walkFiles } from './walk';
import { toPosixPath } from './host';

export interface LearnedSeries {
  /** The folder the series lives in (above its year folders): where its template file goes. */
  dir: string;
  /** `<dir>/.minutes-template.json`. */
  file: string;
  template: TemplateSpec;
}

/** The folder a series lives in: its key up to the first year folder (`…/meetings/*` → `…/meetings`). */
export function seriesRoot(key: string): string {
  const parts = key.split('/');
  const star = parts.indexOf('*');
  return star < 0 ? key : parts.slice(0, star).join('/');
}

/** The series of the minutes under `dir` (a year folder brings its sibling years); `root` names the series' folders. */
export function seriesUnder(dir: string, root: string = process.cwd()): SeriesIndex {
  const folder = toPosixPath(dir);
  const index = new SeriesIndex({ root: toPosixPath(root) });
  const files = walkFiles(folder, { accept: (name) => /\.(?:md|markdown|txt)$/i.test(name) }).map((p) => p.replace(/\\/g, '/'));
  addToIndex(index, files);
  const seeded = new Set<string>();
  for (const file of files.filter(isSeriesCandidate)) {
    if (seeded.has(seriesKey(file))) continue;
    seeded.add(seriesKey(file));
    addToIndex(index, seriesSiblings(file));
  }
  return index;
}

/** Every series under `dir`, learned. */
export function learnFolder(dir: string, root: string = process.cwd()): LearnedSeries[] {
  const index = seriesUnder(dir, root);
  const out: LearnedSeries[] = [];
  for (const key of index.keys()) {
    const template = index.learn(key);
    const seriesDir = seriesRoot(key);
    if (template) out.push({ dir: seriesDir, file: `${seriesDir}/${LEARNED_TEMPLATE_FILE}`, template });
  }
  return out;
}
