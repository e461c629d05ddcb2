import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { MinutesApi } from '../../../client/src/activate';
import { codeOf, extension, fixture, hoverText, open, positionOf, sleep, waitForCodes, waitForDiagnostics, within } from './helpers';

// A series of minutes in VS Code (fixtures series/tc: openEuler TC style, series/infra: English
// weekly minutes): the Action-items view, New minutes carrying the open items over, and the
// history of an item on hover.

type TreeNode = Parameters<MinutesApi['actionItems']['getTreeItem']>[0];

async function api(): Promise<MinutesApi> {
  return (await extension().activate()) as MinutesApi;
}

async function labelled(
  view: MinutesApi['actionItems'],
  nodes: readonly TreeNode[],
): Promise<Array<{ node: TreeNode; item: vscode.TreeItem }>> {
  return Promise.resolve(nodes.map((node) => ({ node, item: view.getTreeItem(node) })));
}

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

describe('series: action items', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the Action-items view lists the open items by owner, overdue first; a click opens the line that last mentions the item', async function () {
    const { actionItems } = await api();
    await vscode.commands.executeCommand('communityMinutes.actionItemsByOwner');
    await within(vscode.commands.executeCommand('communityMinutes.refreshActionItems'), 30_000, 'refresh');
    const groups = await labelled(actionItems, await actionItems.getChildren());
    const names = groups.map((g) => label(g.item));
    assert.equal(names[0], '@bo-sample', `overdue owner first: ${JSON.stringify(names)}`);
    const bo = await labelled(actionItems, await actionItems.getChildren(groups[0].node));
    assert.deepEqual(
      bo.map((e) => label(e.item)),
      ['book the summit room'],
    );
    assert.match(String(bo[0].item.description), /series\/infra|infra/);
    assert.equal((bo[0].item.iconPath as vscode.ThemeIcon).id, 'warning', 'overdue');

    const lina = groups.find((g) => label(g.item) === '李娜');
    assert.ok(lina, `李娜 owns an open item: ${JSON.stringify(names)}`);
    const [entry] = await labelled(actionItems, await actionItems.getChildren(lina.node));
    assert.equal(label(entry.item), '整理 SIG 维护者名单');
    const command = entry.item.command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), fixture('series/tc/20240221_minutes.md').toString());
    assert.equal(editor.selection.active.line, 6);

    // By due date: the overdue group first.
    await vscode.commands.executeCommand('communityMinutes.actionItemsByDueDate');
    const byDue = await labelled(actionItems, await actionItems.getChildren());
    assert.equal(label(byDue[0].item), 'Overdue');
    await vscode.commands.executeCommand('communityMinutes.actionItemsByOwner');
  });

  it('hovering an item shows its history across the meetings of the series', async () => {
    const editor = await open('series/tc/20240221_minutes.md');
    await waitForCodes(editor.document.uri, []);
    const text = await hoverText(editor.document.uri, positionOf(editor.document, '发布 24.03 版本计划', 2));
    assert.match(text, /24\.03 版本计划的发布\*\* — done since 2024-02-07/);
    assert.match(text, /20240306_minutes\.md#L7\) \| done/);
  });

  it('New minutes in a series folder proposes the next date of its cadence and carries the open items over, with owners and links', async function () {
    const folder = fixture('series/infra');
    const created = vscode.commands.executeCommand('communityMinutes.newMinutes', folder);
    await sleep(800);
    // The fifth template of the list is the generic one (Curve, openEuler TC, LCTT, OSH, generic).
    for (let i = 0; i < 4; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await sleep(800);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await within(created, 15_000, 'newMinutes');
    // Weekly from 2024-05-23: the first meeting day from today on.
    const next = new Date(Date.UTC(2024, 4, 30));
    const today = new Date();
    const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
    while (next.getTime() < todayUtc) next.setUTCDate(next.getUTCDate() + 7);
    const name = `${next.toISOString().slice(0, 10)}.md`;
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), vscode.Uri.joinPath(folder, name).toString());
    await vscode.commands.executeCommand('leaveSnippet');
    const text = editor.document.getText();
    assert.match(text, new RegExp(`^# .* Meeting ${name.slice(0, 10)}$`, 'm'), text);
    assert.match(text, /^- \[ \] @bo-sample book the summit room \(due 2024-05-30\) — from \[2024-05-16\]\(2024-05-16\.md#L11\)$/m);
    assert.match(text, /^- \[ \] @cy-person pin the mirror to a second upstream — from \[2024-05-23\]\(2024-05-23\.md#L10\)$/m);
    // Once checked: the fixture's last meeting is from 2024, so the months since are a pause,
    // not a missed meeting (series/missed-meeting's unit tests cover the gap), and nothing of the
    // last minutes is dropped.
    const diagnostics = await waitForDiagnostics(editor.document.uri, (ds) => ds.length > 0, { what: 'the first findings' });
    assert.deepEqual(
      diagnostics.filter((d) => codeOf(d).startsWith('series/')).map((d) => d.message),
      [],
    );
    await vscode.workspace.fs.delete(editor.document.uri);
  });
});
