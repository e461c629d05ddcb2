import { filenameDate, formatDate } from '../../model/dates';
import type { MinutesDocument, Section } from '../../model/types';
import { endsInsideOpenBlock } from '../../model/guard';
import { normalizeName } from '../../text/names';
import { findTopics } from '../../views/topics';
import { findSections } from '../../views/match';
import { sectionSpecById } from '../../templates/specs';
import { LineIndex } from '../../text/lines';
import { LineScan } from '../../text/line-scan';
import { seenInFew, type ResolvedTemplate, type SectionSpec } from '../../templates/types';
import type { Rule, RuleContext, TextEdit } from '../types';
import { trimEndOf } from '../../text/trim';

export const missingSection: Rule = {
  id: 'template/missing-section',
  defaultSeverity: 'warning',
  needsConfidentTemplate: true,
  fixable: true,
  description: {
    en: 'A section the template requires is absent.',
    zh: '缺少模板要求的章节。',
  },
  messages: {
    missing: { en: 'Missing section "{name}" required by template {template}.', zh: '缺少模板 {template} 要求的章节「{name}」。' },
    missingIn: {
      en: 'Missing section "{name}" under "{parent}" (template {template}).',
      zh: '「{parent}」下缺少章节「{name}」（模板 {template}）。',
    },
    missingSeen: {
      en: 'Missing section "{name}": {seen} of the last {of} minutes in this folder have it (template {template}).',
      zh: '缺少章节「{name}」：此目录最近 {of} 份纪要中有 {seen} 份有这一节（模板 {template}）。',
    },
    missingMany: {
      en: 'This file has none of {count} sections the last minutes in this folder have ({names}): minutes of another kind of meeting, or a new format? (template {template})',
      zh: '此文件没有此目录最近纪要都有的 {count} 个章节（{names}）：是另一类会议的纪要，还是换了格式？（模板 {template}）',
    },
    fix: { en: 'Insert section "{name}"', zh: '插入章节「{name}」' },
    missingTitle: {
      en: 'Missing title: template {template} starts with a level-1 title such as "{example}".',
      zh: '缺少标题：模板 {template} 以一级标题开头，例如「{example}」。',
    },
    missingTitleSeen: {
      en: 'Missing title: {seen} of the last {of} minutes in this folder start with a level-1 title such as "{example}".',
      zh: '缺少标题：此目录最近 {of} 份纪要中有 {seen} 份以一级标题开头，例如「{example}」。',
    },
    fixTitle: { en: 'Insert title "{example}"', zh: '插入标题「{example}」' },
  },
  check(ctx) {
    checkTitle(ctx);
    checkLevel(ctx, ctx.template.sections ?? [], undefined);
  },
};

/** A required title (`# Curve 双周会 2022-05-26`, LCTT's underlined title): the date comes from the file name when it has one. */
function checkTitle(ctx: RuleContext): void {
  const { doc, template } = ctx;
  const spec = template.title;
  if (!spec?.required || doc.format !== 'markdown' || doc.title) return;
  const example = withMeetingDate(spec.skeleton ?? 'Minutes YYYY-MM-DD', doc, ctx.template);
  // Front matter-like headers (LCTT's `[#]:` lines) stay first; the title goes after them.
  const header = doc.fields.filter((f) => f.source === 'lctt-header');
  const at = header.length ? header[header.length - 1].span.end + 1 : 0;
  const title = spec.style === 'setext' ? `${example}\n${'='.repeat(6)}` : `# ${example}`;
  const before = at === 0 ? '' : '\n';
  ctx.report({
    span: doc.lines.lineSpan(doc.lines.position(Math.min(at, doc.text.length)).line),
    message: spec.seen
      ? ctx.t('missingTitleSeen', { seen: spec.seen.in, of: spec.seen.of, example })
      : ctx.t('missingTitle', { template: template.resolvedId, example }),
    fixes: [
      {
        title: ctx.t('fixTitle', { example }),
        edits: [{ start: Math.min(at, doc.text.length), end: Math.min(at, doc.text.length), newText: `${before}${title}\n\n` }],
        preferred: true,
      },
    ],
  });
}

/** This many learned sections missing at once: another kind of meeting, not forgotten sections. */
const MANY_MISSING = 3;

