/**
 * Links beyond diagnostics, in a trusted workspace: online checks answered by the runner's local
 * stand-in for GitHub's API, the hover on a PR link, and document links for `#N`. The `online/`
 * folder's `.minutesrc.json` wishes for online checks against that API; the runner confirms the
 * API in the user settings (`communityMinutes.links.api`), and these tests turn the user setting
 * `communityMinutes.links.online` on as a user would: the folder's wish alone asks nothing.
 * links.restricted.test.ts is the same fixture in Restricted Mode.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import {
  applyAction,
  codeActionsWhen,
  describeAll,
  hoverText,
  linkServerLog,
  linkServerUrl,
  ONLINE,
  open,
  positionOf,
  revertAndClose,
  waitForCodes,
  withCode,
} from './helpers';

const ONLINE_CODES = ['link/not-found', 'link/kind-mismatch', 'link/duplicate-target'];

describe('links: online checks, hover, document links', function () {
  afterEach(async () => {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.isDirty) await revertAndClose(editor);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('hovering a PR link with online checks off shows what the URL says, and that it was not checked', async () => {
    const editor = await open('curve/2023/2023-06-01.md');
    await waitForCodes(editor.document.uri, []);
    const text = await hoverText(editor.document.uri, positionOf(editor.document, 'pull/2452', 2));
    assert.match(text, /\*\*opencurve\/curve\\#2452\*\* · pull request/);
    assert.match(text, /Forge: GitHub \(github\.com\) · Repository: opencurve\/curve · pull request: 2452/);
    assert.match(text, /Not checked online/);
    assert.doesNotMatch(text, /merged|Author/);
  });

  it("the folder's links.online and the workspace's settings ask nothing: no request, no online diagnostic", async function () {
    if (!linkServerUrl()) this.skip();
    // `.vscode/settings.json` comes with the repository too: its network settings are ignored.
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const settingsFile = vscode.Uri.joinPath(folder, '.vscode', 'settings.json');
    const workspaceSettings = { 'communityMinutes.links.online': true, 'communityMinutes.links.api': { 'github.com': linkServerUrl() } };
    await vscode.workspace.fs.writeFile(settingsFile, new TextEncoder().encode(JSON.stringify(workspaceSettings)));
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000)); // VS Code reads the file again
      assert.equal(
        vscode.workspace.getConfiguration('communityMinutes').get('links.online'),
        false,
        'an application-scoped setting ignores the workspace',
      );
      const before = (await linkServerLog()).requests.length;
      const editor = await open(ONLINE);
      assert.deepEqual(describeAll(await waitForCodes(editor.document.uri, ['link/duplicate-target'])), [
        'link/duplicate-target@23:2-23:59',
      ]);
      await new Promise((resolve) => setTimeout(resolve, 2000)); // longer than a lint waits for answers
      assert.equal((await linkServerLog()).requests.length, before, 'the local API heard nothing');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, '.vscode'), { recursive: true });
    }
  });

  describe('with the user setting communityMinutes.links.online on', () => {
    const setOnline = (value: boolean | undefined) =>
      vscode.workspace.getConfiguration('communityMinutes').update('links.online', value, vscode.ConfigurationTarget.Global);
    before(() => setOnline(true));
    after(() => setOnline(undefined));

    it('the trusted workspace asks the forge (the local API): link/not-found for a 404, link/kind-mismatch for an issue linked as /pull/', async function () {
      if (!linkServerUrl()) this.skip();
      assert.equal(vscode.workspace.isTrusted, true, 'this run must be trusted');
      const editor = await open(ONLINE);
      const diagnostics = await waitForCodes(editor.document.uri, ONLINE_CODES);
      assert.deepEqual(describeAll(diagnostics), [
        'link/duplicate-target@23:2-23:59',
        'link/kind-mismatch@22:13-22:57',
        'link/not-found@18:12-18:56',
      ]);
      const [notFound] = withCode(diagnostics, 'link/not-found');
      assert.equal(notFound.severity, vscode.DiagnosticSeverity.Error);
      assert.match(notFound.message, /opencurve\/curve#3102/);
      const [mismatch] = withCode(diagnostics, 'link/kind-mismatch');
      assert.match(mismatch.message, /Snapshot export fails on empty volumes/, 'the title the local API gave');
      // The extension made the requests (the server asks it), one per item, and sent no token:
      // a GitHub session is only ever sent to api.github.com.
      const { requests } = await linkServerLog();
      const paths = new Set(requests.map((r) => r.path));
      for (const n of [3101, 3102, 3103])
        assert.ok(paths.has(`/repos/opencurve/curve/issues/${n}`), `no request for #${n}: ${JSON.stringify([...paths])}`);
      assert.deepEqual(
        requests.filter((r) => r.authorization),
        [],
        'no Authorization header to a links.api host',
      );
    });

    it('the link/kind-mismatch fix rewrites /pull/3103 to /issues/3103 and the problem goes', async function () {
      if (!linkServerUrl()) this.skip();
      const editor = await open(ONLINE);
      const uri = editor.document.uri;
      const [mismatch] = withCode(await waitForCodes(uri, ONLINE_CODES), 'link/kind-mismatch');
      const [fix] = (await codeActionsWhen(uri, mismatch.range, 'quickfix', (as) => as.some((a) => a.isPreferred))).filter(
        (a) => a.isPreferred,
      );
      assert.equal(fix.title, 'Link to the issue (/issues/3103)');
      await applyAction(fix);
      assert.match(editor.document.lineAt(22).text, /\(https:\/\/github\.com\/opencurve\/curve\/issues\/3103\)/);
      await waitForCodes(uri, ['link/not-found', 'link/duplicate-target']);
    });

    it('hovering a PR link shows what the forge said: title, state, author', async function () {
      if (!linkServerUrl()) this.skip();
      const editor = await open(ONLINE);
      await waitForCodes(editor.document.uri, ONLINE_CODES);
      const text = await hoverText(editor.document.uri, positionOf(editor.document, 'pull/3101', 2));
      assert.match(text, /\*\*opencurve\/curve\\#3101\*\* · pull request · merged/);
      assert.match(text, /Warm the metadata cache at mount/);
      assert.match(text, /Author: @cache-dev/);
      assert.match(text, /Checked online on \d{4}-\d\d-\d\d/);
    });

    it('"#3101" written as text is a document link to the issue page of the repository the minutes link to', async function () {
      if (!linkServerUrl()) this.skip();
      const editor = await open(ONLINE);
      const uri = editor.document.uri;
      await waitForCodes(uri, ONLINE_CODES);
      const start = positionOf(editor.document, '#3101');
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
      // The Markdown extension adds links of its own (the [text](url) ones); ours is the shorthand.
      const shorthand = links.filter((l) => l.range.start.isEqual(start));
      assert.equal(shorthand.length, 1, JSON.stringify(links.map((l) => [l.range.start, l.target?.toString()])));
      assert.ok(shorthand[0].range.end.isEqual(start.translate(0, '#3101'.length)));
      assert.equal(shorthand[0].target?.toString(true), 'https://github.com/opencurve/curve/issues/3101');
      // Once the online check has learnt the title, the tooltip carries it.
      assert.equal(shorthand[0].tooltip, 'opencurve/curve#3101: Warm the metadata cache at mount');
    });
  });
});
