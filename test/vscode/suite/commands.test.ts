import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import {
  describeAll,
  dismissedWithin,
  docsUrl,
  eventually,
  fixture,
  linkServerLog,
  linkServerUrl,
  open,
  revertAndClose,
  sleep,
  waitForCodes,
  within,
} from './helpers';

const previewTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('communityMinutes.preview'));

const CURVE = 'curve/2023/2023-05-18.md';
const CURVE_CODES = ['template/missing-section', 'privacy/meeting-secret', 'link/duplicate-target', 'encoding/invisible'];

/**
 * Lets vscode.env.openExternal open github.com pages without the workbench's "open external
 * website?" dialog, which no API can answer: the list of trusted domains is a file the
 * workbench serves (what "Manage Trusted Domains" edits), so the test writes it.
 */
async function trustGitHub(): Promise<void> {
  await vscode.workspace.fs.writeFile(
    vscode.Uri.parse('trustedDomains:/Trusted Domains'),
    new TextEncoder().encode('["https://github.com"]'),
  );
}

/** Waits until the browser has been asked to open `url` (the web runner reports it to the local API). */
async function waitForOpened(url: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { opened } = await linkServerLog();
    if (opened.includes(url)) return;
    if (Date.now() > deadline) assert.fail(`the browser was not asked to open ${url}; it opened ${JSON.stringify(opened)}`);
    await sleep(200);
  }
}

/** The runner watches the browser's new tabs (code-server + Chromium; not a desktop VS Code). */
async function observesBrowser(): Promise<boolean> {
  return linkServerUrl() !== undefined && (await linkServerLog()).observesBrowser;
}

describe('commands', () => {
  afterEach(async () => {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.isDirty) await revertAndClose(editor);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('communityMinutes.restartServer: a new server takes over and lints the next edit', async () => {
    const editor = await open(CURVE);
    const uri = editor.document.uri;
    await waitForCodes(uri, CURVE_CODES);
    await within(vscode.commands.executeCommand('communityMinutes.restartServer'), 30_000, 'restartServer');
    // A second zero-width space typed after the restart: only a running server can report it.
    await editor.edit((b) => b.insert(new vscode.Position(22, 0), '\u200b'));
    const after = await waitForCodes(uri, [...CURVE_CODES, 'encoding/invisible']);
    assert.ok(describeAll(after).includes('encoding/invisible@22:0-22:1'), JSON.stringify(describeAll(after)));
  });

  it('communityMinutes.showTemplate: tells which template applies, and the message can be dismissed', async () => {
    const editor = await open(CURVE);
    await waitForCodes(editor.document.uri, CURVE_CODES);
    const shown = vscode.commands.executeCommand('communityMinutes.showTemplate');
    // The command resolves when its notification closes (it may carry an "Open .minutesrc.json" button).
    await dismissedWithin(shown, 10_000, 'showTemplate');
  });

  it('communityMinutes.openPreview opens one preview pane beside the editor, and reveals it when asked again', async function () {
    const editor = await open(CURVE);
    await waitForCodes(editor.document.uri, CURVE_CODES);
    await vscode.commands.executeCommand('communityMinutes.openPreview');
    const [preview] = await eventually(
      () => previewTabs(),
      (tabs) => tabs.length === 1,
      'a preview tab',
    );
    assert.notEqual(preview.group.viewColumn, vscode.ViewColumn.One, 'beside the editor');
    assert.match(preview.label, /2023-05-18/);
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('communityMinutes.openPreview', editor.document.uri);
    await sleep(300);
    assert.equal(previewTabs().length, 1, 'the same document keeps one preview');
  });

  it("communityMinutes.newMinutes creates today's Curve minutes from the template, named as the template asks, and they lint clean", async function () {
    const folder = fixture('new-minutes');
    await vscode.workspace.fs.createDirectory(folder);
    // The folder comes as the argument (as from the explorer's context menu); the template
    // list (Curve first) and the proposed file name are accepted as a person pressing Enter would.
    const created = vscode.commands.executeCommand('communityMinutes.newMinutes', folder);
    await sleep(800);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await sleep(800);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await within(created, 15_000, 'newMinutes');
    const today = new Date();
    const name = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}.md`;
    const uri = vscode.Uri.joinPath(folder, name);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.ok((await vscode.workspace.fs.stat(uri)).size > 0, 'saved with its skeleton');
    assert.match(editor.document.getText(), /^## 时间\n/);
    // Linted, and clean: the only problem is the one typed in now.
    await vscode.commands.executeCommand('leaveSnippet');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\u200b'));
    const [typed] = await waitForCodes(uri, ['encoding/invisible']);
    assert.equal(typed.range.start.line, end.line);
  });

  it("communityMinutes.changeTemplate: the picked template is written into the folder's .minutesrc.json (comments kept) and the minutes are checked against it", async function () {
    const editor = await open('template-choice/2024-02-07.md');
    const uri = editor.document.uri;
    const config = fixture('template-choice/.minutesrc.json');
    await waitForCodes(uri, []);
    // A quick pick of the built-in templates, Curve first; Enter takes it, as a person would.
    const changing = vscode.commands.executeCommand('communityMinutes.changeTemplate');
    await sleep(800);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await within(changing, 15_000, 'changeTemplate');
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
    assert.match(written, /"template": "curve-biweekly"/, 'saved to disk');
    assert.match(written, /\/\/ The team picked its template by hand/, 'the comment stays');
    // The server watches config files: the open minutes are now held to the Curve template.
    const after = await waitForCodes(uri, ['template/missing-section', 'template/missing-section', 'template/missing-section']);
    assert.deepEqual(
      after.map((d) => d.message).sort(),
      ['加入会议', '会议内容', '时间'].map((s) => `Missing section "${s}" required by template curve-biweekly.`).sort(),
    );
  });

  it('communityMinutes.openRuleDocs opens the docs page of the problem under the cursor, or of the rule it is given', async function () {
    if (!(await observesBrowser())) this.skip(); // no browser to observe on this machine
    await trustGitHub();
    const editor = await open(CURVE);
    await waitForCodes(editor.document.uri, CURVE_CODES);
    // On the zero-width space of line 16: one problem there, encoding/invisible.
    editor.selection = new vscode.Selection(15, 5, 15, 5);
    await within(vscode.commands.executeCommand('communityMinutes.openRuleDocs'), 10_000, 'openRuleDocs');
    await waitForOpened(docsUrl('encoding/invisible'));
    // From a code action or the preview the rule comes as the argument, wherever the cursor is.
    await within(vscode.commands.executeCommand('communityMinutes.openRuleDocs', 'privacy/meeting-secret'), 10_000, 'openRuleDocs');
    await waitForOpened(docsUrl('privacy/meeting-secret'));
  });

  it('communityMinutes.lintWorkspace publishes the problems of minutes that are not open', async function () {
    const lctt = fixture('lctt/published/20230301.1 ⭐️ A Short Guide to Tmux.md');
    const tc = fixture('openeuler-tc/2023/20230412_minutes.txt');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === lctt.toString()), 'not open');
    const running = vscode.commands.executeCommand('communityMinutes.lintWorkspace');
    await waitForCodes(lctt, ['template/missing-field', 'link/undefined-reference', 'template/placeholder']);
    await waitForCodes(tc, ['template/deprecated-label', 'template/field-format', 'privacy/meeting-secret', 'attendee/duplicate']);
    // It ends with a summary notification ("… files checked"); the command resolves when it closes.
    await dismissedWithin(running, 30_000, 'lintWorkspace');
  });
});
