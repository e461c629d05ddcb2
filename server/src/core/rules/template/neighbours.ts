import type { SeriesMember } from '../../series/types';
import type { RuleContext } from '../types';

/** Minutes on each side of a document that show the habits of its era. */
const AROUND = 5;
/** Fewer neighbours than this say nothing about habits. */
const MIN_NEIGHBOURS = 5;

/**
 * Do hardly any (under one in ten) of the minutes around the document in its series, itself
 * included, have what `has` looks for? A series can span eras of a template (an archive of ten
 * years): what a built-in template asks for is judged against the document's own era, the
 * files written just before and after it in its folder, not against the series as a whole.
 */
export function hardlyAnyNeighbour(ctx: RuleContext, has: (member: SeriesMember) => boolean): boolean {
  const all = ctx.series?.members;
  if (!all) return false;
  // A series of year or month folders (`2022/`, `published/201401/`): the document's own folder
  // is its era when it holds enough files. LCTT names articles by the original's date, so its
  // order by date mixes the months they were published in.
  const folder = folderOf(ctx.doc.path);
  const same = all.filter((m) => folderOf(m.path) === folder);
  const members = same.length >= MIN_NEIGHBOURS ? same : all;
  const index = members.findIndex((m) => m.path === ctx.doc.path);
  const at = index < 0 ? members.length : index;
  const near = members.slice(Math.max(0, at - AROUND), at + AROUND + 1);
  if (near.length < MIN_NEIGHBOURS) return false;
  return near.filter(has).length * 10 < near.length;
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}
