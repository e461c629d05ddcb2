import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ruleDocsUrl } from '../../server/src/core';
import { TestClient } from './client';
import { CURVE_WITHOUT_TIME, CURVE_WITHOUT_TIME_AND_COMMUNITY, README } from './texts';
import { TempWorkspace } from './workspace';

const MISSING = 'template/missing-section';
const missing = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === MISSING);

describe('language server over stdio: diagnostics and code actions', () => {
  let workspace: TempWorkspace;
  let client: TestClient;

  before(async () => {
    workspace = new TempWorkspace();
    client = await TestClient.start({ root: workspace.root, initializationOptions: { language: 'en' } });
  });

  after(async () => {
    await client?.stop();
    workspace?.dispose();
  });

  it('announces incremental sync, quick fixes, fix-all and symbols', () => {
    const caps = client.initializeResult.capabilities;
    const sync = caps.textDocumentSync as { change: number; openClose: boolean; save: unknown };
    assert.equal(sync.change, 2, 'incremental');
    assert.equal(sync.openClose, true);
    assert.ok(sync.save, 'save notifications');
    const kinds = (caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.deepEqual(kinds, ['quickfix', 'source.fixAll.minutes']);
    assert.ok(caps.documentSymbolProvider);
  });

  it('publishes missing-section for a Curve minutes without "## 时间", with rule code, docs link and range', async () => {
    const uri = workspace.uri('curve/2023/2023-05-18.md');
    client.open(uri, CURVE_WITHOUT_TIME);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const found = missing(diagnostics);
    assert.equal(found.length, 1, JSON.stringify(diagnostics));
    const d = found[0];
    assert.match(d.message, /Missing section "时间"/);
    assert.equal(d.source, 'minutes');
    assert.equal(d.severity, 2);
    assert.equal(d.codeDescription?.href, ruleDocsUrl(MISSING));
    // Reported on the heading that follows the gap: `## 加入会议`, 7 UTF-16 units long.
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } });
    const info = await client.waitForTemplateInfo(uri);
    assert.equal(info.template, 'curve-biweekly');
    assert.equal(info.linted, true);
    assert.match(info.reason, /recognised/);
  });

  it('offers the preferred fix; applying it and sending didChange removes the diagnostic', async () => {
    const uri = workspace.uri('curve/2023/2023-05-18.md');
    const d = missing(await client.diagnosticsFor(uri, 1))[0];
    const actions = await client.codeActions(uri, [d]);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(preferred[0].kind, 'quickfix');
    assert.match(preferred[0].title, /Insert section "时间"/);
    assert.deepEqual(
      preferred[0].diagnostics?.map((x) => x.code),
      [MISSING],
    );
    const edit = preferred[0].edit!;
    // Versioned edits: the editor refuses them if the document moved on.
    assert.equal((edit.documentChanges?.[0] as { textDocument: { version: number } }).textDocument.version, 1);

    const fixed = client.applyEdit(uri, edit);
    assert.match(fixed.getText(), /^## 时间\n\n.+\n\n## 加入会议\n/);
    const after = await client.diagnosticsFor(uri, fixed.version);
    assert.deepEqual(missing(after), [], JSON.stringify(after));
  });

  it('drops quick fixes whose data belongs to an older version', async () => {
    const uri = workspace.uri('curve/2023/2023-05-18.md');
    const stale: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } },
      message: 'old',
      source: 'minutes',
      code: MISSING,
      data: {
        rule: MISSING,
        version: 1,
        fixes: [
          { title: 'stale fix', edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'x' }] },
        ],
      },
    };
    const actions = await client.codeActions(uri, [stale]);
    assert.ok(!actions.some((a) => a.title === 'stale fix'));
  });

  it('fixes every missing section at once: a per-rule quick fix and source.fixAll.minutes', async () => {
    const uri = workspace.uri('curve/2023/2023-06-01.md');
    client.open(uri, CURVE_WITHOUT_TIME_AND_COMMUNITY);
    const found = missing(await client.diagnosticsFor(uri, 1));
    assert.equal(found.length, 2, JSON.stringify(found));

    const quick = await client.codeActions(uri, [found[0]]);
    const fixAllRule = quick.find((a) => a.title === `Fix all ${MISSING} problems in this file`);
    assert.ok(fixAllRule, JSON.stringify(quick.map((a) => a.title)));
    assert.equal(fixAllRule.kind, 'quickfix');

    const source = await client.codeActions(uri, [], ['source.fixAll']);
    assert.equal(source.length, 1, JSON.stringify(source.map((a) => a.title)));
    assert.equal(source[0].kind, 'source.fixAll.minutes');
    assert.ok(!source.some((a) => a.kind === 'quickfix'), 'only source actions when only=source.fixAll');

    const fixed = client.applyEdit(uri, source[0].edit!);
    const text = fixed.getText();
    assert.match(text, /^## 时间\n/);
    assert.ok(
      text.indexOf('### 开源社区') > text.indexOf('### 一、近期工作') && text.indexOf('### 开源社区') < text.indexOf('### 二、答疑'),
      text,
    );
    assert.deepEqual(missing(await client.diagnosticsFor(uri, fixed.version)), []);
  });

  it('does not lint Markdown that is not minutes, and says why', async () => {
    const uri = workspace.uri('README.md');
    client.open(uri, README);
    assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
    const info = await client.waitForTemplateInfo(uri);
    assert.equal(info.template, null);
    assert.equal(info.linted, false);
    assert.match(info.reason, /not recognised as minutes/);
    assert.deepEqual(await client.symbols(uri), []);
  });

  it('skips a document over 2 MB with one information diagnostic, and text with NUL bytes', async () => {
    const big = workspace.uri('curve/2023/big.md');
    client.open(big, `## 会议内容\n\n${'这是很长的一行会议记录。'.repeat(80_000)}\n`);
    const diagnostics = await client.diagnosticsFor(big, 1);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, 3);
    assert.match(diagnostics[0].message, /too large/);

    const binary = workspace.uri('curve/2023/binary.md');
    client.open(binary, `## 会议内容\n\0\0\0binary`);
    assert.deepEqual(await client.diagnosticsFor(binary, 1), []);
    // Still serving.
    assert.ok(Array.isArray(await client.symbols(workspace.uri('curve/2023/2023-05-18.md'))));
  });

  it('debounces typing: a burst of edits is linted once, for the last version', async () => {
    const uri = workspace.uri('curve/2023/2023-07-13.md');
    client.open(uri, CURVE_WITHOUT_TIME);
    await client.diagnosticsFor(uri, 1);
    let document = client.document(uri);
    for (let i = 0; i < 5; i++) {
      document = client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'x' }]);
    }
    assert.equal(document.version, 6);
    await client.diagnosticsFor(uri, 6);
    await new Promise((r) => setTimeout(r, 300));
    const versions = client.diagnostics.get(uri)!.map((p) => p.version);
    assert.deepEqual(versions, [1, 6]);
  });

  it('clears diagnostics when a document is closed', async () => {
    const uri = workspace.uri('curve/2023/2023-07-13.md');
    client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === undefined);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('shuts down cleanly on shutdown + exit', async () => {
    const other = await TestClient.start({ root: workspace.root });
    assert.equal(await other.stop(), 0);
  });
});

