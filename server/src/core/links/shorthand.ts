import { insideAny } from '../text/spans';
import type { MinutesDocument } from '../model/types';
import type { Span } from '../text/lines';
import type { ForgeTarget, RepoRef } from './types';

/** `owner/repo#123` or `#123` written as plain text: GitHub's way of naming an issue or PR. */
export interface Shorthand {
  span: Span;
  /** As written: `opencurve/curve#2409`, `#2409`. */
  text: string;
  /**
   * The item, when its repo is known: always for `owner/repo#N`, for `#N` only with a known
   * repo. Its kind is `issue` because `/issues/N` also leads to pull request N on GitHub.
   */
  target?: ForgeTarget;
  /** Whether the repo was written (`owner/repo#N`) or taken from the document's known repo. */
  repoWritten: boolean;
}

// Not `&#123;` (an entity), not `page#3` (a fragment), not `C#1`; a number that ends there.
const SHORTHAND = /(?<![\w&#/.@-])([A-Z0-9][A-Z0-9-]{0,38}\/[\w.-]{1,100})?#(\d{1,7})(?![\w-])/gi;

/**
 * Finds shorthands outside code, HTML and links. `host` is the forge the document's links
 * mostly go to (GitHub unless the minutes link to Gitee or another forge).
 */
export function findShorthands(doc: MinutesDocument, knownRepo: RepoRef | undefined, host: Pick<RepoRef, 'forge' | 'host'>): Shorthand[] {
  const out: Shorthand[] = [];
  const linkSpans = doc.links.map((l) => l.span);
  const definitionSpans = doc.definitions.map((d) => d.span);
  for (const m of doc.text.matchAll(SHORTHAND)) {
    const start = m.index;
    if (insideAny(start, doc.verbatim) || insideAny(start, linkSpans) || insideAny(start, definitionSpans)) continue;
    const span = { start, end: start + m[0].length };
    if (m[1]) {
      const [owner, repo] = m[1].split('/');
      out.push({
        span,
        text: m[0],
        repoWritten: true,
        target: { ...host, owner, repo: repo.replace(/\.git$/, ''), kind: 'issue', id: m[2] },
      });
    } else {
      out.push({ span, text: m[0], repoWritten: false, target: knownRepo ? { ...knownRepo, kind: 'issue', id: m[2] } : undefined });
    }
  }
  return out;
}
