import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../../core';
import { format } from '../../core/i18n/lang';
import { mentionAt, readMentions, type HandleUsage, type Person, type Roster, type RosterSourceRef } from '../../core/roster';
import type { Analysis } from '../diagnostics/analysis';
import { escapeMarkdown } from '../../core/text/markdown';
import { toRange } from '../convert';

const words = {
  org: { en: 'Organisation', zh: '组织' },
  roles: { en: 'Roles', zh: '角色' },
  listed: { en: 'Listed in', zh: '名单' },
  mentioned: {
    en: 'Mentioned in minutes files: {files} ({mentions} times), last on {date}',
    zh: '在 {files} 份纪要中被提及 {mentions} 次，最近一次 {date}',
  },
  mentionedNoDate: { en: 'Mentioned in minutes files: {files} ({mentions} times)', zh: '在 {files} 份纪要中被提及 {mentions} 次' },
  notListed: { en: 'Not in the contributor roster.', zh: '不在贡献者名单中。' },
  noRoster: { en: 'No contributor roster is configured.', zh: '未配置贡献者名单。' },
  team: { en: 'A GitHub team.', zh: 'GitHub 团队。' },
  gitAuthor: { en: 'commit author (git log)', zh: '提交作者（git log）' },
};

const say = format;

/** `@Wine93` under the cursor: who it is, their roles, where they are listed, how often the minutes mention them. */
export function hover(
  document: TextDocument,
  position: Position,
  analysis: Analysis,
  roster: Roster | undefined,
  lang: Lang,
): Hover | null {
  if (analysis.kind !== 'linted') return null;
  const doc = analysis.result.doc;
  const mention = mentionAt(readMentions(doc.text, doc.mentions), document.offsetAt(position));
  if (!mention) return null;
  const range = toRange(doc.lines, mention.span);
  if (mention.kind === 'team')
    return { range, contents: { kind: MarkupKind.Markdown, value: `**@${mention.handle}**\n\n${say(words.team, lang)}` } };
  const person = roster?.person(mention.handle);
  const value = person
    ? describePerson(person, roster?.usage(person.handle), lang)
    : [
        `**@${mention.handle}**`,
        roster?.hasDeclared ? say(words.notListed, lang) : say(words.noRoster, lang),
        usageLine(roster?.usage(mention.handle), lang),
      ]
        .filter(Boolean)
        .join('\n\n');
  return { range, contents: { kind: MarkupKind.Markdown, value } };
}

/** Markdown about a person, shared by hovers and completion items. */
export function describePerson(person: Person, usage: HandleUsage | undefined, lang: Lang): string {
  const title = `**@${person.handle}**${person.name ? ` — ${escapeMarkdown(person.name)}` : ''}`;
  const lines = [title];
  const others = person.names.filter((n) => n !== person.name);
  if (others.length) lines.push(others.map(escapeMarkdown).join(' · '));
  const facts: string[] = [];
  if (person.org) facts.push(`${say(words.org, lang)}: ${escapeMarkdown(person.org)}`);
  if (person.roles.length)
    facts.push(
      `${say(words.roles, lang)}: ${person.roles.map((r) => (r === 'commit author' ? say(words.gitAuthor, lang) : r)).join(', ')}`,
    );
  if (person.sources.length && person.declared) facts.push(`${say(words.listed, lang)}: ${sourceList(person.sources, lang)}`);
  if (!person.declared && !person.sources.length) facts.push(say(words.notListed, lang));
  const used = usageLine(usage, lang);
  if (used) facts.push(used);
  if (facts.length) lines.push(facts.map((f) => `- ${f}`).join('\n'));
  return lines.join('\n\n');
}

/** `team.json` (line 8), `sig-info.yaml` (lines 5, 40): file names, not paths, to stay short. */
export function sourceList(sources: readonly RosterSourceRef[], lang: Lang): string {
  const byFile = new Map<string, number[]>();
  for (const s of sources) {
    const lines = byFile.get(s.path) ?? [];
    if (s.line !== undefined) lines.push(s.line + 1);
    byFile.set(s.path, lines);
  }
  return [...byFile]
    .map(([path, lines]) => {
      const name = `\`${path.slice(path.lastIndexOf('/') + 1)}\``;
      if (!lines.length) return name;
      return lang === 'zh' ? `${name}（第 ${lines.join('、')} 行）` : `${name} (line${lines.length > 1 ? 's' : ''} ${lines.join(', ')})`;
    })
    .join(', ');
}

function usageLine(usage: HandleUsage | undefined, lang: Lang): string | undefined {
  if (!usage) return undefined;
  const data = { files: usage.files.length, mentions: usage.mentions, date: usage.lastDate ?? '' };
  return say(usage.lastDate ? words.mentioned : words.mentionedNoDate, lang, data);
}
