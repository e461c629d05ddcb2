/**
 * Which series a file belongs to, from its path alone. Sibling files of one folder form a series;
 * year folders (`2023`, `2023-05`, `202305`) are one level of the same series, so
 * `meetings/2022/a.md` and `meetings/2023/b.md` are siblings.
 */

/** A folder named by a year, or a year and a month: a bucket of one series, not a series of its own. */
export const DATE_FOLDER = /^(?:19|20)\d{2}(?:[-_.]?(?:0[1-9]|1[0-2]))?$/;

/** Names that are about the minutes, not minutes: they never join a series. */
const NOT_MINUTES = /^(?:readme|index|_index|template|changelog|license|contributing|code_of_conduct|security|owners|maintainers)(?:\.|$)/i;

const MINUTES_EXTENSION = /\.(?:md|markdown|txt)$/i;

/**
 * A team's own meeting template, copied for each meeting: `template.md`, `_template.md`,
 * `meeting-note-template.md`, `notes_template.md`, `template-2023.md` (any case). The word is the
 * name's first or last part, so `templates-discussion-2023-05-02.md` stays minutes.
 */
export function isTeamTemplateFile(path: string): boolean {
  const name = baseName(path);
  if (!MINUTES_EXTENSION.test(name)) return false;
  const parts = name.replace(MINUTES_EXTENSION, '').toLowerCase().split(/[-_]/).filter(Boolean);
  return parts[0] === 'template' || parts[parts.length - 1] === 'template';
}

function splitPath(path: string): { dir: string[]; name: string } {
  const parts = path.replace(/\\/g, '/').split('/');
  const name = parts.pop() ?? '';
  return { dir: parts, name };
}

export function baseName(path: string): string {
  return splitPath(path).name;
}

/** The series key of a path: its folder, with year folders written as `*`. */
export function seriesKey(path: string): string {
  const { dir } = splitPath(path);
  return dir.map((segment) => (DATE_FOLDER.test(segment) ? '*' : segment)).join('/');
}

/**
 * The series' folder as people name it: relative to `root` (the workspace, the command's folder)
 * when it is inside it, else its last two folders (`pfcc/meetings`); year folders shown as `YYYY`.
 */
export function seriesFolder(key: string, root?: string): string {
  const parts = key.split('/').filter(Boolean);
  const years = parts.some((p) => p === '*');
  const real = parts.filter((p) => p !== '*');
  const base = root?.replace(/\\/g, '/').split('/').filter(Boolean);
  const inside = base && base.length < real.length && base.every((b, i) => real[i] === b);
  const shown = inside ? real.slice(base.length) : real.slice(-2);
  return [...shown, ...(years ? ['YYYY'] : [])].join('/') || '.';
}

/** The year a year folder of the path gives (`meetings/2017/CG-08-22.md` → 2017), and its month if it has one. */
export function folderDate(path: string): { year: number; month?: number } | undefined {
  const { dir } = splitPath(path);
  for (let i = dir.length - 1; i >= 0; i--) {
    const m = /^((?:19|20)\d{2})(?:[-_.]?(0[1-9]|1[0-2]))?$/.exec(dir[i]);
    if (m) return { year: +m[1], month: m[2] ? +m[2] : undefined };
  }
  return undefined;
}

/**
 * Can this file be one minutes of a series? Minutes are named by their date or number
 * (`2023-04-12.md`, `Meeting 110.md`, `4.13 会议记录.md`); a name without a digit (`README.md`,
 * `ActionItems.md`, `Consolidated_Jan_Jun.txt`) or only a year (`2024.md`) is about the series,
 * not one of its meetings; nor is the team's template (`template-2023.md`), even with a digit.
 */
export function isSeriesCandidate(path: string): boolean {
  const name = baseName(path);
  return (
    MINUTES_EXTENSION.test(name) && /\d/.test(name) && !NOT_MINUTES.test(name) && !YEAR_ARCHIVE.test(name) && !isTeamTemplateFile(name)
  );
}

/** `2024.md`: a year's meetings in one file (OpenSSF TAC), not one meeting of the series. */
const YEAR_ARCHIVE = /^(?:19|20)\d{2}\.[a-z]+$/i;

/** The folders a host should read to know a file's series: its own, and the other year folders beside a year folder. */
export function seriesFolders(path: string, listDirs: (dir: string) => readonly string[]): string[] {
  const { dir } = splitPath(path);
  const own = dir.join('/');
  const last = dir[dir.length - 1];
  if (last === undefined || !DATE_FOLDER.test(last)) return [own];
  const parent = dir.slice(0, -1).join('/');
  const years = listDirs(parent).filter((d) => DATE_FOLDER.test(d));
  return years.length ? years.map((d) => `${parent}/${d}`) : [own];
}

// openEuler TC moved from `20220706_minutes.txt` to `20230524_minutes.md`: a new era, not a new kind.
// A date is no kind, however it is written: `10th-september-2024.md` and `3rd-october-2024-1.md`
// (a wiki's page copies, numbered) are one kind with `2024-10-03.md`, the month's name and the
// ordinal's letters being part of the date, and a run of numbers one number. A stray space
// (`2024-12-31 -en.md` among `…-en.md`) is a slip in the name, not another kind: the file stays
// with its kind, whose naming then tells it.
export const kindOf = (path: string): string =>
  baseName(path)
    .toLowerCase()
    .replace(/\.[a-z]+$/, '')
    .replace(/\d+/g, '#')
    .replace(/#(?:st|nd|rd|th)(?![a-z])/g, '#')
    .replace(DATE_MONTH, '#')
    .replace(/#(?:[-_. ]+#)+/g, '#')
    .replace(/\s+/g, '');
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
/** A month's name next to a number (`#-september-#`, `sept#`), not a word that starts like one. */
const DATE_MONTH = new RegExp(`(?<=#[-_. ]?)(?:${MONTHS})(?![a-z])|(?<![a-z])(?:${MONTHS})(?=[-_. ]?#)`, 'g');
