import { isLcttHeaderLine } from '../model/parse';
import { spanOf, walk } from '../model/tree';
import type { Definition, Link, MinutesDocument } from '../model/types';
import type { Span } from '../text/lines';
import { defaultHost } from './forges';
import { parseForgeUrl } from './parse-url';
import { exactRepo, repoName } from './repos';
import { findShorthands, type Shorthand } from './shorthand';
import type { ForgeUrl, LinkSettings, RepoRef } from './types';

/** A link with its destination resolved (through its definition for references) and parsed. */
export interface ResolvedLink {
  link: Link;
  /** The link's destination, or its definition's for `[text][label]` and `![alt][label]`. */
  url: string;
  /** For references: the definition that supplies the URL (the first one with the label). */
  definition?: Definition;
  forge?: ForgeUrl;
  /** The list item (or, outside lists, the paragraph or heading) the link belongs to. */
  item: Span;
}

export interface LinkModel {
  links: ResolvedLink[];
  /** Definitions by label, in document order (the first one is the one Markdown uses). */
  definitions: Map<string, Definition[]>;
  /** LCTT `[#]: key: value` header lines parse as definitions; they are metadata, not links. */
  headerDefinitions: Set<Definition>;
  /** The repo bare `#N` refers to, when the configuration or the document makes it clear. */
  knownRepo?: RepoRef;
  shorthands: Shorthand[];
}

const cache = new WeakMap<MinutesDocument, Map<string, LinkModel>>();

/** The link model of a document version, built once and shared by every link rule. */
export function linkModel(doc: MinutesDocument, settings: LinkSettings = {}): LinkModel {
  const key = JSON.stringify([settings.repos ?? null, Object.keys(settings.api ?? {}).sort()]);
  let byKey = cache.get(doc);
  if (!byKey) cache.set(doc, (byKey = new Map<string, LinkModel>()));
  let model = byKey.get(key);
  if (!model) byKey.set(key, (model = buildModel(doc, settings, forgeUrlsUnder(key))));
  return model;
}

type ParseUrl = (url: string, settings: LinkSettings) => ForgeUrl | undefined;

/** Parsed URLs by the settings' key: a document keeps most of its links from one keystroke to the next. */
const forgeUrls = new Map<string, Map<string, ForgeUrl | undefined>>();
const FORGE_URLS_KEPT = 8192;

/** `parseForgeUrl` under the settings of `key`, remembered; what it returns is read only. */
function forgeUrlsUnder(key: string): ParseUrl {
  let parsed = forgeUrls.get(key);
  if (!parsed) {
    if (forgeUrls.size >= 16) forgeUrls.clear();
    forgeUrls.set(key, (parsed = new Map<string, ForgeUrl | undefined>()));
  }
  const memo = parsed;
  return (url, settings) => {
    if (memo.has(url)) return memo.get(url);
    if (memo.size >= FORGE_URLS_KEPT) memo.clear();
    const forge = parseForgeUrl(url, settings);
    memo.set(url, forge);
    return forge;
  };
}

function buildModel(doc: MinutesDocument, settings: LinkSettings, parseUrl: ParseUrl): LinkModel {
  const definitions = new Map<string, Definition[]>();
  const headerDefinitions = new Set<Definition>();
  for (const d of doc.definitions) {
    // `[#]: subject: "…"`, `[#]: url: ( )`: LCTT's header, which Markdown reads as definitions.
    if (d.label === '#' && isLcttHeaderLine(doc.text.slice(d.span.start, doc.lines.lineEnd(doc.lines.position(d.span.start).line)))) {
      headerDefinitions.add(d);
      continue;
    }
    const list = definitions.get(d.label);
    if (list) list.push(d);
    else definitions.set(d.label, [d]);
  }

  const items = itemSpans(doc);
  const links = doc.links.map((link): ResolvedLink => {
    const definition = link.label !== undefined ? definitions.get(link.label)?.[0] : undefined;
    const url = definition ? definition.url : link.url;
    return { link, url, definition, forge: url ? parseUrl(url, settings) : undefined, item: innermost(items, link.span) };
  });

  const knownRepo = configuredRepo(settings) ?? dominantRepo(links);
  const forge = knownRepo ?? dominantForge(links) ?? { forge: 'github' as const, host: defaultHost('github') };
  return { links, definitions, headerDefinitions, knownRepo, shorthands: findShorthands(doc, knownRepo, forge) };
}

function configuredRepo(settings: LinkSettings): RepoRef | undefined {
  const exact = (settings.repos ?? []).map(exactRepo).filter((r) => r !== undefined);
  return exact.length === 1 ? exact[0] : undefined;
}

/** The repo that at least half of the document's PR and issue links (two or more) go to. */
function dominantRepo(links: ResolvedLink[]): RepoRef | undefined {
  const counts = new Map<string, { repo: RepoRef; n: number }>();
  let total = 0;
  for (const l of links) {
    const t = l.forge?.target;
    if (!t || t.kind === 'commit') continue;
    total++;
    const key = `${t.host}/${repoName(t).toLowerCase()}`;
    const entry = counts.get(key) ?? { repo: l.forge!.repo, n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return best && total >= 2 && best.n * 2 >= total ? best.repo : undefined;
}

function dominantForge(links: ResolvedLink[]): Pick<RepoRef, 'forge' | 'host'> | undefined {
  const counts = new Map<string, { forge: RepoRef['forge']; host: string; n: number }>();
  for (const l of links) {
    const r = l.forge?.repo;
    if (!r) continue;
    const entry = counts.get(r.host) ?? { forge: r.forge, host: r.host, n: 0 };
    entry.n++;
    counts.set(r.host, entry);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0];
}

/** Spans of list items, and of paragraphs, headings and table rows outside list items. */
function itemSpans(doc: MinutesDocument): Span[] {
  const spans: Span[] = [];
  walk(doc.mdast, (node, ancestors) => {
    const span = spanOf(node);
    const isBlock = node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableRow';
    const inItem = ancestors.some((a) => a.type === 'listItem');
    if (span && (node.type === 'listItem' || (isBlock && !inItem))) spans.push(span);
  });
  return spans;
}

/**
 * The smallest of `spans` around `span`. The spans are tree nodes in document order (each one
 * nested in an earlier one or after it), so those around a link form a chain and the innermost
 * is the last of them to start: search back from the last span starting at or before the link.
 */
function innermost(spans: Span[], span: Span): Span {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) if (span.end <= spans[i].end) return spans[i];
  return span;
}

/** The part of a link's URL written in the source, when it is written verbatim (no escapes). */
export function writtenUrlSpan(doc: MinutesDocument, resolved: ResolvedLink): Span | undefined {
  const span = resolved.definition ? definitionUrlSpan(doc, resolved.definition) : resolved.link.urlSpan;
  if (!span || doc.text.slice(span.start, span.end) !== resolved.url) return undefined;
  return span;
}

/** `[label]: url "title"`: where the url is in the source. */
export function definitionUrlSpan(doc: MinutesDocument, d: Definition): Span | undefined {
  const source = doc.text.slice(d.span.start, d.span.end);
  const colon = source.indexOf(']:');
  if (colon < 0) return undefined;
  const at = source.indexOf(d.url, colon + 2);
  return at >= 0 ? { start: d.span.start + at, end: d.span.start + at + d.url.length } : undefined;
}
