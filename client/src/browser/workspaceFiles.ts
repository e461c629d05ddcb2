/**
 * The language server in a browser has no file system: it asks (`minutes/readFiles`) for the
 * files a check reads, and this side answers through `vscode.workspace.fs`, which reaches the
 * workspace wherever it is (github.dev reads GitHub). Only files inside a workspace folder are
 * answered: a repository's configuration cannot make the editor read anything else.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { READ_FILES_METHOD, type ReadFilesParams, type ReadFilesResult } from '../../../server/src/protocol';

/** Files per request, at most: a request is a batch of a check, not a crawl. */
const MAX_FILES = 200;

export function answerFileReads(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    client.onRequest(READ_FILES_METHOD, async (params: ReadFilesParams): Promise<ReadFilesResult> => {
      const uris = Array.isArray(params?.uris) ? params.uris.slice(0, MAX_FILES) : [];
      const maxBytes = typeof params?.maxBytes === 'number' ? params.maxBytes : 0;
      return { files: await Promise.all(uris.map((uri) => readOne(uri, maxBytes))) };
    }),
  );
}

async function readOne(uriText: string, maxBytes: number): Promise<ReadFilesResult['files'][number]> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(uriText, true);
  } catch {
    return { exists: false };
  }
  if (!vscode.workspace.getWorkspaceFolder(uri)) return { exists: false };
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory || stat.size > maxBytes) return { exists: true };
    return { exists: true, text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
  } catch {
    return { exists: false };
  }
}
