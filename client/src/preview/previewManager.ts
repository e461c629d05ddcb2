/**
 * The preview panes: at most one per document, opened beside the editor by
 * `communityMinutes.openPreview`, and restored by VS Code after a window reload.
 */
import * as vscode from 'vscode';
import { MinutesPreview, PREVIEW_VIEW_TYPE, type PreviewHost } from './previewPanel';

export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Map<string, MinutesPreview>();
  private readonly serializer: vscode.Disposable;

  constructor(private readonly host: PreviewHost) {
    this.serializer = vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        const uri =
          typeof (state as { uri?: unknown } | undefined)?.uri === 'string' ? vscode.Uri.parse((state as { uri: string }).uri) : undefined;
        if (!uri) {
          panel.dispose();
          return;
        }
        this.track(MinutesPreview.revive(this.host, panel, uri));
      },
    });
  }

  /** Opens (or shows) the preview of `uri`, or of the active editor's document. */
  open(uri?: vscode.Uri): void {
    const editor = vscode.window.activeTextEditor;
    const target = uri instanceof vscode.Uri ? uri : editor?.document.uri;
    if (!target) return;
    const existing = this.previews.get(target.toString());
    if (existing) {
      existing.reveal();
      return;
    }
    this.track(MinutesPreview.create(this.host, target, vscode.ViewColumn.Beside));
  }

  private track(preview: MinutesPreview): void {
    const key = preview.uri.toString();
    this.previews.get(key)?.dispose();
    this.previews.set(key, preview);
    preview.onDidDispose(() => {
      if (this.previews.get(key) === preview) this.previews.delete(key);
    });
  }

  dispose(): void {
    this.serializer.dispose();
    for (const preview of [...this.previews.values()]) preview.dispose();
    this.previews.clear();
  }
}
