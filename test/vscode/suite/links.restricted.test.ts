/**
 * Restricted Mode (the runners' second VS Code start: workspace trust on, the folder never
 * trusted; index.ts runs only *.restricted.test files there). The repository asks for online
 * checks (`links.online` and `links.api` in online/.minutesrc.json) and so does the user setting
 * `communityMinutes.links.online`; an untrusted workspace must still make no request, while
 * every offline check works as before.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import {
  codeOf,
  dismissedWithin,
  describeAll,
  fixture,
  hoverText,
  linkServerLog,
  linkServerUrl,
  ONLINE,
  open,
  positionOf,
  sleep,
  waitForCodes,
  waitForDiagnostics,
} from './helpers';

/** Longer than a lint waits for online answers (1.5 s): a look-up, had one started, would have arrived. */
const QUIET_MS = 2500;

describe('Restricted Mode: no network request, offline checks as usual', () => {
  before(function () {
    if (!linkServerUrl()) this.skip();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("the workspace is not trusted, and online checks are asked for by the setting and the folder's config", async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the runner must start VS Code in Restricted Mode');
    assert.equal(vscode.workspace.getConfiguration('communityMinutes').get('links.online'), true);
    const config = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture('online/.minutesrc.json')));
    assert.match(config, /"online": true/);
    assert.ok(config.includes(`"github.com": "${linkServerUrl()}"`), 'links.api points at the local API');
  });

  it('minutes with online checks on get their offline diagnostics and no link/not-found or kind-mismatch; the local API hears nothing', async () => {
    const editor = await open(ONLINE);
    const uri = editor.document.uri;
    // The first diagnostics (whatever they hold: an online one must fail the test, not time it out).
    const first = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'link/duplicate-target'), {
      timeoutMs: 45_000,
      what: 'the offline diagnostics',
    });
    assert.deepEqual(describeAll(first), ['link/duplicate-target@23:2-23:59']);
    // Hovers and document links are made too: the hover would ask the forge if online checks were on.
    const hover = await hoverText(uri, positionOf(editor.document, 'pull/3102', 2));
    assert.match(hover, /\*\*opencurve\/curve\\#3102\*\* · pull request/);
    assert.match(hover, /Not checked online/);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    assert.ok(
      links.some((l) => l.target?.toString(true) === 'https://github.com/opencurve/curve/issues/3101'),
      'the #3101 document link is offline work',
    );
    await sleep(QUIET_MS);
    const codes = vscode.languages.getDiagnostics(uri).map(codeOf);
    assert.deepEqual(codes, ['link/duplicate-target'], 'no online diagnostic (not-found, kind-mismatch, "could not be verified")');
    assert.deepEqual((await linkServerLog()).requests, [], 'requests reached the local API from an untrusted workspace');
  });

  it('the other minutes are checked as in a trusted workspace', async () => {
    const editor = await open('curve/2023/2023-05-18.md');
    await waitForCodes(editor.document.uri, [
      'template/missing-section',
      'privacy/meeting-secret',
      'link/duplicate-target',
      'encoding/invisible',
    ]);
  });

  it('Lint Workspace checks every file, the online folder included, and still sends nothing', async () => {
    const running = vscode.commands.executeCommand('communityMinutes.lintWorkspace');
    await waitForDiagnostics(fixture(ONLINE), (ds) => ds.some((d) => codeOf(d) === 'link/duplicate-target'));
    await waitForCodes(fixture('openeuler-tc/2023/20230412_minutes.txt'), [
      'template/deprecated-label',
      'template/field-format',
      'privacy/meeting-secret',
      'attendee/duplicate',
    ]);
    await sleep(QUIET_MS);
    await dismissedWithin(running, 30_000, 'lintWorkspace');
    assert.deepEqual(vscode.languages.getDiagnostics(fixture(ONLINE)).map(codeOf), ['link/duplicate-target']);
    assert.deepEqual((await linkServerLog()).requests, []);
  });
});
