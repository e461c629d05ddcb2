import type { Nodes } from 'mdast';
import type { ResolvedLink } from '../../links/document';
import type { ForgeTarget } from '../../links/types';
import type { MinutesDocument } from '../../model/types';
import type { Rule } from '../types';
import { modelOf } from './model';

export const duplicateTarget: Rule = {
  id: 'link/duplicate-target',
  defaultSeverity: 'warning',
  description: {
    en: 'The same PR, issue or commit is linked from items with different texts: one of them probably points at the wrong one.',
    zh: '不同文字的条目链接到了同一个 PR、issue 或 commit：其中一个很可能链接错了。',
  },
  messages: {
    duplicate: {
      en: '"{text}" links to {target}, which line {line} already links as "{other}". Is one of the two links wrong?',
      zh: '「{text}」链接到 {target}，而第 {line} 行的「{other}」也链接到它。是否有一个链接写错了？',
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const titles = titleLinkStarts(doc);
    const groups = new Map<string, TargetGroup>();
    for (const resolved of modelOf(ctx).links) {
      const target = resolved.forge?.target;
      if (!target || resolved.link.kind === 'image' || resolved.link.kind === 'image-reference') continue;
      // Only a link that names its item (`- [title](…/pull/2409) @owner`) says what the item is;
      // one inside a sentence (`Niko to write up [the interactions](…)`) may call it anything.
      if (!titles.has(resolved.link.span.start) || isGeneric(resolved.link.text, target)) continue;
      const key = targetKey(target, resolved.url);
      const group = groups.get(key);
      if (!group) {
        groups.set(key, new TargetGroup(resolved));
        continue;
      }
      const earlier = group.conflictWith(resolved);
      if (!earlier) continue;
      ctx.report({
        span: resolved.link.span,
        message: ctx.t('duplicate', {
          text: resolved.link.text.trim(),
          target: describe(target),
          line: doc.lines.position(earlier.link.span.start).line + 1,
          other: earlier.link.text.trim(),
        }),
      });
    }
  },
};

/**
 * The title links to one target so far. A link conflicts with them when no earlier one has its
 * text (another item with the same text makes it a repeat) and one of another item exists; the
 * first such is named. Kept as what that needs rather than the list of links, so that a long
 * file repeating the same items is not compared link by link with everything before it.
 */
class TargetGroup {
  private readonly texts = new Set<string>();
  /** The distinct texts long enough for `sameText`'s shortened-copy test. */
  private readonly longTexts: string[] = [];
  private readonly first: ResolvedLink;
  /** The first link whose item is not the first link's item. */
  private firstElsewhere?: ResolvedLink;

  constructor(first: ResolvedLink) {
    this.first = first;
    this.addText(normalizeText(first.link.text, first.forge?.target?.id ?? ''));
  }

  conflictWith(link: ResolvedLink): ResolvedLink | undefined {
    const text = normalizeText(link.link.text, link.forge?.target?.id ?? '');
    const repeat = this.hasSameText(text);
    const earlier = this.first.item.start !== link.item.start ? this.first : this.firstElsewhere;
    if (!this.firstElsewhere && link.item.start !== this.first.item.start) this.firstElsewhere = link;
    this.addText(text);
    return repeat ? undefined : earlier;
  }

  private hasSameText(text: string): boolean {
    if (this.texts.has(text)) return true;
    if (isLong(text) && this.longTexts.some((other) => other.includes(text) || text.includes(other))) return true;
    return [...this.texts].some((other) => reworded(text, other));
  }

  private addText(text: string): void {
    if (this.texts.has(text)) return;
    this.texts.add(text);
    if (isLong(text)) this.longTexts.push(text);
  }
}

/**
 * PRs and issues share one number space on GitHub (`/issues/N` leads to PR N), so both
 * forms of a number are one target; a PR's `/files` view is the PR; a comment or a section
 * of the description (`#paddlepaddle04`) is its own, but `#issue-N` is the description itself.
 */
function targetKey(t: ForgeTarget, url: string): string {
  const repo = `${t.host}/${t.owner}/${t.repo}`.toLowerCase();
  if (t.kind === 'commit') return `${repo}@${t.id.slice(0, 7).toLowerCase()}`;
  const commit = t.subpath && /^commits\/[0-9a-f]{7,40}/i.test(t.subpath) ? `@${t.subpath.slice(8, 15).toLowerCase()}` : '';
  const kind = t.forge === 'github' ? 'item' : t.kind;
  const hash = url.indexOf('#');
  const fragment = hash >= 0 && hash < url.length - 1 ? url.slice(hash + 1) : undefined;
  const part = fragment && !/^(?:issue|pullrequest)-\d+$/i.test(fragment) ? `#${fragment}` : '';
  return `${repo}/${kind}/${t.id}${commit}${part}`;
}

/**
 * Offsets of links that open their list item or table cell, after nothing but markers:
 * a task box, `#64694 --`, an empty link, an ordinal. Those links are the item's title.
 */
function titleLinkStarts(doc: MinutesDocument): Set<number> {
  const starts = new Set<number>();
  const visit = (node: Nodes, contentStart: number | undefined): void => {
    const start = node.position?.start.offset;
    if (start === undefined) return;
    if ((node.type === 'link' || node.type === 'linkReference') && contentStart !== undefined) {
      if (!/\p{L}/u.test(markersRemoved(doc.text.slice(contentStart, start)))) starts.add(start);
      return;
    }
    let inner = contentStart;
    if (node.type === 'listItem') inner = node.children[0]?.position?.start.offset;
    else if (node.type === 'tableCell') inner = start;
    else if (node.type === 'heading' || (node.type === 'paragraph' && contentStart === undefined)) inner = undefined;
    if ('children' in node) {
      // Only the item's first block holds its title.
      (node.children as Nodes[]).forEach((child, i) => visit(child, node.type === 'listItem' && i > 0 ? undefined : inner));
    }
  };
  visit(doc.mdast, undefined);
  return starts;
}

function markersRemoved(prefix: string): string {
  return prefix
    .replace(/\[[ x]?\]\([^)\s]*\)|\[[ x]\]/gi, '')
    .replace(/(?<![\w.-])(?:[\w.-]+\/[\w.-]+)?#\d+/g, '')
    .replace(/^\s*\|/, '');
}

function describe(t: ForgeTarget): string {
  if (t.kind === 'commit') return `${t.owner}/${t.repo}@${t.id.slice(0, 7)}`;
  return `${t.owner}/${t.repo}#${t.id}`;
}

/** The words of a title: no `#N` references, work-in-progress tags, markup or punctuation. */
function normalizeText(text: string, id: string): string {
  return (
    text
      .toLowerCase()
      .replace(/(?<![\w.-])(?:[\w.-]+\/[\w.-]+)?#\d+/g, ' ')
      // `Issue 353 (comment)` and `Issue #353 (comment)` linking #353 are one title; `Issue 354 (comment)` is another.
      .replace(/\b(issue|pr|pull request|bug)\s+(\d+)\b/g, (words, kind: string, n: string) => (n === id ? kind : words))
      .replace(/\[(?:wip|draft)\]|^\s*(?:wip|draft)\s*:/g, ' ')
      .replace(/[\s\p{P}\p{S}]+/gu, ' ')
      .trim()
  );
}

const LITTLE_WORDS = new Set(['a', 'an', 'the', 'as', 'to', 'of', 'in', 'on', 'for', 'and', 'or', 'is', 'be', 'by', 'with', 'from']);

/**
 * `ALTSVC as an extension` on Thursday and `Make alt-svc an extension to the spec` on Friday (the
 * discussion continued): every word that matters of one title, two or more, is in the other, spelt
 * with or without its hyphen. A title of other words names another item.
 */
function reworded(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const longerWords = new Set(longer.split(' '));
  const shorterWords = new Set(shorter.split(' '));
  // `Issue 50 (comment)` and `Issue 51 (comment)`: a number of one the other lacks names another item.
  if ([...longerWords].some((w) => /^\d+$/.test(w) && !shorterWords.has(w))) return false;
  const words = [...shorterWords].filter((w) => w.length > 1 && !LITTLE_WORDS.has(w) && !GENERIC_WORDS.has(w));
  const squashed = longer.replace(/ /g, '');
  return words.length >= 2 && words.every((w) => longerWords.has(w) || (w.length >= 5 && squashed.includes(w)));
}

/** Titles this long or longer are the same when one contains the other (`[WIP] Fix x` and `Fix x`). */
function isLong(normalizedText: string): boolean {
  return normalizedText.length >= 8;
}

// Texts that name the link rather than the work: `#2409`, `PR`, `RFC` (under the topic's
// heading that names it), `链接`, the URL itself.
const GENERIC_WORDS = new Set([
  'pr',
  'prs',
  'pullrequest',
  'rfc',
  'proposal',
  'spec',
  'issue',
  'issues',
  'commit',
  'comment',
  'comments',
  'link',
  'here',
  'this',
  'details',
  'diff',
  'files',
  'changes',
  '链接',
  '详情',
  '这里',
  '此处',
  '地址',
  '详见',
  '见',
  '点此',
  '点击',
  '点击这里',
  '相关链接',
  '代码',
  '讨论',
  '评论',
]);

function isGeneric(text: string, target: ForgeTarget): boolean {
  const rest = text
    .toLowerCase()
    .replace(/(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/\S+/g, '')
    .replace(/(?<![\w.-])[\w.-]+\/[\w.-]+#\d+|#\d+|\b\d+\b/g, '');
  // After the URLs are gone: a repository's name inside its own URL is no word of the text.
  const words = withoutRepositoryName(rest, target)
    // `A comment` on an issue names the link as much as `comment`.
    .replace(/^\s*(?:a|an|the)\s+/, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  return words === '' || GENERIC_WORDS.has(words);
}

/** `TAC Issue 380` linking ossf/tac#380 names the link by its repository and number, as `#380` does. */
function withoutRepositoryName(text: string, target: ForgeTarget): string {
  let out = text;
  for (const name of [target.repo, target.owner]) {
    const lower = name.toLowerCase();
    if (lower.length < 2) continue;
    let at = out.indexOf(lower);
    while (at >= 0) {
      const end = at + lower.length;
      const bounded = !/[\p{L}\p{N}]/u.test(out[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(out[end] ?? '');
      if (bounded) out = out.slice(0, at) + ' ' + out.slice(end);
      at = out.indexOf(lower, bounded ? at + 1 : end);
    }
  }
  return out;
}
