/**
 * Hover on a PR, issue or commit link (or an `owner/repo#N` shorthand): what the forge said
 * about it when that is known (title, state, author), else what the link parses to.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang, Span } from '../../core';
import { format } from '../../core/i18n/lang';
import { apiBase, canLookUp } from '../../core/links/api';
import { linkModel } from '../../core/links/document';
import { parseForgeUrl } from '../../core/links/parse-url';
import type { ForgeKind, ForgeTarget, LinkSettings, LinkStatus } from '../../core/links/types';
import type { MinutesDocument } from '../../core/model/types';
import type { LinkStatusService } from '../../core/services';
import type { Analysis } from '../diagnostics/analysis';
import { toRange } from '../convert';

const words = {
  pull: { en: 'pull request', zh: 'PR' },
  issue: { en: 'issue', zh: 'issue' },
  issueOrPull: { en: 'issue or pull request', zh: 'issue 或 PR' },
  commit: { en: 'commit', zh: '提交' },
  open: { en: 'open', zh: '开启' },
  closed: { en: 'closed', zh: '已关闭' },
  merged: { en: 'merged', zh: '已合并' },
  author: { en: 'Author: @{login}', zh: '作者：@{login}' },
  checked: { en: 'Checked online on {date}', zh: '联网查询于 {date}' },
  notFound: { en: 'Not found on {host}: the link leads to a "page not found".', zh: '{host} 上找不到它：链接打开的是「页面不存在」。' },
  moved: { en: 'Moved to {url}', zh: '已迁移到 {url}' },
  movedSomewhere: { en: 'Moved (the forge redirects the old address).', zh: '已迁移（旧地址会被重定向）。' },
  unverified: { en: 'Could not be verified online just now.', zh: '暂时无法联网验证。' },
  parsed: { en: 'Forge: {forge} ({host}) · Repository: {repo} · {kind}: {id}', zh: '平台：{forge}（{host}）· 仓库：{repo} · {kind}：{id}' },
  view: { en: 'view: `{view}`', zh: '页面：`{view}`' },
  comment: { en: 'comment `{anchor}`', zh: '评论 `{anchor}`' },
  offline: { en: 'Not checked online (enable `links.online`).', zh: '未联网查询（可启用 `links.online`）。' },
  untrusted: {
    en: 'Not checked online: this workspace is not trusted, so nothing is sent over the network.',
    zh: '未联网查询：此工作区未受信任，不会访问网络。',
  },
};

const FORGE_NAMES: Record<ForgeKind, string> = { github: 'GitHub', gitee: 'Gitee', gitcode: 'GitCode', atomgit: 'AtomGit' };

const say = format;

export interface LinkHoverOptions {
  lang: Lang;
  /** Online checks are on for this document (and the workspace is trusted): a hover may ask. */
  online: boolean;
  /** An untrusted workspace: the hover says why nothing was checked instead of suggesting a setting. */
  untrusted?: boolean;
  lookups?: LinkStatusService;
}

export async function linkHover(
  document: TextDocument,
  position: Position,
  analysis: Analysis,
  options: LinkHoverOptions,
): Promise<Hover | null> {
  if (analysis.kind !== 'linted') return null;
  const doc = analysis.result.doc;
  const settings = analysis.links ?? {};
  const found = targetAt(doc, settings, document.offsetAt(position));
  if (!found) return null;
  const { target, span, shorthand } = found;
  const api = apiBase(target, settings);
  let status: LinkStatus | undefined;
  if (api && canLookUp(target) && options.lookups) {
    status = options.online ? await options.lookups.lookup(target, api) : options.lookups.cached?.(target, api);
  }
  const value = describe(target, shorthand, status, options, api !== undefined && canLookUp(target));
  return { range: toRange(doc.lines, span), contents: { kind: MarkupKind.Markdown, value } };
}

interface FoundTarget {
  target: ForgeTarget;
  span: Span;
  /** `owner/repo#N`: GitHub resolves it to an issue or a PR, whichever N is. */
  shorthand: boolean;
}

function targetAt(doc: MinutesDocument, settings: LinkSettings, offset: number): FoundTarget | undefined {
  const inside = (s: Span) => s.start <= offset && offset <= s.end;
  const model = linkModel(doc, settings);
  for (const l of model.links) {
    const target = l.forge?.target;
    if (target && inside(l.link.span)) return { target, span: l.link.span, shorthand: false };
  }
  for (const s of model.shorthands) {
    if (s.target && inside(s.span)) return { target: s.target, span: s.span, shorthand: true };
  }
  for (const d of doc.definitions) {
    if (!inside(d.span)) continue;
    const target = parseForgeUrl(d.url, settings)?.target;
    if (target) return { target, span: d.span, shorthand: false };
  }
  return undefined;
}

function describe(
  target: ForgeTarget,
  shorthand: boolean,
  status: LinkStatus | undefined,
  options: LinkHoverOptions,
  checkable: boolean,
): string {
  const { lang } = options;
  const name =
    target.kind === 'commit' ? `${target.owner}/${target.repo}@${target.id.slice(0, 7)}` : `${target.owner}/${target.repo}#${target.id}`;
  const known = status && (status.state === 'found' || status.state === 'moved');
  const kind = known && status.kind ? status.kind : shorthand ? 'issueOrPull' : target.kind;
  const head = [`**${escape(name)}**`, say(words[kind], lang)];
  if (known && status.status) head.push(say(words[status.status], lang));
  const lines = [head.join(' · ')];
  if (known && status.title) lines.push(escape(status.title));

  const facts: string[] = [];
  if (known && status.author) facts.push(say(words.author, lang, { login: escape(status.author) }));
  if (status?.state === 'moved')
    facts.push(status.movedTo ? say(words.moved, lang, { url: status.movedTo }) : say(words.movedSomewhere, lang));
  if (status?.state === 'not-found') facts.push(say(words.notFound, lang, { host: target.host }));
  if (status?.state === 'unverified' && status.reason !== 'pending') facts.push(say(words.unverified, lang));
  if (!known) {
    facts.push(
      say(words.parsed, lang, {
        forge: FORGE_NAMES[target.forge],
        host: target.host,
        repo: `${target.owner}/${target.repo}`,
        kind: say(words[kind], lang),
        id: target.id,
      }),
    );
    if (target.subpath) facts.push(say(words.view, lang, { view: target.subpath }));
    if (target.anchor) facts.push(say(words.comment, lang, { anchor: target.anchor }));
  }
  if (status?.checkedAt && status.state !== 'unverified')
    facts.push(say(words.checked, lang, { date: new Date(status.checkedAt).toISOString().slice(0, 16).replace('T', ' ') }));
  if (!status && checkable && !options.online) facts.push(say(options.untrusted ? words.untrusted : words.offline, lang));
  if (facts.length) lines.push(facts.map((f) => `- ${f}`).join('\n'));
  return lines.join('\n\n');
}

function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
