import { linkModel } from '../links/document';
import { repoName } from '../links/repos';
import type { ForgeTarget, LinkSettings, LinkStatus } from '../links/types';
import { targetUrl } from '../links/urls';
import type { MinutesDocument } from '../model/types';
import type { Span } from '../text/lines';
import { handlesIn } from './spans';
import type { SummaryLink } from './types';

/** The cached answer of an online check, if any (the host's link-status service). */
export type CachedLinkStatus = (target: ForgeTarget) => LinkStatus | undefined;

/**
 * The pull requests and issues the minutes link to, each once, in order of first mention;
 * `#N` shorthands count when the repo they refer to is known. Commits are left out: the
 * summary lists what was discussed, not every commit quoted.
 */
export function linkedItems(doc: MinutesDocument, settings: LinkSettings = {}, status?: CachedLinkStatus): SummaryLink[] {
  const model = linkModel(doc, settings);
  const byKey = new Map<string, SummaryLink>();
  const add = (target: ForgeTarget, url: string, text: string, span: Span, item: Span): void => {
    if (target.kind === 'commit') return;
    // GitHub's issues and PRs share their numbers (`/issues/N` leads to PR N), so the kind is not part of the key.
    const key = `${target.host}/${repoName(target)}#${target.id}`.toLowerCase();
    const seen = byKey.get(key);
    if (seen) {
      seen.mentions++;
      // A shorthand only knows "issue or PR"; a real link later says which.
      if (seen.kind === 'issue' && target.kind === 'pull') seen.kind = 'pull';
      return;
    }
    const entry: SummaryLink = {
      kind: target.kind,
      url,
      repo: repoName(target),
      id: target.id,
      text: text.trim() || `#${target.id}`,
      owners: handlesIn(doc, item),
      mentions: 1,
      ...doc.lines.position(span.start),
    };
    const online = status?.(target);
    if (online && online.state !== 'unverified') {
      entry.online = {
        state: online.state,
        ...(online.status ? { status: online.status } : {}),
        ...(online.title ? { title: online.title } : {}),
      };
    }
    byKey.set(key, entry);
  };

  const found: Array<{ at: number; run: () => void }> = [];
  for (const l of model.links) {
    const target = l.forge?.target;
    if (!target || l.link.kind === 'image' || l.link.kind === 'image-reference') continue;
    found.push({ at: l.link.span.start, run: () => add(target, l.url, l.link.text, l.link.span, l.item) });
  }
  for (const s of model.shorthands) {
    const target = s.target;
    if (target) found.push({ at: s.span.start, run: () => add(target, targetUrl(target), s.text, s.span, lineOf(doc, s.span)) });
  }
  found.sort((a, b) => a.at - b.at).forEach((f) => f.run());
  return [...byKey.values()];
}

function lineOf(doc: MinutesDocument, span: Span): Span {
  return doc.lines.lineSpan(doc.lines.position(span.start).line);
}
