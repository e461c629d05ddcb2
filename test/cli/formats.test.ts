import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { LineIndex, type Diagnostic } from '../../server/src/core';
import { toCodeQuality } from '../../server/src/cli/formats/codeQuality';
import { escapeXml, toJunit } from '../../server/src/cli/formats/junit';
import { toSarif } from '../../server/src/cli/formats/sarif';
import { cell, githubLineUrl, toSummary } from '../../server/src/cli/formats/summary';
import type { FileReport } from '../../server/src/cli/report';
import { ROOT } from '../helpers';
import { example, runCli, TempRepo } from './run';

/** The SARIF 2.1.0 schema as OASIS published it (final, "rtm.5"), shipped by Microsoft's SARIF SDK on npm. */
const SARIF_SCHEMA = join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function sarifValidator() {
  // The schema is draft-04 and one of its patterns is not valid as a Unicode regular expression.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as object);
}

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; helpUri: string; shortDescription: { text: string } }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: Array<{
        physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } };
      }>;
      fixes?: unknown[];
    }>;
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ message: { text: string } }> }>;
  }>;
}

describe('minutes-lint --format sarif', function () {
  this.timeout(60000);
  let repo: TempRepo;
  beforeEach(() => {
    repo = new TempRepo();
    repo.write('curve/2024-03-14.md', example('curve/2024-03-14.md'));
    repo.write('group/4.20 会议记录.md', example('group/4.20会议记录.md'));
  });
  afterEach(() => repo.dispose());

  it('is valid SARIF 2.1.0, with the rule catalog, help URIs and results at the right places', () => {
    const r = runCli(['--format', 'sarif', '.'], repo.root);
    assert.equal(r.code, 0, r.stderr);
    const log = JSON.parse(r.stdout) as SarifLog;
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'minutes-lint');
    const rules = run.tool.driver.rules;
    assert.ok(rules.length >= 30);
    for (const result of run.results) assert.equal(rules[result.ruleIndex].id, result.ruleId);
    const spaced = rules.find((rule) => rule.id === 'link/spaced-syntax')!;
    assert.match(spaced.helpUri, /^https:\/\/.+\/docs\/rules\/link\/spaced-syntax\.md$/);
    const result = run.results.find((x) => x.ruleId === 'link/spaced-syntax')!;
    assert.equal(result.level, 'warning');
    assert.deepEqual(result.locations[0].physicalLocation.region.startLine, 16);
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'curve/2024-03-14.md');
    assert.ok(result.fixes?.length, 'the fix travels with the result');
    const spacedName = run.results.find(
      (x) => x.ruleId === 'style/cjk-emphasis' && x.locations[0].physicalLocation.artifactLocation.uri.startsWith('group/'),
    )!;
    // A relative URI reference: the space and the Chinese characters percent-encoded.
    assert.equal(spacedName.locations[0].physicalLocation.artifactLocation.uri, `group/${encodeURIComponent('4.20 会议记录.md')}`);
  });

  it('notes a file it could not check in the invocation, and the log stays valid', () => {
    repo.write('binary.md', 'a\0b');
    const r = runCli(['--format', 'sarif', 'binary.md'], repo.root);
    assert.equal(r.code, 2, 'a file named on the command line that cannot be checked is a failure');
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.ok(sarifValidator()(log));
    assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
    assert.match(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /binary file/);
  });

  it('fails validation when a result is broken (the check can fail)', () => {
    const log = JSON.parse(runCli(['--format', 'sarif', '.'], repo.root).stdout) as SarifLog;
    log.runs[0].results[0].level = 'severe';
    assert.equal(sarifValidator()(log), false);
  });
});

