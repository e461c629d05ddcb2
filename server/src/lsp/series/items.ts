/**
 * The items of a series in the editor: `minutes/items` (the Action-items view), `minutes/nextMeeting`
 * (what "New minutes" carries over) and the hover that shows an item's history across meetings.
 * The series are the language server's (`SeriesStore`: the series model over each workspace
 * folder), open editors' texts first.
 */
import { MarkupKind, RequestType, type Connection, type Hover, type Position, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang, ResolvedTemplate } from '../../core';
import { nextMeeting } from '../../core/items/carry';
import { extractItems } from '../../core/items/extract';
import { orderMeetings, readMembers, type Meeting } from '../../core/items/meetings';
import { seriesItemAt, seriesItems, type SeriesItem } from '../../core/items/report';
import { format } from '../../core/i18n/lang';
import { escapeMarkdown } from '../../core/text/markdown';
import { seriesKey } from '../../core/series';
import type { Analysis, Analyzer } from '../diagnostics/analysis';
import type { ConfigStore } from '../config/store';
import { toRange } from '../convert';
import { selectDocument } from '../diagnostics/selection';
import type { SeriesStore } from './store';
import {
  ITEMS_METHOD,
  NEXT_MEETING_METHOD,
  type ItemsParams,
  type ItemsResult,
  type ItemView,
  type NextMeetingParams,
  type NextMeetingResult,
  type SeriesItems,
} from '../../protocol';
import { pathToUri, uriToPath } from '../uri';

export const itemsRequest = new RequestType<ItemsParams, ItemsResult, void>(ITEMS_METHOD);
export const nextMeetingRequest = new RequestType<NextMeetingParams, NextMeetingResult, void>(NEXT_MEETING_METHOD);

export interface ItemsContext {
  documents: TextDocuments<TextDocument>;
  analyzer: Analyzer;
  configs: ConfigStore;
  /** Undefined where the host cannot list files (a browser): no series, no items. */
  series?: SeriesStore;
  lang(): Lang;
  log(message: string): void;
}

/** The view lists this many series at most. */
const MAX_SERIES = 500;

