/**
 * `--format gitlab`: a GitLab Code Quality report (the Code Climate issue subset GitLab reads),
 * which merge requests show as a widget and as markers in the diff. The fingerprint must stay
 * the same while a problem stays, so GitLab can tell new problems from fixed ones: it hashes
 * the file, the rule, the message and the flagged text, not the line number, which moves with
 * every edit above it. Descriptions show a document's control characters as escapes
 * (`printable`), as every format does.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../../core';
import { printable, range, relativePath, type FileReport } from '../report';
import type { FormatContext } from './context';

const GITLAB_SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

export function toCodeQuality(reports: FileReport[], context: FormatContext): string {
  const issues: unknown[] = [];
  const seen = new Map<string, number>();
  for (const report of reports) {
    const path = relativePath(report.path, context.cwd);
    if (report.error) {
      issues.push({
        type: 'issue',
        check_name: 'minutes-lint',
        description: printable(report.error),
        severity: 'critical',
        fingerprint: fingerprint(seen, [path, report.error]),
        location: { path, lines: { begin: 1 } },
      });
      continue;
    }
    const text = report.lines!.text;
    for (const d of report.diagnostics) {
      const { line, endLine } = range(report.lines!, d.span.start, d.span.end);
      issues.push({
        type: 'issue',
        check_name: d.rule,
        description: printable(d.message),
        severity: GITLAB_SEVERITY[d.severity],
        fingerprint: fingerprint(seen, [path, d.rule, d.message, text.slice(d.span.start, d.span.end)]),
        location: { path, lines: { begin: line, end: endLine } },
      });
    }
  }
  return JSON.stringify(issues, null, 2);
}

/** The same problem twice in a file (same rule, message and text) gets a counter so each stays unique. */
function fingerprint(seen: Map<string, number>, parts: string[]): string {
  const base = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count ? createHash('sha256').update(`${base}:${count}`).digest('hex') : base;
}