describe('language server over stdio: settings', () => {
  let workspace: TempWorkspace;

  beforeEach(() => (workspace = new TempWorkspace()));
  afterEach(() => workspace.dispose());

  it('with run: onSave, lints on open and save but not while typing', async () => {
    const client = await TestClient.start({ root: workspace.root, initializationOptions: { run: 'onSave' } });
    try {
      const uri = workspace.uri('curve/2023/2023-05-18.md');
      client.open(uri, CURVE_WITHOUT_TIME);
      await client.diagnosticsFor(uri, 1);
      const edited = client.change(uri, [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '## 时间\n\n2023/05/18 19:00~19:30\n\n' },
      ]);
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(
        client.diagnostics.get(uri)!.map((p) => p.version),
        [1],
        'no lint while typing',
      );
      client.save(uri);
      assert.deepEqual(missing(await client.diagnosticsFor(uri, edited.version)), []);
    } finally {
      await client.stop();
    }
  });

  it('enable: false clears diagnostics; turning it back on via didChangeConfiguration lints again', async () => {
    const client = await TestClient.start({ root: workspace.root });
    try {
      const uri = workspace.uri('curve/2023/2023-05-18.md');
      client.open(uri, CURVE_WITHOUT_TIME);
      assert.equal(missing(await client.diagnosticsFor(uri, 1)).length, 1);
      client.notify('workspace/didChangeConfiguration', { settings: { communityMinutes: { enable: false } } });
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 'cleared diagnostics');
      client.notify('workspace/didChangeConfiguration', { settings: { communityMinutes: { enable: true } } });
      await client.waitForDiagnostics(uri, (p) => missing(p.diagnostics).length === 1, 'diagnostics again');
    } finally {
      await client.stop();
    }
  });
});