export function registerItems(
  connection: Connection,
  context: ItemsContext,
): { hover(document: TextDocument, position: Position, analysis: Analysis): Hover | null } {
  const uriFor = (path: string) => context.documents.all().find((d) => uriToPath(d.uri).path === path)?.uri ?? pathToUri(path);

  /** The meetings of the series `path` is (or would be) in, read with the series' template (or the one given). */
  const meetingsOf = (path: string, template?: ResolvedTemplate): { meetings: Meeting[]; name: string } | undefined => {
    const view = context.series?.view(path);
    const files = readMembers(view?.members ?? []);
    const latest = files.at(-1);
    if (!view || !latest) return undefined;
    let chosen = template;
    if (!chosen) {
      const selection = selectDocument(latest.path, latest.text, context.configs.resolve(latest.path), context.lang(), {
        series: (p) => context.series?.view(p),
      });
      if (!selection.lint) return undefined;
      chosen = selection.template;
    }
    const meetings = orderMeetings(files, chosen);
    return meetings.length ? { meetings, name: view.folder } : undefined;
  };

  const withUris = (item: SeriesItem): ItemView => ({
    ...item,
    uri: uriFor(item.mentions[item.mentions.length - 1].path),
    mentions: item.mentions.map((m) => ({ ...m, uri: uriFor(m.path) })),
  });

  connection.onRequest(itemsRequest, async ({ uris, today }) => {
    await context.series?.whenReady();
    // One path per series: the series model knows the rest.
    const keys = new Map<string, string>();
    for (const uri of uris) {
      const { path, onDisk } = uriToPath(uri);
      if (onDisk && keys.size < MAX_SERIES && !keys.has(seriesKey(path))) keys.set(seriesKey(path), path);
    }
    const series: SeriesItems[] = [];
    for (const [key, path] of [...keys].sort((a, b) => a[0].localeCompare(b[0]))) {
      try {
        const found = meetingsOf(path);
        if (!found) continue;
        const items = seriesItems(found.meetings, { today }).filter((i) => i.kind === 'action' || i.open);
        if (!items.length) continue;
        const latest = found.meetings[found.meetings.length - 1].path;
        series.push({
          folder: pathToUri(latest.slice(0, latest.lastIndexOf('/'))),
          name: found.name,
          latest: uriFor(latest),
          items: items.map(withUris),
        });
      } catch (error) {
        context.log(`items of ${key} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    return { series };
  });

  connection.onRequest(nextMeetingRequest, async ({ folder, today }) => {
    await context.series?.whenReady();
    const { path, onDisk } = uriToPath(folder);
    // A file not yet written in the folder: the series it would join.
    const found = onDisk ? meetingsOf(`${path.replace(/\/$/, '')}/`) : undefined;
    const next = found ? nextMeeting(found.meetings, today) : { items: [] };
    const result: NextMeetingResult = { items: next.items.map((i) => ({ ...i, uri: uriFor(i.from.path) })) };
    if (next.date) result.date = next.date;
    return result;
  });

  return {
    hover(document, position, analysis) {
      if (analysis.kind !== 'linted' || !uriToPath(document.uri).onDisk) return null;
      const doc = analysis.result.doc;
      const offset = document.offsetAt(position);
      const item = extractItems(doc, analysis.template).find((i) => offset >= i.span.start && offset <= i.span.end);
      if (!item) return null;
      const found = meetingsOf(doc.path, analysis.template);
      if (!found) return null;
      const line = doc.lines.position(item.span.start).line;
      const listed = seriesItemAt(seriesItems(found.meetings), doc.path, line);
      if (!listed || listed.mentions.length < 2) return null;
      return {
        range: toRange(doc.lines, item.span),
        contents: { kind: MarkupKind.Markdown, value: historyMarkdown(listed, context.lang(), uriFor) },
      };
    },
  };
}

const words = {
  title: { en: '**{item}** — {state} since {since}', zh: '**{item}** — {state}，始于 {since}' },
  open: { en: 'open', zh: '未完成' },
  done: { en: 'done', zh: '已完成' },
  lapsed: { en: 'not followed up', zh: '未再跟进' },
  closed: { en: 'off the agenda', zh: '已移出议程' },
  owners: { en: 'Owners: {owners}', zh: '责任人：{owners}' },
  due: { en: 'Due {due}', zh: '截止 {due}' },
  meeting: { en: 'Meeting', zh: '会议' },
  status: { en: 'Status', zh: '状态' },
  written: { en: 'As written', zh: '原文' },
};

/** The hover: the item's state, owners and a table of the meetings that mentioned it. */
export function historyMarkdown(item: SeriesItem, lang: Lang, uriFor: (path: string) => string): string {
  const say = (m: { en: string; zh: string }, data?: Record<string, string>) => format(m, lang, data);
  const state = item.open ? words.open : item.status === 'done' ? words.done : item.lapsed ? words.lapsed : words.closed;
  const since = item.since.date ?? item.since.path.slice(item.since.path.lastIndexOf('/') + 1);
  const lines = [say(words.title, { item: escapeMarkdown(item.text), state: say(state), since })];
  const facts = [
    item.owners.length ? say(words.owners, { owners: item.owners.map(escapeMarkdown).join(', ') }) : '',
    item.due ? say(words.due, { due: item.due }) : '',
  ].filter(Boolean);
  if (facts.length) lines.push(facts.join(' · '));
  const rows = item.mentions.map((m) => {
    const place = `[${m.date ?? m.path.slice(m.path.lastIndexOf('/') + 1)}](${uriFor(m.path)}#L${m.line + 1})`;
    const status = m.statusText
      ? `${say(m.status === 'done' ? words.done : words.open)} (${escapeMarkdown(m.statusText)})`
      : say(m.status === 'done' ? words.done : words.open);
    return `| ${place} | ${status} | ${escapeMarkdown(m.text)} |`;
  });
  lines.push([`| ${say(words.meeting)} | ${say(words.status)} | ${say(words.written)} |`, '|---|---|---|', ...rows].join('\n'));
  return lines.join('\n\n');
}
