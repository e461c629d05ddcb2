import { writtenUrlSpan, type ResolvedLink } from '../../links/document';
import type { Span } from '../../text/lines';
import type { Fix, Rule, RuleContext } from '../types';
import { modelOf } from './model';

// `#2037`, `curve#2037`, `opencurve/curve#2037`, `PR 2037`, `issue2160`, `pull/2037`.
const NUMBER_IN_TEXT = /(?<![\w&])(?:(?<![.-])(?:([\w.-]+)\/)?([\w.-]+))?#(\d+)\b|\b(?:pr|pull|issue)(?:[ \t]*#?|\/)(\d+)\b/gi;

// Words after which a number names some other PR or issue than the link's own.
const ANOTHER_ITEM =
  /(?:\b(?:of|in|from|for|to|by|see|after|than|like|via|since|re|cf\.?|fix(?:es|ed)?|close[sd]?|resolve[sd]?|revert(?:s|ed)?|follow(?:s|-?up(?: to)?)|backports?|supersedes?|replaces?|blocks?|blocked by|depends on|duplicate of)|见|参见|参考|修复|关联|依赖|基于|同)\s*$/i;

// Numbered documents of standards bodies: `Cite UTS #35` names Unicode's standard, not an issue.
const STANDARD_DOCUMENT = /\b(?:UTS|UAX|UTR|UTN|TR|RFC|BCP|ISO|PEP)\s*$/i;

// Words that count the parts of a piece of work: `[TEP-0104 …: Part #1 Fields Addition](…/pull/4877)`.
const COUNTED_PART = /\b(?:part|phase|stage|step|round|option|alternative|example)\s*$/i;

interface NamedNumber {
  number: string;
  /** Offset of the digits in the text as written in the source. */
  start: number;
}

export const numberMismatch: Rule = {
  id: 'link/number-mismatch',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'The link text names one PR or issue number and the URL points to another.',
    zh: '链接文字中的 PR 或 issue 编号与网址中的编号不一致。',
  },
  messages: {
    mismatchPull: {
      en: 'The text names #{named} but the link points to pull request {number}.',
      zh: '文字写的是 #{named}，但链接指向的是第 {number} 号 PR。',
    },
    mismatchIssue: {
      en: 'The text names #{named} but the link points to issue {number}.',
      zh: '文字写的是 #{named}，但链接指向的是第 {number} 号 issue。',
    },
    fixText: { en: 'Change the text to #{number} (as the URL says)', zh: '把文字改为 #{number}（与网址一致）' },
    fixUrl: { en: 'Change the URL to number {named} (as the text says)', zh: '把网址中的编号改为 {named}（与文字一致）' },
  },
  check(ctx) {
    const links = modelOf(ctx).links;
    const counters = enumerators(ctx, links);
    for (const resolved of links) {
      const target = resolved.forge?.target;
      if (!target || target.kind === 'commit' || !/^\d+$/.test(target.id)) continue;
      if (resolved.forge!.problems.length || counters.has(resolved)) continue;
      const named = namedNumbers(ctx, resolved);
      if (!named.length || named.some((n) => n.number === target.id)) continue;
      const distinct = [...new Set(named.map((n) => n.number))];
      ctx.report({
        span: resolved.link.span,
        message: ctx.t(target.kind === 'pull' ? 'mismatchPull' : 'mismatchIssue', { named: distinct.join(', #'), number: target.id }),
        fixes: distinct.length === 1 ? fixes(ctx, resolved, named, target.id) : [],
      });
    }
  },
};

