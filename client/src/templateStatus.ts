/**
 * Which template the server applied to each open document, shown in the status bar (a click
 * changes it: templateChoice/changeTemplate.ts) and by the `communityMinutes.showTemplate`
 * command. The server sends `minutes/templateInfo` after linting.
 */
import * as vscode from 'vscode';
import type { TemplateInfo } from '../../server/src/protocol';
import { t } from './messages';

export class TemplateStatus implements vscode.Disposable {
  private readonly infoByUri = new Map<string, TemplateInfo>();
  private readonly item = vscode.window.createStatusBarItem('communityMinutes.template', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  /** `inBrowser`: the tooltip says what the browser cannot do. */
  constructor(private readonly inBrowser = false) {
    this.item.name = 'Community Minutes';
    this.item.command = 'communityMinutes.changeTemplate';
    this.subscriptions = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.infoByUri.delete(doc.uri.toString())),
    ];
  }

  update(info: TemplateInfo): void {
    this.infoByUri.set(info.uri, info);
    this.refresh();
  }

  /** Forgets everything, e.g. when the server restarts and will report again. */
  clear(): void {
    this.infoByUri.clear();
    this.refresh();
  }

  async showForActiveEditor(): Promise<void> {
    const info = this.activeInfo();
    if (!info) {
      void vscode.window.showInformationMessage(t('noInfo'));
      return;
    }
    const text =
      info.template === null
        ? t('notLinted', { reason: info.reason })
        : info.explanation
          ? t('appliedWhy', { name: info.name ?? info.template, id: info.template, explanation: info.explanation })
          : t('applied', { name: info.name ?? info.template, id: info.template, reason: info.reason });
    const openConfig = t('openConfig');
    const change = t('changeTemplate');
    const choice = await vscode.window.showInformationMessage(text, change, ...(info.configPath ? [openConfig] : []));
    if (choice === openConfig && info.configPath) {
      await vscode.window.showTextDocument(info.configUri ? vscode.Uri.parse(info.configUri) : vscode.Uri.file(info.configPath));
    } else if (choice === change) {
      await vscode.commands.executeCommand('communityMinutes.changeTemplate');
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  activeInfo(): TemplateInfo | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    return uri === undefined ? undefined : this.infoByUri.get(uri);
  }

  private refresh(): void {
    const info = this.activeInfo();
    // Shows the preview button in the editor title of minutes only.
    void vscode.commands.executeCommand('setContext', 'communityMinutes.isMinutes', info?.linted === true);
    if (!info) {
      this.item.hide();
      return;
    }
    // A guess is shown as one: the structure of the file is not checked against it.
    const icon = info.confidence === 'guessed' ? '$(question)' : '$(checklist)';
    this.item.text = info.template === null ? `$(circle-slash) ${t('noTemplate')}` : `${icon} ${info.template}`;
    const why =
      info.template !== null && info.explanation
        ? t('statusTooltipWhy', { id: info.template, explanation: info.explanation })
        : t('statusTooltip', { reason: info.reason });
    this.item.tooltip = why + (this.inBrowser ? `\n\n${t('browserNote')}` : '');
    this.item.show();
  }
}
