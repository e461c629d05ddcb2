/**
 * `--format junit`: JUnit XML, which most CI systems (GitLab, Jenkins, Azure Pipelines…) show
 * as a test report. One test suite per file; each problem is a failed test case named by its
 * place and rule, and a file without problems is one passing test case, so the report also
 * says what was checked. What a document or a file name puts in the report is shown with its
 * control characters as escapes (`printable`), as in the other formats.
 */
import { ruleDocsUrl } from '../../core';
import { printable, range, relativePath, type FileReport } from '../report';
import type { FormatContext } from './context';

export function toJunit(reports: FileReport[], context: FormatContext): string {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const suites: string[] = [];
  for (const report of reports) {
    const file = printable(relativePath(report.path, context.cwd));
    const cases: string[] = [];
    if (report.error) {
      errors++;
      cases.push(
        `    <testcase ${attributes({ classname: file, name: 'minutes-lint', file })}>\n      <error ${attributes({ message: printable(report.error) })}/>\n    </testcase>`,
      );
    } else if (!report.diagnostics.length) {
      cases.push(`    <testcase ${attributes({ classname: file, name: 'minutes-lint', file })}/>`);
    }
    for (const d of report.diagnostics) {
      const { line, column } = range(report.lines!, d.span.start, d.span.end);
      const message = printable(d.message);
      const body = `${d.severity} at ${file}:${line}:${column} (${d.rule})\n${message}\n${ruleDocsUrl(d.rule)}`;
      cases.push(
        `    <testcase ${attributes({ classname: file, name: `${line}:${column} ${d.rule}`, file, line })}>\n` +
          `      <failure ${attributes({ type: d.severity, message })}>${escapeXml(body)}</failure>\n` +
          '    </testcase>',
      );
    }
    const suiteFailures = report.diagnostics.length;
    tests += cases.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite ${attributes({ name: file, tests: cases.length, failures: suiteFailures, errors: report.error ? 1 : 0 })}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attributes({ name: 'minutes-lint', tests, failures, errors })}>`,
    ...suites,
    '</testsuites>',
  ].join('\n');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${escapeXml(String(value))}"`)
    .join(' ');
}

/** Non-characters and lone surrogates: `printable` leaves them, XML 1.0 cannot hold them. */
const NOT_XML = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * XML escapes for text already made `printable` (the lines of a failure's body stay lines), and
 * the characters XML cannot hold written as `\uXXXX`, the way `printable` writes controls.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/\n/g, '&#10;')
    .replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
