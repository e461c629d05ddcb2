import { apiBase, canLookUp, lookupKey } from '../../links/api';
import type { LinkModel, ResolvedLink } from '../../links/document';
import type { ForgeTarget, LinkStatus } from '../../links/types';
import type { LinkStatusService } from '../../services';
import type { Span } from '../../text/lines';
import type { RuleContext } from '../types';
import { modelOf } from './model';

/** A PR or issue the minutes name, with what the forge said about it. */
export interface CheckedItem {
  target: ForgeTarget;
  api: string;
  /** Where a finding goes: the URL as written, else the whole link or shorthand. */
  span: Span;
  /** The link; undefined for an `owner/repo#N` shorthand. */
  resolved?: ResolvedLink;
  status: LinkStatus;
}

const memo = new WeakMap<LinkModel, WeakMap<LinkStatusService, Promise<CheckedItem[]>>>();

/**
 * Every PR/issue link (and `owner/repo#N` shorthand) on a host with an API, looked up once per
 * document version however many online rules ask. Bare `#N` is left out: whether it means the
 * repo the document seems to be about is a guess, and a guess must not become "not found".
 */
export function checkedItems(ctx: RuleContext): Promise<CheckedItem[]> {
  const service = ctx.services.linkStatus;
  if (!service) return Promise.resolve([]);
  const model = modelOf(ctx);
  let byService = memo.get(model);
  if (!byService) memo.set(model, (byService = new WeakMap()));
  let items = byService.get(service);
  if (!items) byService.set(service, (items = lookUpAll(ctx, model, service)));
  return items;
}

async function lookUpAll(ctx: RuleContext, model: LinkModel, service: LinkStatusService): Promise<CheckedItem[]> {
  const wanted: Array<Omit<CheckedItem, 'status'>> = [];
  for (const resolved of model.links) {
    const target = resolved.forge?.target;
    if (!target || !canLookUp(target) || resolved.link.kind === 'image' || resolved.link.kind === 'image-reference') continue;
    // A URL with a shape problem is link/malformed-pr's; asking about half of a glued URL helps nobody.
    if (resolved.forge!.problems.length) continue;
    const api = apiBase(target, ctx.links);
    if (api) wanted.push({ target, api, span: resolved.link.urlSpan ?? resolved.link.span, resolved });
  }
  for (const s of model.shorthands) {
    if (!s.repoWritten || !s.target) continue;
    const api = apiBase(s.target, ctx.links);
    if (api) wanted.push({ target: s.target, api, span: s.span });
  }

  const answers = new Map<string, Promise<LinkStatus>>();
  for (const w of wanted) {
    const key = lookupKey(w.target, w.api);
    if (!answers.has(key)) answers.set(key, safeLookup(service, w.target, w.api));
  }
  const settled = new Map<string, LinkStatus>();
  await Promise.all([...answers].map(async ([key, answer]) => settled.set(key, await answer)));
  return wanted.map((w) => ({ ...w, status: settled.get(lookupKey(w.target, w.api))! }));
}

async function safeLookup(service: LinkStatusService, target: ForgeTarget, api: string): Promise<LinkStatus> {
  try {
    return await service.lookup(target, api);
  } catch {
    // A host's service should not throw; if it does, the link is unverified, not broken.
    return { state: 'unverified', reason: 'network' };
  }
}

/** `opencurve/curve#2409` */
export function itemName(target: ForgeTarget): string {
  return `${target.owner}/${target.repo}#${target.id}`;
}
