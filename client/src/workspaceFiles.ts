import * as vscode from 'vscode';

/** Does a file or folder exist? Through `workspace.fs`, so it works on remote and virtual file systems. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
