/**
 * `--summary FILE`: a Markdown summary for people, appended to FILE (GitHub Actions shows
 * `$GITHUB_STEP_SUMMARY` on the run's page): one table of the files checked, then a table of
 * findings per file, each naming its rule with a link to the rule's page.
 */
import { ruleDocsUrl, type Lang, type Severity } from '../../core';
import { format, type Message } from '../../core/i18n/lang';
import { trimEndOf } from '../../core/text/trim';
import { displayPath, printable, range, relativePath, type FileReport } from '../report';

/** GitHub keeps a step summary up to 1 MiB; a few hundred rows say all a reviewer reads. */
const MAX_ROWS = 300;

export interface SummaryOptions {
  lang: Lang;
  cwd: string;
  /** A link to a line of a file as the forge shows it (GitHub: blob URL at the commit checked). */
  lineUrl?: (path: string, line: number) => string;
}

const words = {
  title: { en: 'minutes-lint', zh: 'minutes-lint 检查结果' },
  totals: {
    en: 'files checked: {files} · errors: {errors} · warnings: {warnings} · info: {info}',
    zh: '检查文件：{files} · 错误：{errors} · 警告：{warnings} · 提示：{info}',
  },
  noFiles: { en: 'No minutes to check.', zh: '没有需要检查的会议纪要。' },
  file: { en: 'file', zh: '文件' },
  template: { en: 'template', zh: '模板' },
  errors: { en: 'errors', zh: '错误' },
  warnings: { en: 'warnings', zh: '警告' },
  info: { en: 'info', zh: '提示' },
  line: { en: 'line', zh: '行' },
  severity: { en: 'severity', zh: '级别' },
  rule: { en: 'rule', zh: '规则' },
  message: { en: 'message', zh: '说明' },
  clean: { en: 'no problems', zh: '没有问题' },
  cut: { en: '… {count} more findings are not listed here.', zh: '……另有 {count} 个问题未在此列出。' },
} satisfies Record<string, Message>;

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', info: 'ℹ️', hint: 'ℹ️' };

export function toSummary(reports: FileReport[], options: SummaryOptions): string {
  const say = (id: keyof typeof words, data?: Record<string, string | number>) => format(words[id], options.lang, data);
  const count = (r: FileReport, ...severities: Severity[]) => r.diagnostics.filter((d) => severities.includes(d.severity)).length;
  const totals = {
    files: reports.length,
    errors: reports.reduce((n, r) => n + count(r, 'error') + (r.error ? 1 : 0), 0),
    warnings: reports.reduce((n, r) => n + count(r, 'warning'), 0),
    info: reports.reduce((n, r) => n + count(r, 'info', 'hint'), 0),
  };
  const out = [`## ${say('title')}`, ''];
  if (!reports.length) return [...out, say('noFiles'), ''].join('\n');
  out.push(`**${say('totals', totals)}**`, '');
  out.push(`| ${say('file')} | ${say('template')} | ${say('errors')} | ${say('warnings')} | ${say('info')} |`, '|---|---|--:|--:|--:|');
  for (const r of reports) {
    const name = cell(displayPath(r.path, options.cwd));
    const template = r.error ? cell(printable(r.error)) : r.template ? `\`${r.template.resolvedId}\`` : '';
    const clean = !r.error && !r.diagnostics.length ? ` ✅ ${say('clean')}` : '';
    out.push(
      `| ${name}${clean} | ${template} | ${count(r, 'error') + (r.error ? 1 : 0)} | ${count(r, 'warning')} | ${count(r, 'info', 'hint')} |`,
    );
  }
  let rows = 0;
  let left = 0;
  for (const r of reports) {
    if (!r.diagnostics.length) continue;
    const path = relativePath(r.path, options.cwd);
    const findings: string[] = [];
    for (const d of r.diagnostics) {
      if (rows >= MAX_ROWS) {
        left++;
        continue;
      }
      rows++;
      const { line, column } = range(r.lines!, d.span.start, d.span.end);
      const where = options.lineUrl ? `[${line}:${column}](${options.lineUrl(path, line)})` : `${line}:${column}`;
      findings.push(
        `| ${where} | ${ICON[d.severity]} ${d.severity} | [\`${d.rule}\`](${ruleDocsUrl(d.rule)}) | ${cell(printable(d.message))} |`,
      );
    }
    if (!findings.length) continue;
    out.push(
      '',
      `### ${cell(printable(path))}`,
      '',
      `| ${say('line')} | ${say('severity')} | ${say('rule')} | ${say('message')} |`,
      '|--:|---|---|---|',
      ...findings,
    );
  }
  if (left) out.push('', say('cut', { count: left }));
  out.push('');
  return out.join('\n');
}

/**
 * Messages quote the minutes (`**结论：**`, `[text] (url)`, `<!-- … -->`): as table cells they
 * must read as the text they are, not as Markdown or HTML, and never end the table row.
 */
export function cell(text: string): string {
  return text
    .replace(/\r\n|[\r\n]/g, ' ')
    .replace(/[\\`*_[\]<>|#~!]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
}

/** GitHub's link to a line of a file at the commit the workflow checked out, when the environment says which. */
export function githubLineUrl(env: NodeJS.ProcessEnv): SummaryOptions['lineUrl'] {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  if (!server || !repository || !sha || !/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^[0-9a-f]{40,64}$/.test(sha)) return undefined;
  const base = `${trimEndOf(server, '/')}/${repository}/blob/${sha}/`;
  return (path, line) => `${base}${path.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}
