/**
 * The Action-items view (Explorer): the open items of every series of minutes in the workspace,
 * by owner or by due date, overdue ones first, then those of each series' latest minutes. The
 * language server follows the items (`minutes/items`); a click opens the line that last mentions
 * the item. The view refreshes when minutes are saved and on its refresh button.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { escapeMarkdown, formatDate } from '../../../server/src/core';
import { ITEMS_METHOD, type ItemsParams, type ItemsResult, type SeriesItems } from '../../../server/src/protocol';
import { userLang } from '../messages';
import { meetingDateOf } from '../newMinutes/today';
import { groupItems, type GroupMode, type ItemEntry, type ItemGroup } from './groups';
import { sayItems } from './strings';

export const ACTION_ITEMS_VIEW = 'communityMinutes.actionItems';
/** Seen by the view's title buttons: which grouping the other button switches to. */
const GROUP_CONTEXT = 'communityMinutes.actionItemsGroup';
const EXCLUDE = '**/{node_modules,.git,.hg,.svn}/**';
const MAX_FILES = 5000;
/** Saves come in bursts (save all): one refresh after them. */
const REFRESH_DELAY_MS = 1000;

type Node = { group: ItemGroup } | { entry: ItemEntry; parent: ItemGroup } | { message: string };

export class ActionItemsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private mode: GroupMode = 'owner';
  private series: SeriesItems[] | undefined;
  private failure: string | undefined;
  private loading: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client: LanguageClient) {
    void vscode.commands.executeCommand('setContext', GROUP_CONTEXT, this.mode);
  }

  /** The series and their items as last read (for tests and the hover-free summary of the view). */
  get current(): readonly SeriesItems[] | undefined {
    return this.series;
  }

  setMode(mode: GroupMode): void {
    this.mode = mode;
    void vscode.commands.executeCommand('setContext', GROUP_CONTEXT, mode);
    this.changed.fire(undefined);
  }

  refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Reads the items again; resolves when the view has them. */
  refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    try {
      const found = await vscode.workspace.findFiles('**/*.{md,txt,MD,TXT,markdown}', EXCLUDE, MAX_FILES);
      const uris = found.filter((u) => u.scheme === 'file').map((u) => u.toString());
      const today = formatDate(meetingDateOf(new Date()));
      const result = await this.client.sendRequest<ItemsResult>(ITEMS_METHOD, { uris, today } satisfies ItemsParams);
      this.series = result.series;
      this.failure = undefined;
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    }
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] | Promise<Node[]> {
    if (!node) {
      if (!this.series && !this.failure) return this.refresh().then(() => this.getChildren());
      const lang = userLang();
      if (this.failure) return [{ message: sayItems('failed', lang, { message: this.failure }) }];
      const groups = groupItems(this.series ?? [], this.mode, lang);
      return groups.length ? groups.map((group) => ({ group })) : [{ message: sayItems('noItems', lang) }];
    }
    return 'group' in node ? node.group.entries.map((entry) => ({ entry, parent: node.group })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const lang = userLang();
    if ('message' in node) return new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
    if ('group' in node) {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${this.mode}:${node.group.id}`;
      item.description = String(node.group.entries.length);
      item.iconPath = new vscode.ThemeIcon(node.group.kind === 'owner' ? 'person' : node.group.kind === 'overdue' ? 'warning' : 'calendar');
      return item;
    }
    const { entry } = node;
    const item = new vscode.TreeItem(entry.item.text, vscode.TreeItemCollapsibleState.None);
    item.id = `item:${this.mode}:${node.parent.id}:${entry.item.uri}:${entry.item.mentions[entry.item.mentions.length - 1].line}`;
    const details = [
      this.mode === 'due' ? entry.item.owners.join(', ') : entry.item.due ? sayItems('dueOn', lang, { date: entry.item.due }) : '',
      entry.series,
    ].filter(Boolean);
    item.description = details.join(' · ');
    item.tooltip = tooltip(entry, lang);
    item.iconPath = new vscode.ThemeIcon(entry.item.overdue ? 'warning' : entry.latest ? 'circle-large-outline' : 'history');
    item.contextValue = entry.item.overdue ? 'overdueItem' : 'openItem';
    const last = entry.item.mentions[entry.item.mentions.length - 1];
    const at = new vscode.Position(last.line, last.character);
    item.command = {
      title: 'Open',
      command: 'vscode.open',
      arguments: [vscode.Uri.parse(entry.item.uri), { selection: new vscode.Range(at, at) }],
    };
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }
}

function tooltip(entry: ItemEntry, lang: 'en' | 'zh'): vscode.MarkdownString {
  const since = entry.item.since.date ?? entry.item.since.path.slice(entry.item.since.path.lastIndexOf('/') + 1);
  const lines = [`**${escapeMarkdown(entry.item.text)}**`, `${entry.series} · ${sayItems('since', lang, { date: since })}`];
  if (entry.latest) lines.push(sayItems('latest', lang));
  return new vscode.MarkdownString(lines.join('\n\n'));
}

export function registerActionItems(context: vscode.ExtensionContext, client: LanguageClient): ActionItemsView {
  const view = new ActionItemsView(client);
  context.subscriptions.push(
    view,
    vscode.window.createTreeView(ACTION_ITEMS_VIEW, { treeDataProvider: view, showCollapseAll: true }),
    vscode.commands.registerCommand('communityMinutes.refreshActionItems', () => view.refresh()),
    vscode.commands.registerCommand('communityMinutes.actionItemsByOwner', () => view.setMode('owner')),
    vscode.commands.registerCommand('communityMinutes.actionItemsByDueDate', () => view.setMode('due')),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (/\.(?:md|markdown|txt)$/i.test(document.uri.path)) view.refreshSoon();
    }),
  );
  return view;
}