/** A learned section 19 in 20 of the series' minutes have, required or not. */
const nearlyAlways = (spec: SectionSpec) => spec.seen !== undefined && spec.seen.in * 20 >= spec.seen.of * 19;

/** Checks the specs of one level; `parent` is the document section their parent spec matched. */
function checkLevel(ctx: RuleContext, specs: readonly SectionSpec[], parent: Section | undefined): void {
  const { doc } = ctx;
  const scope = parent ? descendants(parent) : doc.sections;
  const missing: { spec: SectionSpec; index: number }[] = [];
  // Sections nearly every minutes of the series has, which the team did not always keep (so not required):
  // they are not asked for, but they still tell a file of another kind of meeting.
  const habitual: { spec: SectionSpec; index: number }[] = [];
  specs.forEach((spec, index) => {
    const found = findSections(doc, spec, scope);
    if (found.length) {
      if (spec.children?.length) checkLevel(ctx, spec.children, found[0]);
      return;
    }
    if (!spec.required && !nearlyAlways(spec)) return;
    if (
      (!parent && topicsWithoutLabel(ctx, spec)) ||
      writtenAsLine(doc, spec) ||
      retitled(scope, spec) ||
      presentersChanged(scope, spec) ||
      notesRenamed(scope, spec, specs)
    )
      return;
    (spec.required ? missing : habitual).push({ spec, index });
  });
  const learned = [...missing.filter((m) => m.spec.seen), ...habitual].sort((a, b) => a.index - b.index);
  if (learned.length >= MANY_MISSING) {
    ctx.report({
      span: reportSpan(doc, specs, learned[0].index, scope, parent),
      severity: 'info',
      message: ctx.t('missingMany', {
        count: learned.length,
        names: learned.map((m) => m.spec.names[0]).join(', '),
        template: ctx.template.resolvedId,
      }),
    });
  }
  for (const { spec, index } of missing) {
    if (spec.seen && learned.length >= MANY_MISSING) continue;
    reportMissing(ctx, specs, spec, index, scope, parent);
  }
}

/**
 * `## Q&A, Other New Discussion` where the series writes `## Q&A, Other`: the section is there,
 * its title grown by a few words.
 */
function retitled(scope: readonly Section[], spec: SectionSpec): boolean {
  const names = spec.names.map(normalizeName).filter((n) => n.length >= MIN_RETITLED);
  return scope.some((s) => {
    const title = normalizeName(s.title);
    return names.some((n) => title.length > n.length && title.startsWith(n));
  });
}

/** Shorter names (`议题`, `TC`) begin too many other titles. */
const MIN_RETITLED = 4;

/**
 * `## Legal Team Update - Dana` where the series writes `## Legal Team Update - Dana/Lee`: the
 * section is there; who gives the report changed. The names after the dash are people's
 * (capitalised words joined by `/`, `,`, `&` or `and`).
 */
function presentersChanged(scope: readonly Section[], spec: SectionSpec): boolean {
  const heads = spec.names.map(presentedHead).filter((h): h is string => h !== undefined && h.length >= MIN_RETITLED);
  if (!heads.length) return false;
  return scope.some((s) => {
    const head = presentedHead(s.title);
    return head !== undefined && heads.includes(head);
  });
}

const PRESENTERS = /\s[-–—]\s+\p{Lu}[\p{L}'’.]*(?:\s*(?:[/,&]|\band\b)\s*\p{Lu}[\p{L}'’.]*)*\s*$/u;

function presentedHead(title: string): string | undefined {
  const m = PRESENTERS.exec(title);
  return m && m.index > 0 ? normalizeName(title.slice(0, m.index)) : undefined;
}

/**
 * `## Minutes` in the one file where the series writes `## Notes`: the same body of the minutes
 * under another common name. Only for a learned template (a built-in's names are its contract),
 * and only when the title is no other section's of the template.
 */
function notesRenamed(scope: readonly Section[], spec: SectionSpec, specs: readonly SectionSpec[]): boolean {
  if (!spec.seen || !spec.names.some((n) => NOTES_NAMES.has(normalizeName(n)))) return false;
  const others = new Set(specs.flatMap((o) => o.names.map(normalizeName)));
  return scope.some((s) => {
    const title = normalizeName(s.title);
    return NOTES_NAMES.has(title) && !others.has(title);
  });
}

