import { MENTION } from '../../model/parse';
import { isGoogleDocsExport } from '../../model/exports';
import { insideAny } from '../../text/spans';
import type { MinutesDocument } from '../../model/types';
import { loginProblem, type LoginProblem } from '../../roster/handle';
import { documentForge } from '../../roster/forge';
import { readMentions, type HandleMention } from '../../roster/mentions';
import type { Roster } from '../../roster/roster';
import type { Person } from '../../roster/types';
import type { HandleForge } from '../../roster/types';
import type { Span } from '../../text/lines';
import type { Fix, Rule, RuleContext } from '../types';
import { trimEndOf, trimStartOf } from '../../text/trim';

const PROBLEM_MESSAGES: Record<LoginProblem, string> = {
  'not-latin': 'notLatin',
  character: 'character',
  leading: 'leading',
  trailing: 'trailing',
  'double-hyphen': 'doubleHyphen',
  'too-long': 'tooLong',
  empty: 'character',
};

export const invalidHandle: Rule = {
  id: 'handle/invalid',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'An @mention that cannot be a login: a name with a space (`@David Lee`), Chinese characters, a leading or doubled hyphen, too long.',
    zh: '@提及的内容不可能是账号：带空格的人名（`@David Lee`）、汉字、以连字符开头或连续连字符、过长。',
  },
  messages: {
    spacedName: {
      en: '"@{name}" is a name, not a login: logins have no spaces, so only "@{handle}" is a mention. Write the person\'s login.',
      zh: '「@{name}」是人名而不是账号：账号不含空格，只有「@{handle}」会被当作提及。请写此人的账号。',
    },
    notLatin: {
      en: '"@{handle}" cannot be a login: logins use Latin letters, digits and hyphens. Write the person\'s login, or drop the "@".',
      zh: '「@{handle}」不可能是账号：账号只含拉丁字母、数字和连字符。请写此人的账号，或去掉「@」。',
    },
    character: {
      en: '"@{handle}" cannot be a {forge} login: "{char}" is not allowed in logins.',
      zh: '「@{handle}」不可能是 {forge} 账号：账号中不能有「{char}」。',
    },
    nameNotation: {
      en: '"@{handle}" is a name, not a login. These minutes write @name for people throughout ({names} of {mentions} mentions), which may be the team\'s way of naming who does what; to reach the person on the forge, write their login.',
      zh: '「@{handle}」是人名而不是账号。本纪要通篇用 @姓名 指代人员（{mentions} 处提及中有 {names} 处），这可能是团队标注负责人的写法；若要在平台上通知此人，请写其账号。',
    },
    seriesNotation: {
      en: '"@{handle}" is a name, not a login. The minutes of this folder write @name for people ({names} of {mentions} mentions in {files} files), which may be the team\'s way of naming who does what; to reach the person on the forge, write their login.',
      zh: '「@{handle}」是人名而不是账号。此目录的纪要习惯用 @姓名 指代人员（{files} 份纪要的 {mentions} 处提及中有 {names} 处），这可能是团队标注负责人的写法；若要在平台上通知此人，请写其账号。',
    },
    docsChip: {
      en: '"@{name}" is a Google Docs people chip, as the export writes it; on the forge only "@{handle}" would be a mention. To reach the person there, write their login.',
      zh: '「@{name}」是 Google 文档导出的人员标签；在代码平台上只有「@{handle}」会被当作提及。若要通知此人，请写其账号。',
    },
    docsChips: {
      en: '"@{name}" and the {count} other @First Last in this file are Google Docs people chips, as the export writes them; on the forge only "@{handle}" would be a mention. To reach people there, write their logins.',
      zh: '「@{name}」以及本文件中另外 {count} 处「@名 姓」是 Google 文档导出的人员标签；在代码平台上只有「@{handle}」会被当作提及。若要通知这些人，请写其账号。',
    },
    linkedOnly: {
      en: '{problem} (Only the links here say the team uses {forge}: if the accounts are elsewhere, ignore this.)',
      zh: '{problem}（只是根据本文的链接推断团队使用 {forge}：如果账号在别处，请忽略。）',
    },
    leading: {
      en: '"@{handle}" cannot be a login: logins start with a letter or a digit.',
      zh: '「@{handle}」不可能是账号：账号必须以字母或数字开头。',
    },
    trailing: {
      en: '"@{handle}" cannot be a GitHub login: logins do not end with a hyphen.',
      zh: '「@{handle}」不可能是 GitHub 账号：账号不能以连字符结尾。',
    },
    doubleHyphen: {
      en: '"@{handle}" cannot be a GitHub login: logins have no two hyphens in a row.',
      zh: '「@{handle}」不可能是 GitHub 账号：账号中不能有连续的连字符。',
    },
    tooLong: {
      en: '"@{handle}" cannot be a {forge} login: it is longer than {max} characters.',
      zh: '「@{handle}」不可能是 {forge} 账号：超过了 {max} 个字符。',
    },
    fix: { en: 'Replace with @{login}', zh: '改为 @{login}' },
  },
  check(ctx) {
    const roster = ctx.services.roster?.(ctx.doc.path);
    const forge = documentForge(ctx.doc, roster);
    const labels = linkTexts(ctx.doc);
    // `[@孙师傅](https://github.com/sunzhongkai588)`, `[@Vinod Kumar](vinods.kumar@…)`: a link's text is
    // a label, never a mention (forges link no @handle inside a link).
    const mentions = readMentions(ctx.doc.text, ctx.doc.mentions).filter((m) => m.kind === 'person' && !insideAny(m.span.start, labels));
    const notation = nameNotation(ctx, mentions);
    let notationTold = false;
    const chips = notation ? undefined : docsChips(ctx.doc.text, mentions);
    for (const mention of mentions) {
      if (mention.spacedName) {
        // `@Chang Li` among `@石垚@陈玄…`: where the minutes name people by @name, a name with a space is one more of them.
        if (!notation) checkSpacedName(ctx, mention, roster, chips);
        continue;
      }
      // `@culiu07\-09`, `@Stella\_Jain` (an export that escapes punctuation) show as `@culiu07-09`, `@Stella_Jain`.
      const handle = unescaped(mention.handle);
      // The team's own roster is the authority on its logins (old accounts break today's rules).
      if (roster?.declared(handle)) continue;
      const problem = loginProblem(handle, forge);
      if (!problem) continue;
      // `@CROB+Sarah+Jessica - add preamble…`: owners joined by `+`, the first one mentioned, the others named.
      if (problem === 'character' && joinedOwners(handle, forge)) continue;
      const max = forge === 'github' ? 39 : 100;
      const message = ctx.t(PROBLEM_MESSAGES[problem], {
        handle,
        forge: forgeName(forge),
        char: badChar(handle, forge),
        max,
      });
      // A rule of one forge (GitHub's `_`, `--`, 39 characters) applies for sure only where the roster
      // says the accounts are on that forge; links alone are weak evidence, so it is only pointed out.
      const forgeRuleOnly = loginProblem(handle, 'unknown') === undefined;
      const guessed = forgeRuleOnly && !roster?.forge;
      // `@王建民` where the minutes name people this way throughout is the team's notation, not a slip.
      const habitual = problem === 'not-latin' && notation !== undefined;
      const fixes = replacements(ctx, mention, candidatesFor(handle, roster));
      // The team's notation is told once per file; a mention the roster can turn into a login is still offered that fix.
      if (habitual && notationTold && !fixes.length) continue;
      notationTold ||= habitual;
      ctx.report({
        span: mention.span,
        message: habitual
          ? ctx.t(notation.files ? 'seriesNotation' : 'nameNotation', { handle, ...notation })
          : guessed
            ? ctx.t('linkedOnly', { problem: message, forge: forgeName(forge) })
            : message,
        fixes,
        maxSeverity: guessed || habitual ? 'info' : undefined,
      });
    }
  },
};

