import { strict as assert } from 'node:assert';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { TestClient } from './client';
import { CURVE_WITHOUT_TIME, PLAIN_NOTES, PLAIN_NOTES_CONFIG } from './texts';
import { TempWorkspace } from './workspace';

const MISSING = 'template/missing-section';
const missing = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === MISSING);
const NAMESPACE = 3;
const STRING = 15;

function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''} [${s.kind}]`,
    ...outline(s.children ?? [], depth + 1),
  ]);
}

describe('language server over stdio: document symbols', () => {
  let workspace: TempWorkspace;
  let client: TestClient;

  before(async () => {
    workspace = new TempWorkspace({ 'team/.minutesrc.json': PLAIN_NOTES_CONFIG });
    client = await TestClient.start({ root: workspace.root });
  });

  after(async () => {
    await client?.stop();
    workspace?.dispose();
  });

  it('outlines Markdown sections as a hierarchy, with ordinals as detail', async () => {
    const uri = workspace.uri('curve/2023/2023-05-18.md');
    client.open(uri, CURVE_WITHOUT_TIME);
    const symbols = await client.symbols(uri);
    assert.deepEqual(outline(symbols), [
      `加入会议 [${NAMESPACE}]`,
      `会议内容 [${NAMESPACE}]`,
      `  一、近期工作 (一、) [${NAMESPACE}]`,
      `    Curve文件存储 [${NAMESPACE}]`,
      `  二、开源社区 (二、) [${NAMESPACE}]`,
      `  三、答疑 & 交流 (三、) [${NAMESPACE}]`,
    ]);
    const content = symbols[1];
    assert.deepEqual(content.selectionRange, { start: { line: 7, character: 3 }, end: { line: 7, character: 7 } });
    assert.deepEqual(content.range.start, { line: 7, character: 0 });
    assert.equal(content.range.end.line, 20, 'the section spans its body, to the end of the text');
    const work = content.children![0];
    assert.deepEqual(work.range.end, { line: 15, character: 0 }, 'a subsection ends where its next sibling starts');
  });

  it('outlines plain-text label sections and the template fields of a team template', async () => {
    const uri = workspace.uri('team/notes/2024-03-05.txt');
    client.open(uri, PLAIN_NOTES, 'plaintext');
    const info = await client.waitForTemplateInfo(uri);
    assert.equal(info.template, 'team-notes');
    assert.equal(info.name, 'Team notes');
    const symbols = await client.symbols(uri);
    assert.deepEqual(outline(symbols), [`会议日期 (2024-03-05) [${STRING}]`, `议题 [${NAMESPACE}]`, `结论 [${NAMESPACE}]`]);
    // The missing `下次会议：` is found in plain text too, and its fix appends the label line.
    const [d] = missing(await client.diagnosticsFor(uri, 1));
    assert.match(d.message, /下次会议/);
    const [fix] = (await client.codeActions(uri, [d])).filter((a) => a.isPreferred);
    const fixed = client.applyEdit(uri, fix.edit!);
    assert.match(fixed.getText(), /\n下次会议：\n$/);
    assert.deepEqual(missing(await client.diagnosticsFor(uri, fixed.version)), []);
  });
});

describe('language server over stdio: message language', () => {
  let workspace: TempWorkspace;
  beforeEach(() => (workspace = new TempWorkspace()));
  afterEach(() => workspace.dispose());

  async function firstMessage(client: TestClient): Promise<string> {
    const uri = workspace.uri('curve/2023/2023-05-18.md');
    client.open(uri, CURVE_WITHOUT_TIME);
    return missing(await client.diagnosticsFor(uri, 1))[0].message;
  }

  it('speaks Chinese with language: zh', async () => {
    const client = await TestClient.start({ root: workspace.root, initializationOptions: { language: 'zh' } });
    try {
      assert.equal(await firstMessage(client), '缺少模板 curve-biweekly 要求的章节「时间」。');
      const uri = workspace.uri('curve/2023/2023-05-18.md');
      const d = missing(client.diagnostics.get(uri)!.at(-1)!.diagnostics);
      const actions = await client.codeActions(uri, d);
      assert.ok(
        actions.some((a) => a.title === '插入章节「时间」'),
        JSON.stringify(actions.map((a) => a.title)),
      );
    } finally {
      await client.stop();
    }
  });

  it('auto follows the client locale, and a settings change switches language', async () => {
    const client = await TestClient.start({ root: workspace.root, locale: 'zh-cn' });
    try {
      assert.match(await firstMessage(client), /^缺少模板/);
      client.notify('workspace/didChangeConfiguration', { settings: { communityMinutes: { language: 'en' } } });
      const uri = workspace.uri('curve/2023/2023-05-18.md');
      await client.waitForDiagnostics(uri, (p) => /^Missing section/.test(missing(p.diagnostics)[0]?.message ?? ''), 'English messages');
    } finally {
      await client.stop();
    }
  });

  it('reads settings pulled with workspace/configuration', async () => {
    const client = await TestClient.start({ root: workspace.root, locale: 'en', configuration: { language: 'zh' } });
    try {
      const uri = workspace.uri('curve/2023/2023-05-18.md');
      client.open(uri, CURVE_WITHOUT_TIME);
      await client.waitForDiagnostics(
        uri,
        (p) => /^缺少模板/.test(missing(p.diagnostics)[0]?.message ?? ''),
        'Chinese from pulled settings',
      );
    } finally {
      await client.stop();
    }
  });

  it('stays English for an English client by default', async () => {
    const client = await TestClient.start({ root: workspace.root, locale: 'en-us' });
    try {
      assert.match(await firstMessage(client), /^Missing section "时间"/);
    } finally {
      await client.stop();
    }
  });
});
