/**
 * "Check All Minutes in the Workspace": lists the Markdown and text files, has the language
 * server check them in batches (`minutes/lintWorkspace`; it publishes their diagnostics, so they
 * land in the Problems panel), with a progress notification that can be cancelled.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { Lang } from '../../server/src/core';
import { LINT_WORKSPACE_METHOD, type LintWorkspaceParams, type LintWorkspaceResult } from '../../server/src/protocol';
import { say } from './preview/strings';

/** Files per request: small enough for the progress bar to move and for cancel to act soon. */
const BATCH = 20;
/** A workspace with more candidate files than this is checked in part (the first ones found). */
const MAX_FILES = 20000;
const EXCLUDE = '**/{node_modules,.git,.hg,.svn}/**';

export async function lintWorkspace(client: LanguageClient, lang: Lang): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(say('lintNoFolder', lang));
    return;
  }
  const totals = { done: 0, total: 0, linted: 0, skipped: 0, errors: 0, warnings: 0 };
  let cancelled = false;
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: say('lintTitle', lang), cancellable: true },
      async (progress, token) => {
        const found = await vscode.workspace.findFiles('**/*.{md,txt,MD,TXT}', EXCLUDE, MAX_FILES, token);
        // Files of the workspace's own file system: on disk, or github.dev's repository in a browser.
        const uris = found.filter((u) => vscode.workspace.getWorkspaceFolder(u) !== undefined).map((u) => u.toString());
        totals.total = uris.length;
        for (let i = 0; i < uris.length; i += BATCH) {
          if (token.isCancellationRequested) break;
          const batch = uris.slice(i, i + BATCH);
          const result = await client.sendRequest<LintWorkspaceResult>(
            LINT_WORKSPACE_METHOD,
            { uris: batch } satisfies LintWorkspaceParams,
            token,
          );
          for (const file of result.files) {
            if (file.linted) totals.linted++;
            else totals.skipped++;
            totals.errors += file.errors;
            totals.warnings += file.warnings;
          }
          totals.done += batch.length;
          progress.report({
            increment: (100 * batch.length) / uris.length,
            message: say('lintProgress', lang, { done: totals.done, total: totals.total }),
          });
        }
        cancelled = token.isCancellationRequested;
      },
    );
  } catch (error) {
    if (!(error instanceof vscode.CancellationError) && !isCancelled(error)) {
      void vscode.window.showErrorMessage(say('lintFailed', lang, { message: error instanceof Error ? error.message : String(error) }));
      return;
    }
    cancelled = true;
  }
  if (!totals.total) {
    void vscode.window.showInformationMessage(say('lintNoFiles', lang));
    return;
  }
  const text = cancelled ? say('lintCancelled', lang, totals) : say('lintDone', lang, totals);
  const showProblems = say('showProblems', lang);
  const choice = await vscode.window.showInformationMessage(text, showProblems);
  if (choice === showProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

/** A request cancelled through its token rejects with a JSON-RPC "request cancelled" error. */
function isCancelled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === -32800;
}