// A link's text, and in it a count: `PR1`, `PR 2`, `user experience report #2`.
const LABEL = /^!?\[([^[\]]*)\]/;
const COUNT = /(?<![\d/.-])(?:#[ \t]?|[ \t])?(\d{1,2})(?![\w/.-])/;

/**
 * `[PR1](…/pull/147)` and `[PR2](…/nydus/pull/1888)`, `[report #1][a]` and `[report #2][b]`: links
 * of one document whose texts are the same but for the counts 1, 2, … number the links, not the
 * pull requests or issues.
 */
function enumerators(ctx: RuleContext, links: readonly ResolvedLink[]): Set<ResolvedLink> {
  const byShape = new Map<string, { resolved: ResolvedLink; count: number }[]>();
  for (const resolved of links) {
    if (resolved.link.kind !== 'inline' && resolved.link.kind !== 'reference') continue;
    const label = LABEL.exec(ctx.doc.text.slice(resolved.link.span.start, resolved.link.span.end))?.[1];
    const count = label === undefined ? null : COUNT.exec(label);
    if (!label || !count) continue;
    const shape = (label.slice(0, count.index) + '\u0000' + label.slice(count.index + count[0].length)).toLowerCase();
    byShape.set(shape, [...(byShape.get(shape) ?? []), { resolved, count: Number(count[1]) }]);
  }
  const out = new Set<ResolvedLink>();
  for (const labelled of byShape.values()) {
    // Several lists may each count from 1.
    const counts = [...new Set(labelled.map((l) => l.count))].sort((a, b) => a - b);
    if (counts.length >= 2 && counts.every((c, i) => c === i + 1)) labelled.forEach((l) => out.add(l.resolved));
  }
  return out;
}

/** Numbers the link text names for the link's own repo (`other/repo#5` names another repo). */
function namedNumbers(ctx: RuleContext, resolved: ResolvedLink): NamedNumber[] {
  const { doc } = ctx;
  const { link } = resolved;
  const target = resolved.forge!.target!;
  // Read the text where it is written, so a fix can edit it: from `[` to the destination.
  const textEnd = link.urlSpan ? link.urlSpan.start : link.kind === 'reference' ? link.span.end : link.span.start;
  const source = doc.text.slice(link.span.start, textEnd);
  const out: NamedNumber[] = [];
  for (const m of source.matchAll(NUMBER_IN_TEXT)) {
    const number = m[3] ?? m[4];
    // `Revert accidental inclusion of a part of #69218`: the title names another item on purpose.
    const before = source.slice(0, m.index);
    if (ANOTHER_ITEM.test(before) || STANDARD_DOCUMENT.test(before) || COUNTED_PART.test(before)) continue;
    // `[Update SIG lifecycle doc (TAC Issue 161)](…/pull/182)`: the pull request for that issue.
    if (m[4] !== undefined && /^issue/i.test(m[0]) && target.kind === 'pull') continue;
    if (m[3] !== undefined && m[2] !== undefined) {
      const repo = m[2].toLowerCase();
      const owner = m[1]?.toLowerCase();
      // `curve#12` or `opencurve/curve#12` must name this repo; `PR#12` names no repo.
      const namesRepo = owner !== undefined || !/^(?:pr|prs|pull|pulls|issue|issues)$/.test(repo);
      if (namesRepo && (repo !== target.repo.toLowerCase() || (owner !== undefined && owner !== target.owner.toLowerCase()))) continue;
    }
    out.push({ number, start: link.span.start + m.index + m[0].length - number.length });
  }
  return out;
}

function fixes(ctx: RuleContext, resolved: ResolvedLink, named: NamedNumber[], urlNumber: string): Fix[] {
  const out: Fix[] = [
    {
      title: ctx.t('fixText', { number: urlNumber }),
      edits: named.map((n) => ({ start: n.start, end: n.start + n.number.length, newText: urlNumber })),
    },
  ];
  // A definition may serve other references too: only an inline URL is changed to the text's number.
  const written: Span | undefined = resolved.definition ? undefined : writtenUrlSpan(ctx.doc, resolved);
  if (written) {
    const url = ctx.doc.text.slice(written.start, written.end);
    const at = url.search(new RegExp(`/${urlNumber}(?![0-9])`));
    if (at >= 0) {
      const start = written.start + at + 1;
      out.push({
        title: ctx.t('fixUrl', { named: named[0].number }),
        edits: [{ start, end: start + urlNumber.length, newText: named[0].number }],
      });
    }
  }
  return out;
}
