/**
 * The Node side of the series model: which files on disk are a path's siblings, and reading
 * them. The CLI, the Node API and the language server's Node platform share it; it imports no
 * more of the core than the grouping of paths, so the server's Node entry stays small.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DATE_FOLDER, isSeriesCandidate, isTeamTemplateFile, seriesFolders } from '../core/series/group';
import type { SeriesSource } from '../core/series/folder';
import { within } from './contain';
import { walkFiles } from './walk';

/** Larger files are not minutes anyone reads as a series member: skipped, as the roster scan skips them. */
export const MAX_SERIES_FILE_BYTES = 1024 * 1024;

function listDirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
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

/** The folder a series lives in: the file's own, or the one above its year folder (`meetings/2023/x.md` → `meetings`). */
function seriesHome(path: string): string {
  const dir = dirname(path);
  return DATE_FOLDER.test(dir.slice(dir.lastIndexOf('/') + 1)) ? dirname(dir) : dir;
}

/**
 * The text of a series member, or undefined for a folder, an unreadable, binary or oversized file.
 * A repository is untrusted: a symbolic link is read only when it leads to a file of the series'
 * own folder (never to ~/.ssh or /etc, whose text a message could then quote), and FIFOs,
 * sockets and devices are never opened.
 */
export function readSeriesText(path: string): string | undefined {
  try {
    if (lstatSync(path).isSymbolicLink() && !within(realpathSync(path), realpathSync(seriesHome(path)))) return undefined;
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_SERIES_FILE_BYTES) return undefined;
    const bytes = readFileSync(path);
    if (bytes.subarray(0, 8192).includes(0)) return undefined;
    return bytes.toString('utf8');
  } catch {
    return undefined;
  }
}

/** Minutes-like files under a folder, at any depth, `/`-separated: what learning a folder reads. */
export function minutesUnder(folder: string): string[] {
  return walkFiles(folder, { accept: (name) => /\.(?:md|markdown|txt)$/i.test(name) }).map((p) => p.replace(/\\/g, '/'));
}

/**
 * The team's template files of a path's series: in its folder (above a year folder), and in the
 * folder above that (Falco keeps `meeting-note-template.md` at its root, the minutes in
 * `meeting-notes/`). Two folders listed, no deeper.
 */
export function seriesTemplates(path: string): string[] {
  const home = seriesHome(path.replace(/\\/g, '/'));
  const out: string[] = [];
  for (const dir of [home, dirname(home)]) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.sort()) if (isTeamTemplateFile(name)) out.push(join(dir, name).replace(/\\/g, '/'));
    if (dir === dirname(dir)) break;
  }
  return out;
}

export const diskSeries: SeriesSource = { siblings: seriesSiblings, read: readSeriesText, templates: seriesTemplates };