const NOTES_NAMES = new Set(
  [
    'Notes',
    'Minutes',
    'Meeting notes',
    'Meeting minutes',
    'Discussion',
    'Discussion notes',
    '会议记录',
    '会议纪要',
    '纪要',
    '讨论',
    '讨论内容',
  ].map(normalizeName),
);

/**
 * `参会人：张三、李四` (or `3. 参会人：…` in a numbered list) where the series writes a `## 参会人`
 * section: the content is there. So it is under a label that opens a list (`**Who joined**:`
 * and the names in the items below it), as Falco's minutes wrote before they took headings.
 */
function writtenAsLine(doc: MinutesDocument, spec: SectionSpec): boolean {
  const labels = lineLabelsOf(doc);
  return spec.names.some((name) => labels.has(normalizeName(name)));
}

interface LineLabel {
  name: string;
  /** Nothing after the colon (`**Who joined**:`): the value, if any, is the list below. */
  bare: boolean;
}

// `议题：…`: the name a line gives a value to, as section names compare. One line's alone.
const lineLabels = new LineScan<LineLabel>((text) => {
  const colon = text.search(/[：:]/);
  if (colon < 1 || colon > 60) return [];
  const bare = !text
    .slice(colon + 1)
    .replace(/[*_]/g, '')
    .trim();
  // A bare label is a line of its own: `**Who joined**:`, not `- see below:`.
  if (bare && !/^\s*(?:\*\*|__)?[^\s*_:：-]/.test(text)) return [];
  return [{ name: normalizeName(text.slice(0, colon).replace(/^\s*(?:[-*+]\s|\d{1,3}[.)、])?/, '')), bare }];
});

const lineLabelSets = new WeakMap<MinutesDocument, Set<string>>();

/** The names the document's lines give values to: every missing section asks. */
function lineLabelsOf(doc: MinutesDocument): Set<string> {
  let labels = lineLabelSets.get(doc);
  if (!labels) {
    labels = new Set(
      lineLabels
        .of(doc.text)
        .flatMap((line) => line.items.filter((label) => !label.bare || opensList(doc.text, line.start)).map((label) => label.name)),
    );
    lineLabelSets.set(doc, labels);
  }
  return labels;
}

/** Is the next line that is not blank, after the line at `start`, a list item? */
function opensList(text: string, start: number): boolean {
  const end = text.indexOf('\n', start);
  if (end < 0) return false;
  return /^(?:[ \t]*\r?\n)*[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]/.test(text.slice(end + 1, end + 1 + LOOK_AHEAD));
}

/** Enough of the text after a label to see past a few blank lines to the list. */
const LOOK_AHEAD = 200;

function reportMissing(
  ctx: RuleContext,
  specs: readonly SectionSpec[],
  spec: SectionSpec,
  index: number,
  scope: Section[],
  parent: Section | undefined,
): void {
  const { doc } = ctx;
  const at = insertionPoint(doc, specs, index, scope, parent);
  const edit: TextEdit = { start: at, end: at, newText: skeleton(doc, spec, parent, at, ctx.template) };
  const name = spec.names[0];
  // After a code fence or `<!--` left open, an inserted section would be code or comment:
  // still missing, and inserted again on every run.
  const hidden = doc.format === 'markdown' && at > 0 && endsInsideOpenBlock(doc.text.slice(0, at));
  ctx.report({
    span: reportSpan(doc, specs, index, scope, parent),
    // A section every one of a few minutes has may still be occasional: said, not insisted on.
    ...(seenInFew(spec.seen) ? { severity: 'info' as const } : {}),
    message: spec.seen
      ? ctx.t('missingSeen', { name, seen: spec.seen.in, of: spec.seen.of, template: ctx.template.resolvedId })
      : parent
        ? ctx.t('missingIn', { name, parent: parent.title, template: ctx.template.resolvedId })
        : ctx.t('missing', { name, template: ctx.template.resolvedId }),
    fixes: hidden ? [] : [{ title: ctx.t('fix', { name }), edits: [edit], preferred: true, safe: true }],
  });
}

/**
 * openEuler minutes that number their topics (`议题一：…`, `1、…`) under a category heading or
 * after `会议内容：` have their agenda; only the `议题：` line is not there. The topics section
 * counts as present when the text outside the lists of follow-up items (`topics.notTopics`:
 * `遗留问题：` and the block below it), read as that section, holds numbered topics.
 */
