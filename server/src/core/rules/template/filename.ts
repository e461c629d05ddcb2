import { editDistance } from '../../text/distance';
import { filenameDate, formatLike } from '../../model/dates';
import { dataPattern } from '../../regex/pattern';
import type { FilenameSpec } from '../../templates/types';
import type { Rule, RuleContext } from '../types';
import { hardlyAnyNeighbour } from './neighbours';

export const filename: Rule = {
  id: 'template/filename',
  defaultSeverity: 'warning',
  needsConfidentTemplate: true,
  description: {
    en: 'The file name does not follow the pattern of the template.',
    zh: '文件名不符合模板规定的格式。',
  },
  messages: {
    mismatch: {
      en: 'File name "{name}" does not follow template {template}; expected a name like "{example}".',
      zh: '文件名「{name}」不符合模板 {template} 的格式，应类似「{example}」。',
    },
    rename: {
      en: 'File name "{name}" does not follow template {template} (like "{example}"); rename it to "{suggestion}".',
      zh: '文件名「{name}」不符合模板 {template} 的格式（如「{example}」），建议重命名为「{suggestion}」。',
    },
    renameSeen: {
      en: 'File name "{name}" differs from the naming of this folder\'s minutes ({seen} of the last {of} are named like "{example}"); rename it to "{suggestion}".',
      zh: '文件名「{name}」与此目录纪要的命名不一致（最近 {of} 份中有 {seen} 份形如「{example}」），建议重命名为「{suggestion}」。',
    },
  },
  // Renaming a file is not a text edit, so there is no fix: the docs page explains how to rename.
  check(ctx) {
    const spec = ctx.template.filename;
    if (!spec) return;
    const path = ctx.doc.path;
    const name = path.slice(path.lastIndexOf('/') + 1);
    // A name without an extension is an unsaved buffer (`Untitled-1`): it has no file name yet.
    // An unusable pattern (reported with the configuration) checks nothing.
    const pattern = dataPattern(spec.pattern);
    if (!name || !name.includes('.') || !pattern || pattern.test(name) || foreignNaming(ctx, pattern)) return;
    const suggestion = suggestName(name, spec);
    // A learned naming is a habit, not a rule: a name far from it may be a new habit (a year added
    // to the name), so only a near miss of the series' own naming — a typo — is reported.
    if (ctx.template.learned && !suggestion) return;
    if (suggestion && qualified(name, suggestion)) return;
    const data = { name, template: ctx.template.resolvedId, example: spec.example };
    // The first line carries the finding: editors and CI annotations show file-level problems there.
    ctx.report({
      span: ctx.doc.lines.lineSpan(0),
      message: suggestion
        ? ctx.t(spec.seen ? 'renameSeen' : 'rename', { ...data, suggestion, seen: spec.seen?.in ?? 0, of: spec.seen?.of ?? 0 })
        : ctx.t('mismatch', data),
    });
  },
};

/**
 * A naming hardly any of the minutes around this one follow is not this era's: LCTT's articles
 * were named by their title alone in 2014. A learned pattern is the folder's own already.
 */
function foreignNaming(ctx: RuleContext, pattern: { test(text: string): boolean }): boolean {
  return !ctx.template.learned && hardlyAnyNeighbour(ctx, (member) => pattern.test(member.path.slice(member.path.lastIndexOf('/') + 1)));
}

/**
 * `2018-01-31-V8.md` beside `2018-01-31.md`-style names: the right name and a word that tells this
 * meeting apart (a special session, a second meeting that day). Renaming would lose the word.
 */
function qualified(name: string, suggestion: string): boolean {
  const stem = (file: string) => file.replace(/\.[^.\s]+$/, '');
  const base = stem(suggestion);
  return stem(name).startsWith(base) && /^[-_. ]+\p{L}/u.test(stem(name).slice(base.length));
}

/** Names further than this from the suggestion get the template's example instead. */
const MAX_EDITS = 3;

/**
 * The template's example with the file's own date in it (`2023-04- 13.md` → `2023-04-13.md`,
 * `20231206_mintues.md` → `20231206_minutes.md`), when that name satisfies the pattern.
 */
export function suggestName(name: string, spec: FilenameSpec): string | undefined {
  const pattern = dataPattern(spec.pattern);
  if (!pattern) return undefined;
  const own = filenameDate(name);
  const example = filenameDate(spec.example, spec.pattern);
  if (!own || !example || own.date.year === undefined) return undefined;
  const base = spec.example.slice(0, example.start) + formatLike(own.date, example) + spec.example.slice(example.end);
  // Keep the file's extension when the template accepts it (`.md` for openEuler minutes written in Markdown).
  const ext = /\.[^.\s]+$/.exec(name.trim())?.[0];
  const withExt = ext ? base.replace(/\.[^.\s]+$/, ext) : base;
  // Only a near miss is worth a suggestion: names with free text (an LCTT article title) are not the example's.
  for (const candidate of [withExt, base]) {
    if (candidate !== name && pattern.test(candidate) && editDistance(candidate, name) <= MAX_EDITS) return candidate;
  }
  return undefined;
}
