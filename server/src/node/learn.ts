/**
 * Learning the templates of the series under a folder, from the files on disk: what
 * `minutes-lint learn` prints and the editor's "Learn Template from This Folder" writes.
 */
import { isSeriesCandidate } from '../core/series';
import { LEARNED_TEMPLATE_FILE } from '../core/templates/confidence';
import type { TemplateSpec } from '../core/templates/types';
import { seriesIndexFor } from './series';
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

/** Every series under `dir` (a year folder brings its sibling years), learned; `root` names the series' folders. */
export function learnFolder(dir: string, root: string = process.cwd()): LearnedSeries[] {
  const folder = toPosixPath(dir);
  const files = walkFiles(folder, { accept: (name) => /\.(?:md|markdown|txt)$/i.test(name) }).map((p) => p.replace(/\\/g, '/'));
  const index = seriesIndexFor(files.filter(isSeriesCandidate), toPosixPath(root));
  const out: LearnedSeries[] = [];
  for (const key of index.keys()) {
    const template = index.learn(key);
    const seriesDir = seriesRoot(key);
    if (template) out.push({ dir: seriesDir, file: `${seriesDir}/${LEARNED_TEMPLATE_FILE}`, template });
  }
  return out;
}