describe('minutes-lint --format junit and --format gitlab', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = new TempRepo();
    repo.write('curve/2024-03-14.md', example('curve/2024-03-14.md'));
    repo.write('clean/4.20会议记录.md', example('group/4.20会议记录.md').replace('**结论：**先', '**结论**：先'));
  });
  afterEach(() => repo.dispose());

  it('writes one suite per file, a failed case per problem and a passing case for a clean file', () => {
    const xml = runCli(['--format', 'junit', '.'], repo.root).stdout;
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="minutes-lint" tests="9" failures="8" errors="0">/);
    assert.match(
      xml,
      /<testsuite name="clean\/4.20会议记录.md" tests="1" failures="0" errors="0">\n {4}<testcase classname="clean\/4.20会议记录.md" name="minutes-lint" file="clean\/4.20会议记录.md"\/>/,
    );
    assert.match(
      xml,
      /<testcase classname="curve\/2024-03-14.md" name="16:3 link\/spaced-syntax" file="curve\/2024-03-14.md" line="16">\n {6}<failure type="warning" message="Not a link: the space between &quot;\[快照清理修复\]&quot;/,
    );
    assert.equal((xml.match(/<testcase /g) ?? []).length, 9);
    assert.equal((xml.match(/<\/testcase>/g) ?? []).length + (xml.match(/<testcase [^>]*\/>/g) ?? []).length, 9);
  });

  it('escapes markup, and writes what XML cannot hold as visible escapes', () => {
    assert.equal(escapeXml(`<a href="x">&'\u200b\uFFFE\uD800`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;\u200b\\ufffe\\ud800');
  });

  it('every CI format shows the control characters a document put in a message as the text format does', () => {
    // A message quoting a bell, an escape sequence, a bare CR (a forged log line) and a bidi override.
    const message = 'control \u0007 in "<b>\u001b[31m\r::error::forged \u202Eevil"';
    const shown = 'control \\u0007 in "<b>\\u001b[31m\\r::error::forged \\u202eevil"';
    const text = 'Line\u0007 <b>';
    const diagnostic: Diagnostic = {
      rule: 'encoding/invisible',
      severity: 'warning',
      message,
      span: { start: 4, end: 5 },
      fixes: [{ title: `Remove \u0007 from "\u202Ex"`, safe: true, edits: [{ start: 4, end: 5, newText: '' }] }],
    };
    const reports: FileReport[] = [
      { path: '/w/x.md', lines: new LineIndex(text), diagnostics: [diagnostic] },
      { path: '/w/y.md', diagnostics: [], error: 'binary file \u001b[2J' },
    ];
    const context = { lang: 'en' as const, color: false, version: 'test', cwd: '/w' };
    // eslint-disable-next-line no-control-regex -- these control characters are what it looks for
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

    const xml = toJunit(reports, context);
    assert.ok(!raw.test(xml), 'JUnit holds no raw control or bidi character');
    assert.ok(xml.includes(`message="${escapeXml(shown)}"`));
    assert.ok(xml.includes('message="binary file \\u001b[2J"'));

    const sarifText = toSarif(reports, context);
    assert.ok(!raw.test(sarifText), 'SARIF holds no raw control or bidi character');
    const sarif = JSON.parse(sarifText) as {
      runs: Array<{
        results: Array<{ message: { text: string }; fixes: Array<{ description: { text: string } }> }>;
        invocations: Array<{ toolExecutionNotifications: Array<{ message: { text: string } }> }>;
      }>;
    };
    assert.equal(sarif.runs[0].results[0].message.text, shown);
    assert.equal(sarif.runs[0].results[0].fixes[0].description.text, 'Remove \\u0007 from "\\u202ex"');
    assert.equal(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text, 'binary file \\u001b[2J');

    const gitlab = JSON.parse(toCodeQuality(reports, context)) as Array<{ description: string }>;
    assert.deepEqual(gitlab.map((i) => i.description).sort(), ['binary file \\u001b[2J', shown].sort());

    const summary = toSummary(reports, context);
    assert.ok(!raw.test(summary), 'the summary holds no raw control or bidi character');
    assert.ok(summary.includes(cell(shown)));
  });

  it('writes a GitLab Code Quality report whose fingerprints survive lines moving', () => {
    const before = JSON.parse(runCli(['--format', 'gitlab', 'curve'], repo.root).stdout) as Array<{
      check_name: string;
      severity: string;
      fingerprint: string;
      location: { path: string; lines: { begin: number } };
    }>;
    assert.equal(before.length, 8);
    const spaced = before.find((i) => i.check_name === 'link/spaced-syntax')!;
    assert.deepEqual(
      { path: spaced.location.path, begin: spaced.location.lines.begin, severity: spaced.severity },
      { path: 'curve/2024-03-14.md', begin: 16, severity: 'minor' },
    );
    assert.equal(new Set(before.map((i) => i.fingerprint)).size, before.length, 'fingerprints are unique');
    repo.write('curve/2024-03-14.md', `\n\n${example('curve/2024-03-14.md')}`);
    const after = JSON.parse(runCli(['--format', 'gitlab', 'curve'], repo.root).stdout) as typeof before;
    const moved = after.find((i) => i.check_name === 'link/spaced-syntax')!;
    assert.equal(moved.location.lines.begin, 18);
    assert.equal(moved.fingerprint, spaced.fingerprint);
  });
});

describe('minutes-lint --summary', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = new TempRepo();
    repo.write('curve/2024-03-14.md', example('curve/2024-03-14.md'));
  });
  afterEach(() => repo.dispose());

  it('appends a Markdown table of files and one of findings per file, each rule linked to its page', () => {
    repo.write('summary.md', '# earlier step\n');
    const r = runCli(['--summary', 'summary.md', 'curve'], repo.root, {
      env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'org/minutes', GITHUB_SHA: 'a'.repeat(40) },
    });
    assert.equal(r.code, 0);
    const summary = readFileSync(join(repo.root, 'summary.md'), 'utf8');
    assert.ok(summary.startsWith('# earlier step\n## minutes-lint'), 'appended, not overwritten');
    assert.match(summary, /\*\*files checked: 1 · errors: 0 · warnings: 8 · info: 0\*\*/);
    assert.match(summary, /\| curve\/2024-03-14\.md \| `curve-biweekly` \| 0 \| 8 \| 0 \|/);
    assert.match(
      summary,
      /\| \[16:3\]\(https:\/\/github\.com\/org\/minutes\/blob\/a{40}\/curve\/2024-03-14\.md#L16\) \| ⚠️ warning \| \[`link\/spaced-syntax`\]\(https:\/\/[^)]+\/docs\/rules\/link\/spaced-syntax\.md\) \| Not a link/,
    );
  });

  it('keeps quoted minutes text from breaking the table or becoming markup', () => {
    assert.equal(cell('a | b\n**c** <img src=x> [d](e)'), 'a \\| b \\*\\*c\\*\\* \\<img src=x\\> \\[d\\](e)');
    const report: FileReport = { path: '/w/x.md', lines: new LineIndex('x'), diagnostics: [] };
    assert.match(toSummary([report], { lang: 'zh', cwd: '/w' }), /检查文件：1 · 错误：0/);
    assert.equal(githubLineUrl({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'a/b', GITHUB_SHA: 'not-a-sha' }), undefined);
  });
});
