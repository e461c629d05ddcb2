/**
 * Learning the templates of the series under a folder, from the files on disk: what
 * `minutes-lint learn` prints (the editor's "Learn Template from This Folder" learns the same
 * way through its platform's files).
 */
import { isSeriesCandidate } from '../core/series/group';
import { indexSeriesOf, learnSeries, type LearnedSeries } from '../core/series/folder';
import type { SeriesIndex } from '../core/series/index';
import { toPosixPath } from './host';
import { diskSeries, minutesUnder } from './series';

export { seriesRoot, type LearnedSeries } from '../core/series/folder';

/** Every series under `dir` (a year folder brings its sibling years), learned; `root` names the series' folders. */
export function learnFolder(dir: string, root: string = process.cwd()): LearnedSeries[] {
  return learnSeries(minutesUnder(toPosixPath(dir)), toPosixPath(root), diskSeries);
}

/** The series of the minutes under `dir` (a year folder brings its sibling years): what `minutes-lint items` reads. */
export function seriesUnder(dir: string, root: string = process.cwd()): SeriesIndex {
  return indexSeriesOf(minutesUnder(toPosixPath(dir)).filter(isSeriesCandidate), toPosixPath(root), diskSeries);
}
