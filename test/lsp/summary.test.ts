import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LINT_WORKSPACE_METHOD,
  RULES_METHOD,
  SUMMARY_METHOD,
  type LintWorkspaceResult,
  type RuleInfo,
  type SummaryResult,
} from '../../server/src/protocol';
import { ROOT } from '../helpers';
import { TestClient } from './client';
import { README } from './texts';
import { TempWorkspace } from './workspace';

// The requests the VS Code client's preview pane and commands send, over a real server process.

const CURVE = readFileSync(join(ROOT, 'test', 'fixtures', 'summary', '2024-03-14.md'), 'utf8');
const GENERIC = readFileSync(join(ROOT, 'test', 'fixtures', 'summary', 'generic-2024-05-02.md'), 'utf8');
const TC = readFileSync(join(ROOT, 'test', 'fixtures', 'summary', '20240306_minutes.txt'), 'utf8');

describe('language server: minutes/summary, minutes/lintWorkspace, minutes/rules', () => {
  let workspace: TempWorkspace;
  let client: TestClient;

  before(async () => {
    workspace = new TempWorkspace({
      'curve/2024/2024-03-14.md': CURVE,
      'tc/Meeting_Minutes/2024/20240306_minutes.txt': TC,
      'README.md': README,
      'infra/.minutesrc.json': JSON.stringify({ template: 'generic', contributors: { handles: ['ada-example Ada Lovelace'] } }),
      'infra/2024-05-02.md': GENERIC,
    });
    client = await TestClient.start({ root: workspace.root, initializationOptions: { language: 'en' } });
  });

  after(async () => {
    await client?.stop();
    workspace?.dispose();
  });

  const summary = (uri: string) => client.connection.sendRequest<SummaryResult | null>(SUMMARY_METHOD, { uri });

  it('summarizes an open document: date, time, decisions, action items, PRs and problems', async () => {
    const uri = workspace.uri('curve/2024/2024-03-14.md');
    client.open(uri, CURVE);
    const result = await summary(uri);
    assert.ok(result?.summary, JSON.stringify(result));
    assert.equal(result.version, 1);
    assert.equal(result.linted, true);
    const s = result.summary;
    assert.equal(s.template?.id, 'curve-biweekly');
    assert.equal(s.date?.iso, '2024-03-14');
    assert.equal(s.time?.text, '19:00~19:30');
    assert.deepEqual(
      s.decisions.map((d) => d.text),
      ['预读功能在下个版本默认开启'],
    );
    assert.deepEqual(
      s.actionItems.map((a) => [a.owners[0], a.due, a.done]),
      [
        ['dev-alpha', '2024-03-28', false],
        ['dev-beta', undefined, true],
      ],
    );
    assert.deepEqual(
      s.links.map((l) => l.id),
      ['3001', '3005', '2990', '3010'],
    );
    // The same problems the editor shows as squiggles.
    const published = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(
      s.problems.map((p) => [p.rule, p.line]),
      published.map((d) => [d.code, d.range.start.line]),
    );
    assert.ok(s.problems.some((p) => p.rule === 'link/duplicate-target'));
  });

  it('follows the text as it is edited', async () => {
    const uri = workspace.uri('curve/2024/2024-03-14.md');
    const line = CURVE.split('\n').indexOf('暂无');
    client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 2 } }, text: '- **结论**：下次会议改到周五' }]);
    const result = await summary(uri);
    assert.equal(result?.version, 2);
    assert.deepEqual(
      result?.summary?.decisions.map((d) => d.text),
      ['预读功能在下个版本默认开启', '下次会议改到周五'],
    );
  });

  it('names attendees as the team roster does', async () => {
    const uri = workspace.uri('infra/2024-05-02.md');
    client.open(uri, GENERIC);
    const result = await summary(uri);
    assert.deepEqual(
      result?.summary?.attendees.map((a) => [a.handle, a.rosterName]),
      [
        ['ada-example', 'Ada Lovelace'],
        ['bo-sample', undefined],
        ['cy-person', undefined],
      ],
    );
  });

  it('says why a document that is not minutes has no summary, and answers null for a closed one', async () => {
    const uri = workspace.uri('README.md');
    client.open(uri, README);
    const result = await summary(uri);
    assert.equal(result?.linted, false);
    assert.equal(result?.summary, undefined);
    assert.match(result?.reason ?? '', /not recognised as minutes/);
    assert.equal(await summary(workspace.uri('never/opened.md')), null);
  });

  it('checks closed files on request and publishes their diagnostics; files that are not minutes are skipped', async () => {
    const tc = workspace.uri('tc/Meeting_Minutes/2024/20240306_minutes.txt');
    const readme = workspace.uri('README.md');
    const missing = workspace.uri('gone/2024-01-01.md');
    const result = await client.connection.sendRequest<LintWorkspaceResult>(LINT_WORKSPACE_METHOD, { uris: [tc, readme, missing] });
    const tcFile = result.files.find((f) => f.uri === tc);
    assert.ok(tcFile, JSON.stringify(result));
    assert.equal(tcFile.linted, true);
    assert.equal(tcFile.template, 'openeuler-tc');
    assert.ok(tcFile.warnings >= 2, JSON.stringify(tcFile));
    assert.equal(result.files.find((f) => f.uri === readme)?.linted, false);
    assert.equal(
      result.files.some((f) => f.uri === missing),
      false,
      'a file that does not exist is left out',
    );
    const published = await client.waitForDiagnostics(tc, (p) => p.diagnostics.length > 0);
    const codes = published.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('attendee/duplicate'), JSON.stringify(codes));
    assert.ok(codes.includes('template/topic-conclusion'), JSON.stringify(codes));
    assert.equal(published.diagnostics.filter((d) => d.severity === 2).length, tcFile.warnings);
  });

  it('lists the rule catalog with docs links, in the user language', async () => {
    const rules = await client.connection.sendRequest<RuleInfo[]>(RULES_METHOD);
    const missing = rules.find((r) => r.id === 'template/missing-section');
    assert.ok(missing);
    assert.match(missing.docsUrl, /docs\/rules\/template\/missing-section\.md$/);
    assert.equal(missing.fixable, true);
    assert.match(missing.description, /section/i);
    assert.ok(rules.length >= 20);
  });
});
