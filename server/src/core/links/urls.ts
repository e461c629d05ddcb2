import type { MinutesDocument } from '../model/types';
import type { Span } from '../text/lines';
import { linkModel } from './document';
import type { ForgeTarget, LinkSettings } from './types';

/** The web page of a PR, issue or commit, in the forge's own URL shape. */
export function targetUrl(t: ForgeTarget): string {
  const base = `https://${t.host}/${t.owner}/${t.repo}`;
  if (t.kind === 'commit') return `${base}/commit/${t.id}`;
  if (t.kind === 'pull') return `${base}/${t.forge === 'gitee' ? 'pulls' : 'pull'}/${t.id}`;
  return `${base}/issues/${t.id}`;
}

export interface ShorthandLink {
  span: Span;
  target: ForgeTarget;
  url: string;
}

/**
 * `#2409` and `opencurve/curve#2409` written as text, with where they lead: the document
 * links an editor makes clickable. `#N` needs a known repo (configured, or the one the
 * document's own PR links go to).
 */
export function shorthandLinks(doc: MinutesDocument, settings: LinkSettings = {}): ShorthandLink[] {
  const out: ShorthandLink[] = [];
  for (const s of linkModel(doc, settings).shorthands) {
    if (s.target) out.push({ span: s.span, target: s.target, url: targetUrl(s.target) });
  }
  return out;
}
