/**
 * The Node side of the series model: which files on disk are a path's siblings, and reading
 * them into the core's `SeriesIndex`. The CLI and the language server share it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isSeriesCandidate, SeriesIndex, seriesFolders, seriesKey } from '../core/series';

/** Larger files are not minutes anyone reads as a series member: skipped, as the roster scan skips them. */
export const MAX_SERIES_FILE_BYTES = 1024 * 1024;

function listDirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
}

/** The minutes files of the series a path belongs to (its folder, and its sibling year folders), `/`-separated. */
export function seriesSiblings(path: string): string[] {
  const out: string[] = [];
  for (const dir of seriesFolders(path, listDirs)) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const full = join(dir, name).replace(/\\/g, '/');
      if (isSeriesCandidate(full)) out.push(full);
    }
  }
  return out;
}

/** The text of a series member, or undefined for a folder, an unreadable, binary or oversized file. */
export function readSeriesText(path: string): string | undefined {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_SERIES_FILE_BYTES) return undefined;
    const bytes = readFileSync(path);
    if (bytes.subarray(0, 8192).includes(0)) return undefined;
    return bytes.toString('utf8');
  } catch {
    return undefined;
  }
}

/** Adds files to an index, reading each from disk (or taking the text already read). */
export function addToIndex(index: SeriesIndex, paths: Iterable<string>, known?: (path: string) => string | undefined): void {
  for (const path of paths) {
    if (index.has(path) || !isSeriesCandidate(path)) continue;
    const text = known?.(path) ?? readSeriesText(path);
    if (text !== undefined) index.set(path, text);
  }
}

/** The series of these files, each read with its whole series (siblings outside the list included); `root` names the series. */
export function seriesIndexFor(paths: readonly string[], root: string): SeriesIndex {
  const index = new SeriesIndex({ root });
  const seeded = new Set<string>();
  for (const path of paths) {
    const key = seriesKey(path);
    if (seeded.has(key)) continue;
    seeded.add(key);
    addToIndex(index, seriesSiblings(path));
  }
  return index;
}
