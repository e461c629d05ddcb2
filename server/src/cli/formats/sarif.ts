/**
 * `--format sarif`: SARIF 2.1.0, the format code scanning reads (GitHub's upload-sarif, Azure
 * DevOps, many IDE viewers). The whole rule catalog rides along as the driver's rules, so a
 * viewer can show each rule's description, default level and documentation page. Messages
 * show a document's control characters as escapes (`printable`), as every format does; a fix's
 * inserted text stays exact.
 */
import { pathToFileURL } from 'node:url';
import { allRules, ruleDocsUrl, type Diagnostic, type Fix, type LineIndex, type Severity } from '../../core';
import { printable, range, relativePath, type FileReport } from '../report';
import type { FormatContext } from './context';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/community-minutes/community-minutes';
/** Relative artifact URIs are resolved against this base, which names the working folder. */
const SOURCE_ROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

export function toSarif(reports: FileReport[], context: FormatContext): string {
  const ruleIndex = new Map(allRules.map((rule, index) => [rule.id, index]));
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  for (const report of reports) {
    const artifactLocation = artifactFor(report.path, context.cwd);
    if (report.error) {
      notifications.push({
        level: 'error',
        message: { text: printable(report.error) },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
      continue;
    }
    for (const d of report.diagnostics) results.push(result(d, report.lines!, artifactLocation, ruleIndex.get(d.rule)));
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'minutes-lint',
            version: context.version,
            informationUri: INFORMATION_URI,
            rules: allRules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description[context.lang] || rule.description.en },
              helpUri: ruleDocsUrl(rule.id),
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
              properties: { tags: [rule.id.split('/')[0]], fixable: rule.fixable === true, ...(rule.online ? { online: true } : {}) },
            })),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(context.cwd.endsWith('/') ? context.cwd : `${context.cwd}/`).href } },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function result(d: Diagnostic, lines: LineIndex, artifactLocation: ArtifactLocation, index: number | undefined) {
  return {
    ruleId: d.rule,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[d.severity],
    message: { text: printable(d.message) },
    locations: [{ physicalLocation: { artifactLocation, region: region(lines, d.span.start, d.span.end) } }],
    ...(d.fixes.length ? { fixes: d.fixes.map((f) => fix(f, lines, artifactLocation)) } : {}),
  };
}

function fix(f: Fix, lines: LineIndex, artifactLocation: ArtifactLocation) {
  return {
    description: { text: printable(f.title) },
    artifactChanges: [
      {
        artifactLocation,
        replacements: f.edits.map((e) => ({ deletedRegion: region(lines, e.start, e.end), insertedContent: { text: e.newText } })),
      },
    ],
  };
}

/** SARIF's end column is the column after the last character, as ours is. */
function region(lines: LineIndex, start: number, end: number) {
  const r = range(lines, start, end);
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

/** A relative, percent-encoded URI under the working folder when the file is inside it, else a file URI. */
function artifactFor(path: string, cwd: string): ArtifactLocation {
  const shown = relativePath(path, cwd);
  if (shown.startsWith('/') || /^[a-z]:/i.test(shown)) return { uri: pathToFileURL(shown).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}