interface Notation {
  names: number;
  mentions: number;
  /** Set when the evidence is the folder's other minutes too. */
  files?: number;
}

/**
 * How often the minutes write a name where a login would go, when that is more than half of
 * their mentions: openEuler TC assigns work as `@王建民`; Curve's one `@数名开发者` among
 * dozens of logins is a slip. Two or three mentions cannot tell a habit from a slip (`@屿山` and
 * `@Jason`): there the folder's other minutes decide, as OpenSergo's name people `@十眠` throughout.
 */
function nameNotation(ctx: RuleContext, mentions: HandleMention[]): Notation | undefined {
  // `王建民 [@jianminw]`, `熊伟（@myeuler）` give a person's login beside the name: an annotation,
  // not the way the minutes name who does what.
  const plain = mentions.filter((m) => !m.spacedName && !annotates(ctx.doc.text, m.span.start)).map((m) => m.handle);
  const own = countNames(plain);
  if (own.names === 0) return undefined;
  if (isHabit(own)) return own;
  return own.mentions < FEW_MENTIONS ? folderNotation(ctx, own) : undefined;
}

const FEW_MENTIONS = 4;
/** The folder's latest minutes are enough to see its habit, and a long history is not read whole. */
const SIBLINGS_READ = 12;

function folderNotation(ctx: RuleContext, own: Notation): Notation | undefined {
  const siblings = (ctx.series?.members ?? []).filter((m) => m.path !== ctx.doc.path).slice(-SIBLINGS_READ);
  const total = { ...own, files: 1 };
  for (const sibling of siblings) {
    const text = sibling.text();
    if (!text) continue;
    const handles = [...text.matchAll(MENTION)].filter((m) => !annotates(text, m.index)).map((m) => trimEndOf(m[1], '.'));
    const counted = countNames(handles);
    total.names += counted.names;
    total.mentions += counted.mentions;
    total.files++;
  }
  return total.files > 1 && isHabit(total) ? total : undefined;
}

