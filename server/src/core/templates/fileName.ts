/**
 * The file name of new minutes, from the template's own `filename` data: its example with the
 * date replaced by the meeting's (`2023-04-27.md` → `2024-05-01.md`, `20230412_minutes.md` →
 * `20240501_minutes.md`, `4.13 会议记录.md` → `5.1 会议记录.md`). Pure, for tests.
 */
import { filenameDate, formatLike, type MeetingDate } from '../model/dates';
import { dataPattern, type GroupMatch } from '../regex/pattern';
import type { TemplateSpec } from './types';

export interface ProposedName {
  name: string;
  /** What an input box selects: the name without its extension, as VS Code's rename does. */
  selection: [number, number];
}

export function proposeFileName(template: Pick<TemplateSpec, 'filename' | 'extensions'>, date: MeetingDate): ProposedName {
  const spec = template.filename;
  const name = spec
    ? fromExample(spec.example, spec.pattern, date)
    : `${pad(date.year ?? 0, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}.${template.extensions?.[0] ?? 'md'}`;
  const dot = name.lastIndexOf('.');
  return { name, selection: [0, dot > 0 ? dot : name.length] };
}

function fromExample(example: string, pattern: string, date: MeetingDate): string {
  const regex = dataPattern(pattern);
  const groups = regex?.exec(example)?.named;
  if (regex && groups && (groups.month || groups.day)) {
    // Unpadded numbers when the pattern accepts them (`4.13 会议记录`), else as wide as the example's.
    const fill = (padded: boolean) => replaceGroups(example, groups, date, padded);
    const loose = fill(false);
    return regex.test(loose) ? loose : fill(true);
  }
  const leading = filenameDate(example, pattern);
  if (!leading) return example;
  return example.slice(0, leading.start) + formatLike(date, leading) + example.slice(leading.end);
}

function replaceGroups(example: string, groups: Record<string, GroupMatch | undefined>, date: MeetingDate, padded: boolean): string {
  const values: Array<[[number, number], string]> = [];
  const add = (key: 'year' | 'month' | 'day', value: number | undefined) => {
    const group = groups[key];
    if (!group || value === undefined) return;
    values.push([[group.start, group.end], key === 'year' || padded ? pad(value, group.end - group.start) : String(value)]);
  };
  add('year', date.year);
  add('month', date.month);
  add('day', date.day);
  // Last first, so earlier offsets stay valid.
  values.sort((a, b) => b[0][0] - a[0][0]);
  let name = example;
  for (const [[start, end], text] of values) name = name.slice(0, start) + text + name.slice(end);
  return name;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export type NameProblem = 'invalid' | 'pattern';

/** Not one file in the folder: empty, a path, or the folder itself or its parent (as the name will be used: trimmed). */
export function isInvalidFileName(name: string): boolean {
  const trimmed = name.trim();
  return !trimmed || /[/\\]/.test(trimmed) || trimmed === '.' || trimmed === '..';
}

/** `invalid` blocks the name; `pattern` is a warning (a team may name its files its own way). */
export function fileNameProblem(name: string, template: Pick<TemplateSpec, 'filename'>): NameProblem | undefined {
  if (isInvalidFileName(name)) return 'invalid';
  if (template.filename && dataPattern(template.filename.pattern)?.test(name) === false) return 'pattern';
  return undefined;
}
