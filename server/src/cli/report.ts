import { relative } from 'node:path';
import type { Diagnostic, LineIndex, ResolvedTemplate } from '../core';

/** What a report says of its template (all a worker thread sends back of it). */
export type ReportTemplate = Pick<ResolvedTemplate, 'resolvedId' | 'reason' | 'confidence' | 'explanation'>;

export interface FileReport {
  path: string;
  template?: ReportTemplate;
  lines?: LineIndex;
  diagnostics: Diagnostic[];
  /** A file that could not be linted (binary, unreadable, too large). */
  error?: string;
  fixed?: number;
}

export interface JsonRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** 1-based lines and columns (UTF-16 code units), as editors and every output format count them. */
export function range(lines: LineIndex, start: number, end: number): JsonRange {
  const s = lines.position(start);
  const e = lines.position(end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

/** The path as the user named it: relative to the working folder when inside it, with `/`. */
export function relativePath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return (rel && !rel.startsWith('..') ? rel : path).replace(/\\/g, '/');
}

/** The same, with control characters escaped: for lines a terminal or a CI log shows. */
export function displayPath(path: string, cwd = process.cwd()): string {
  return printable(relativePath(path, cwd));
}

// C0 and C1 controls (CR, ESC…), line and paragraph separators, and bidi overrides.
// eslint-disable-next-line no-control-regex -- these control characters are what it finds
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * What a document or a file name puts in a message is shown with its control characters as
 * escapes (`\r`, `\u001b`): a report line stays one line, so a bare CR cannot start a forged
 * `::error` line in a CI log, and no escape sequence reaches the terminal.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The `--format json` contract of product.md: 1-based lines, UTF-16 columns. */
export function toJson(reports: FileReport[], lang: 'en' | 'zh' = 'en'): string {
  const files = reports.map((r) => ({
    path: relativePath(r.path),
    template: r.template?.resolvedId ?? null,
    templateReason: r.template?.reason,
    ...(r.template ? { templateConfidence: r.template.confidence } : {}),
    ...(r.template?.explanation ? { templateExplanation: r.template.explanation[lang] || r.template.explanation.en } : {}),
    ...(r.error ? { error: r.error } : {}),
    ...(r.fixed ? { fixed: r.fixed } : {}),
    diagnostics: r.diagnostics.map((d) => jsonDiagnostic(d, r.lines!)),
  }));
  return JSON.stringify({ files }, null, 2);
}

/** One diagnostic with its fixes in lines and columns: the `--format json` shape, which the Node API returns too. */
export function jsonDiagnostic(d: Diagnostic, lines: LineIndex) {
  return {
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    ...range(lines, d.span.start, d.span.end),
    fixes: d.fixes.map((f) => ({
      title: f.title,
      ...(f.preferred ? { preferred: true } : {}),
      edits: f.edits.map((e) => ({ ...range(lines, e.start, e.end), newText: e.newText })),
    })),
  };
}

const COLORS = { error: '31', warning: '33', info: '36', hint: '90', dim: '2', bold: '1' } as const;

export function toText(reports: FileReport[], color: boolean, lang: 'en' | 'zh'): string {
  const paint = (c: keyof typeof COLORS, s: string) => (color ? `\x1b[${COLORS[c]}m${s}\x1b[0m` : s);
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) {
    const tpl = r.template
      ? paint('dim', `  (${lang === 'zh' ? '模板' : 'template'}: ${printable(r.template.resolvedId)}, ${printable(r.template.reason)})`)
      : '';
    if (r.error) {
      out.push(`${paint('bold', displayPath(r.path))}`, `  ${paint('error', 'error')}  ${printable(r.error)}`, '');
      counts.error++;
      continue;
    }
    if (!r.diagnostics.length) continue;
    out.push(`${paint('bold', displayPath(r.path))}${tpl}`);
    for (const d of r.diagnostics) {
      const p = r.lines!.position(d.span.start);
      const where = `${p.line + 1}:${p.character + 1}`.padEnd(7);
      out.push(`  ${where} ${paint(d.severity, d.severity.padEnd(7))}  ${printable(d.message)}  ${paint('dim', d.rule)}`);
      counts[d.severity]++;
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const fixed = reports.reduce((n, r) => n + (r.fixed ?? 0), 0);
  const summary =
    lang === 'zh'
      ? `${reports.length} 个文件，${total} 个问题（${counts.error} 错误，${counts.warning} 警告，${counts.info + counts.hint} 提示）${fixed ? `，已修复 ${fixed} 处` : ''}`
      : `${reports.length} file${reports.length === 1 ? '' : 's'}, ${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info + counts.hint} info)${fixed ? `, ${fixed} fixed` : ''}`;
  out.push(...templateNotes(reports, lang, (s) => paint('dim', s)));
  out.push(...ruleTally(reports, total, lang, (s) => paint('dim', s)));
  out.push(total ? paint(counts.error ? 'error' : 'warning', summary) : summary);
  return out.join('\n');
}

/**
 * Why each template shown above applies, how sure that is and how to pin it: said once per
 * template and reason, not on every file's header. Reasons that differ only in their numbers are
 * one reason: each minutes of a series learns its template from the others, so one series gives
 * "learned from 34 minutes" and "learned from 33 minutes" (each file's header has its own).
 */
function templateNotes(reports: FileReport[], lang: 'en' | 'zh', dim: (s: string) => string): string[] {
  const notes = new Map<string, string>();
  for (const r of reports) {
    const t = r.template;
    if (!t?.explanation || r.error || !r.diagnostics.length) continue;
    const text = printable(t.explanation[lang] || t.explanation.en);
    const key = `${t.resolvedId}\n${t.confidence}\n${text.replace(/\d+/g, '#')}`;
    if (!notes.has(key)) notes.set(key, `  ${t.resolvedId} (${t.confidence}): ${text}`);
  }
  if (!notes.size) return [];
  return [dim(lang === 'zh' ? '模板：' : 'Templates:'), ...[...notes.values()].map(dim), ''];
}

/** A first run over a folder can print hundreds of findings; below this, each is read anyway. */
const TALLY_FROM = 40;
const TALLY_RULES = 5;

/**
 * Where many findings come from: the rules that found the most, how many of theirs `--fix`
 * repairs, and how to turn off a rule that does not suit the minutes. A thousand findings of one
 * exported bold label read as one problem a team fixes at once, not as a thousand.
 */
function ruleTally(reports: FileReport[], total: number, lang: 'en' | 'zh', dim: (s: string) => string): string[] {
  if (total < TALLY_FROM) return [];
  const tally = new Map<string, { count: number; fixable: number }>();
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const t = tally.get(d.rule) ?? { count: 0, fixable: 0 };
      t.count++;
      if (d.fixes.some((f) => f.safe)) t.fixable++;
      tally.set(d.rule, t);
    }
  }
  const top = [...tally].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0])).slice(0, TALLY_RULES);
  const width = Math.max(...top.map(([rule]) => rule.length));
  const lines = top.map(([rule, t]) => {
    const fixable = t.fixable ? (lang === 'zh' ? `（${t.fixable} 处可用 --fix 修复）` : `  (${t.fixable} fixable with --fix)`) : '';
    return `  ${rule.padEnd(width)}  ${String(t.count).padStart(5)}${fixable}`;
  });
  const head = lang === 'zh' ? '问题最多的规则：' : 'Rules with the most findings:';
  const hint =
    lang === 'zh'
      ? '  不适合这些纪要的规则可在 .minutesrc.json 的 "rules" 中设为 "off"。'
      : '  A rule that does not suit these minutes can be set to "off" under "rules" in .minutesrc.json.';
  return [dim(head), ...lines.map(dim), dim(hint), ''];
}

/** GitHub Actions' `::error` workflow commands escape these in values and properties; other controls are shown as escapes. */
function escapeData(s: string): string {
  return printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_LEVEL = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/**
 * `--format github`: one workflow command per diagnostic, which GitHub Actions turns into
 * annotations on the pull request's changed lines, so reviewers see them where they read.
 */
export function toGithub(reports: FileReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    const file = escapeProperty(displayPath(r.path));
    if (r.error) {
      out.push(`::error file=${file},title=minutes-lint::${escapeData(r.error)}`);
      continue;
    }
    for (const d of r.diagnostics) {
      const { line, column, endLine, endColumn } = range(r.lines!, d.span.start, d.span.end);
      const where = `file=${file},line=${line},col=${column},endLine=${endLine},endColumn=${endColumn}`;
      out.push(`::${GITHUB_LEVEL[d.severity]} ${where},title=${escapeProperty(d.rule)}::${escapeData(d.message)}`);
    }
  }
  return out.join('\n');
}
