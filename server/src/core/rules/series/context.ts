import { seriesCadence, type Cadence } from '../../items/cadence';
import { itemWeights } from '../../items/match';
import { orderMeetings, readMembers, type Meeting, type SeriesFile } from '../../items/meetings';
import type { MinutesDocument } from '../../model/types';
import type { GramWeights } from '../../text/grams';
import type { RuleContext } from '../types';

/** The document's place in its series, shared by the series rules of one lint. */
export interface SeriesContext {
  meetings: Meeting[];
  /** The document's meeting. */
  index: number;
  cadence?: Cadence;
  /** Word weights over every item of the series (see `itemWeights`). */
  weights: GramWeights;
}

/** Fewer meetings than this are no series to learn anything from. */
const MIN_MEETINGS = 3;

/** One lint's series, shared by its four rules (each lint parses its document anew). */
const cache = new WeakMap<MinutesDocument, { context: SeriesContext | undefined }>();

/**
 * The document's series (its live text replacing the saved one), in meeting order, or undefined when there is none or the document has no place in it (no date).
 */
export function seriesContext(ctx: RuleContext): SeriesContext | undefined {
  const cached = cache.get(ctx.doc);
  if (cached) return cached.context;
  const members = ctx.series?.notMinutes ? undefined : ctx.series?.members;
  const context = members ? build(ctx, readMembers(members)) : undefined;
  cache.set(ctx.doc, { context });
  return context;
}

function build(ctx: RuleContext, files: readonly SeriesFile[]): SeriesContext | undefined {
  const own = { path: ctx.doc.path, text: ctx.doc.text };
  const all = [...files.filter((f) => f.path !== own.path), own];
  if (all.length < MIN_MEETINGS) return undefined;
  const meetings = orderMeetings(all, ctx.template, ctx.doc);
  const index = meetings.findIndex((m) => m.path === own.path);
  if (index < 0 || meetings.length < MIN_MEETINGS) return undefined;
  const context: SeriesContext = { meetings, index, weights: itemWeights(meetings.flatMap((m) => m.items)) };
  const cadence = seriesCadence(meetings);
  if (cadence) context.cadence = cadence;
  return context;
}