function topicsWithoutLabel(ctx: RuleContext, spec: SectionSpec): boolean {
  const { doc, template } = ctx;
  const topics = template.topics;
  if (!topics?.sections.includes(spec.id)) return false;
  let text = doc.text;
  for (const id of topics.notTopics ?? []) {
    const other = sectionSpecById(template, id);
    for (const s of other ? findSections(doc, other) : []) {
      // The follow-up list is one block; what comes after a blank line may be the topics.
      const end = Math.min(s.body.end, blockEnd(doc.text, s.body.start));
      // Blanked with spaces, line breaks kept: offsets and line numbers stay those of the document.
      text = text.slice(0, s.heading.start) + text.slice(s.heading.start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
    }
  }
  const body: Section = {
    kind: 'label',
    title: spec.names[0],
    rawTitle: spec.names[0],
    level: 1,
    setext: false,
    heading: { start: 0, end: 0 },
    titleSpan: { start: 0, end: 0 },
    body: { start: 0, end: text.length },
    hasContent: true,
    children: [],
  };
  return findTopics({ ...doc, text, lines: new LineIndex(text), sections: [body] }, template).length > 0;
}

/** Where the block of text starting at (or after blank lines at) `from` ends: its first blank line. */
function blockEnd(text: string, from: number): number {
  const start = from + (/^(?:[ \t]*\r?\n)*/.exec(text.slice(from))?.[0].length ?? 0);
  const blank = /\r?\n[ \t]*\r?\n/.exec(text.slice(start));
  return blank ? start + blank.index + 1 : text.length;
}

function descendants(section: Section): Section[] {
  return section.children.flatMap((c) => [c, ...descendants(c)]);
}

/** Before the next sibling spec that is present; else at the end of the parent (or the document). */
function insertionPoint(
  doc: MinutesDocument,
  specs: readonly SectionSpec[],
  index: number,
  scope: Section[],
  parent: Section | undefined,
): number {
  for (let i = index + 1; i < specs.length; i++) {
    const next = findSections(doc, specs[i], scope)[0];
    if (next) return next.heading.start;
  }
  for (let i = index - 1; i >= 0; i--) {
    const previous = findSections(doc, specs[i], scope)[0];
    if (previous) return previous.body.end;
  }
  return parent ? parent.body.end : doc.text.length;
}

/** The heading of the section that follows the gap, or the parent's heading, or the document's first line. */
function reportSpan(doc: MinutesDocument, specs: readonly SectionSpec[], index: number, scope: Section[], parent: Section | undefined) {
  for (let i = index + 1; i < specs.length; i++) {
    const next = findSections(doc, specs[i], scope)[0];
    if (next) return next.heading;
  }
  if (parent) return parent.heading;
  return doc.lines.lineSpan(0);
}

/**
 * A skeleton's `YYYY-MM-DD` (or `YYYY/MM/DD`) filled with the meeting's date from the file name:
 * the inserted section then says something true instead of a placeholder to be reported next.
 */
function withMeetingDate(skeleton: string, doc: MinutesDocument, template: ResolvedTemplate): string {
  const basename = doc.path.slice(doc.path.lastIndexOf('/') + 1);
  const date = filenameDate(basename, template.filename?.pattern)?.date;
  if (!date?.year) return skeleton;
  return skeleton.replace(/YYYY([-/.])MM\1DD/g, (_, separator: string) => formatDate(date, separator));
}

function skeleton(doc: MinutesDocument, spec: SectionSpec, parent: Section | undefined, at: number, template: ResolvedTemplate): string {
  const name = spec.names[0];
  const heading =
    doc.format === 'markdown' ? `${'#'.repeat(spec.level ?? (parent ? Math.min(parent.level + 1, 6) : 2))} ${name}` : `${name}：`;
  const body = spec.skeleton ? `\n\n${trimEndOf(withMeetingDate(spec.skeleton, doc, template), '\n')}` : '';
  const before = doc.text.slice(0, at);
  const lead = at === 0 || /(?:\r\n?|\n){2}$/.test(before) ? '' : /[\r\n]$/.test(before) ? '\n' : '\n\n';
  const after = doc.text.slice(at);
  const trail = after.length === 0 ? '\n' : '\n\n';
  return `${lead}${heading}${body}${trail}`;
}
