import { forgeOfHost, pullSegment } from './forges';
import type { ForgeKind, ForgeTarget, ForgeUrl, ItemKind, LinkSettings, RepoRef, UrlProblem } from './types';
import { beforeAny } from '../text/trim';

const SCHEME = /https?:\/\//gi;
const COMMENT_ANCHOR = /^(?:issuecomment-\d+|discussion_r\d+|pullrequestreview-\d+|note_\d+|r\d+)$/;
const SHA = /^[0-9a-f]{7,40}$/i;

/**
 * Parses a forge URL into the repository and the PR/issue/commit it names, and notes any
 * shape problem. Returns undefined for URLs on hosts that are no forge.
 */
export function parseForgeUrl(url: string, settings: LinkSettings = {}): ForgeUrl | undefined {
  const problems: UrlProblem[] = [];
  const parts = gluedParts(url);
  if (parts.length > 1) problems.push({ code: 'glued', parts });
  const first = parts[0];

  let parsed: URL;
  try {
    parsed = new URL(first);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const forge = forgeOfHost(parsed.host, settings);
  if (!forge) return undefined;

  // Segments as written: `URL` would percent-encode `959)，代码`, and messages quote the source.
  const { path, hash } = rawPathAndHash(first);
  const segments = path.split('/').filter(Boolean);
  if (segments.length < 2) return undefined;
  const repo: RepoRef = { forge, host: parsed.host.toLowerCase(), owner: segments[0], repo: segments[1].replace(/\.git$/, '') };
  // GitLab-style paths (`/-/merge_requests/3`, older GitCode) put a `-` before the section.
  const rest = segments[2] === '-' ? segments.slice(3) : segments.slice(2);
  const [section, id, ...sub] = rest;
  const base = { ...repo, anchor: COMMENT_ANCHOR.test(hash) ? hash : undefined };

  const item = readItem(forge, section, id, hash);
  if (!item) return { repo, problems };
  if (item.problem) problems.push(withFix(item.problem, first, section ?? '', id ?? ''));
  if (!item.kind) return { repo, problems };
  const target: ForgeTarget = { ...base, kind: item.kind, id: item.id ?? '', subpath: sub.length ? sub.join('/') : undefined };
  return { repo, target, problems };
}

/** `a/pull/27https://b/pull/27` → both URLs; a scheme inside a query string is no glue. */
function gluedParts(url: string): string[] {
  const starts: number[] = [];
  for (const m of url.matchAll(SCHEME)) starts.push(m.index);
  if (starts.length < 2 || starts[0] !== 0) return [url];
  const cut = starts.filter((s, i) => i === 0 || !/[?#]/.test(url.slice(0, s)));
  if (cut.length < 2) return [url];
  return cut.map((s, i) => url.slice(s, cut[i + 1] ?? url.length));
}

/** A shape problem before the corrected URL is worked out. */
interface ShapeProblem {
  code: 'wrong-segment' | 'non-numeric' | 'bad-sha';
  written: string;
  expected?: string;
  fixedId?: string;
}

function rawPathAndHash(url: string): { path: string; hash: string } {
  const rest = url.replace(/^[a-z]+:\/\/[^/?#]*/i, '');
  const hashAt = rest.indexOf('#');
  const hash = hashAt >= 0 ? rest.slice(hashAt + 1) : '';
  const path = beforeAny(rest, '?#');
  return { path, hash };
}

interface ItemReading {
  kind?: ItemKind;
  id?: string;
  problem?: ShapeProblem;
}

/** Reads `section/id` by the forge's rules; undefined when the page is no item at all. */
function readItem(forge: ForgeKind, section: string | undefined, id: string | undefined, anchor: string): ItemReading | undefined {
  if (!section) return undefined;
  const s = section.toLowerCase();
  const lenient = forge === 'gitcode' || forge === 'atomgit';
  if (s === 'commit') return readCommit(id);
  if (s === 'pull' || s === 'pulls' || s === 'merge_requests' || s === 'pr') {
    if (id === undefined) {
      // `/pull/` followed by `#12`: the number ended up in the fragment.
      return /^\d+$/.test(anchor) && s !== 'pulls'
        ? { problem: { code: 'non-numeric', written: `#${anchor}`, fixedId: anchor } }
        : undefined;
    }
    const reading = readNumber('pull', id, s === 'pull' || s === 'pulls');
    if (!reading.kind || lenient || s === 'merge_requests') return reading;
    const expected = pullSegment(forge);
    if (s !== expected && !reading.problem) {
      return { ...reading, problem: { code: 'wrong-segment', written: section, expected } };
    }
    return reading;
  }
  if (s === 'issues' || s === 'issue') {
    if (id === undefined) return undefined;
    if (forge === 'gitee' && /^I[0-9A-Z]{4,}$/.test(id)) return { kind: 'issue', id };
    const reading = readNumber('issue', id, true);
    if (reading.kind && s === 'issue' && !lenient && !reading.problem) {
      return { ...reading, problem: { code: 'wrong-segment', written: section, expected: 'issues' } };
    }
    return reading;
  }
  return undefined;
}

/** A number, a number with junk after it (`2409abc`, `27https:`), or a page name (`new`). */
function readNumber(kind: ItemKind, id: string, strict: boolean): ItemReading {
  if (/^\d+$/.test(id)) return { kind, id };
  const lead = /^#?(\d+)/.exec(id);
  if (lead) return { kind, id: lead[1], problem: { code: 'non-numeric', written: id, fixedId: lead[1] } };
  // `/pull/new/branch`, `/issues/new/choose`: pages, not malformed items.
  if (!strict || /^[a-z_-]+$/i.test(id)) return {};
  return { problem: { code: 'non-numeric', written: id } };
}

function readCommit(id: string | undefined): ItemReading | undefined {
  if (!id) return undefined;
  if (SHA.test(id)) return { kind: 'commit', id };
  // `commit/main` shows a branch's head: a page, not a malformed SHA.
  if (/^[0-9a-f]+$/i.test(id)) return { problem: { code: 'bad-sha', written: id } };
  return undefined;
}

/** Turns a reading's problem into a UrlProblem with the corrected URL, when there is one. */
function withFix(problem: ShapeProblem, url: string, section: string, id: string): UrlProblem {
  const at = findSectionId(url, section, id);
  switch (problem.code) {
    case 'wrong-segment': {
      const expected = problem.expected ?? section;
      const fixedUrl = at >= 0 ? url.slice(0, at) + expected + url.slice(at + section.length) : url;
      return { code: 'wrong-segment', written: section, expected, fixedUrl };
    }
    case 'non-numeric': {
      if (problem.fixedId === undefined) return { code: 'non-numeric', written: problem.written };
      if (problem.written.startsWith('#') && id === '') {
        // `/pull/#12` → `/pull/12`
        const hash = url.indexOf(problem.written);
        return {
          code: 'non-numeric',
          written: problem.written,
          fixedUrl: hash >= 0 ? url.slice(0, hash) + problem.fixedId + url.slice(hash + problem.written.length) : undefined,
        };
      }
      const idAt = at >= 0 ? at + section.length + 1 : -1;
      const fixedUrl = idAt >= 0 ? url.slice(0, idAt) + problem.fixedId + url.slice(idAt + id.length) : undefined;
      return { code: 'non-numeric', written: problem.written, fixedUrl };
    }
    case 'bad-sha':
      return { code: 'bad-sha', written: problem.written };
  }
}

/** Offset of `section/id` in the URL's path (not in its host or query). */
function findSectionId(url: string, section: string, id: string): number {
  const needle = `/${section}/${id}`;
  const at = url.indexOf(needle, url.indexOf('://') + 3);
  return at >= 0 ? at + 1 : -1;
}