function countNames(handles: readonly string[]): Notation {
  // `| 纪要评审 | @ALL |` addresses everyone: it is neither a login nor a name, and says nothing of the habit.
  const people = handles.filter((h) => !EVERYONE.test(h));
  return { names: people.filter((h) => loginProblem(h, 'unknown') === 'not-latin').length, mentions: people.length };
}

const EVERYONE = /^(?:all|everyone|everybody|channel|here|所有人|全体成员|全体|大家)$/i;

/** `CROB+Sarah+Jessica`: two or more logins joined by `+`, each one valid where it stands. */
function joinedOwners(handle: string, forge: HandleForge): boolean {
  const parts = handle.split('+');
  return parts.length >= 2 && parts.every((p) => /^[A-Z]/i.test(p) && loginProblem(p, forge) === undefined);
}

/** A handle as it shows: Markdown's backslash escapes of ASCII punctuation removed. */
const unescaped = (handle: string) =>
  handle.replace(/\\(\p{P}|\p{S})/gu, (escape, char: string) => (char.charCodeAt(0) < 0x80 ? char : escape));

const isHabit = (n: Notation) => n.names > 0 && n.names * 2 > n.mentions;
const annotates = (text: string, at: number) => /[[(（<【]/.test(text[at - 1] ?? '');

/** The texts of the document's links (`[text](…)`, `[text][ref]`). */
function linkTexts(doc: MinutesDocument): Span[] {
  return doc.links
    .filter((l) => l.kind === 'inline' || l.kind === 'reference')
    .map((l) => ({ start: l.span.start, end: l.urlSpan?.start ?? l.span.end }));
}

/** A Google Docs export's people chips (`@Christopher Robinson`): told once per file, on the first. */
interface Chips {
  count: number;
  told: boolean;
}

/**
 * The `@First Last` of a Google Docs export are its people chips, the editor's notation rather than
 * a slip made at each one: the file is told once, as an info. Anywhere else (a hand-written
 * `@David Lee`, a Feishu export typed by hand) each one is still a warning.
 */
function docsChips(text: string, mentions: readonly HandleMention[]): Chips | undefined {
  const count = mentions.filter((m) => m.spacedName).length;
  return count && isGoogleDocsExport(text) ? { count, told: false } : undefined;
}

function checkSpacedName(ctx: RuleContext, mention: HandleMention, roster: Roster | undefined, chips: Chips | undefined): void {
  const { name, span } = mention.spacedName!;
  const named = roster?.byName(name) ?? [];
  // `@Tao Wang` where `Tao` is a declared login and no one is called Tao Wang: the login is meant.
  if (!named.length && roster?.declared(mention.handle)) return;
  const fixes = replacements(ctx, { ...mention, span }, named);
  if (chips) {
    // A chip the roster can turn into a login is still offered that fix.
    if (chips.told && !fixes.length) return;
    const first = !chips.told;
    chips.told = true;
    ctx.report({
      span,
      message: !first
        ? ctx.t('spacedName', { name, handle: mention.handle })
        : ctx.t(chips.count > 1 ? 'docsChips' : 'docsChip', { name, handle: mention.handle, count: chips.count - 1 }),
      fixes,
      maxSeverity: 'info',
    });
    return;
  }
  ctx.report({ span, message: ctx.t('spacedName', { name, handle: mention.handle }), fixes });
}

/** `@熊伟` → people the roster (or the minutes) call 熊伟; `@-Wine93` → close logins. */
function candidatesFor(handle: string, roster: Roster | undefined): Person[] {
  if (!roster) return [];
  const byName = roster.byName(handle);
  if (byName.length) return byName;
  const cleaned = trimStartOf(trimEndOf(handle, '-'), '-_').replace(/-{2,}/g, '-');
  if (!cleaned) return [];
  const exact = roster.declared(cleaned);
  return exact ? [exact] : roster.suggest(cleaned, 3, { declaredOnly: true });
}

function replacements(ctx: RuleContext, mention: HandleMention, people: Person[]): Fix[] {
  return people.slice(0, 3).map((person, i) => ({
    title: ctx.t('fix', { login: person.handle }),
    edits: [{ start: mention.span.start, end: mention.span.end, newText: `@${person.handle}` }],
    preferred: i === 0 && people.length === 1,
  }));
}

function badChar(handle: string, forge: HandleForge): string {
  const allowed = forge === 'github' ? /[A-Z0-9-]/i : /[\w.-]/;
  return [...handle].find((c) => !allowed.test(c)) ?? '';
}

function forgeName(forge: HandleForge): string {
  return forge === 'github' ? 'GitHub' : forge === 'gitee' ? 'Gitee' : 'forge';
}
