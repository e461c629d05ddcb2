/**
 * The language server in a browser's Web Worker (vscode.dev, github.dev): no file system and
 * no processes. Workspace files come from the editor (`minutes/readFiles`, answered with
 * `vscode.workspace.fs`) and are kept here, so the core's synchronous reads can be answered:
 * before a check, the `.minutesrc.json` of the document's folders and the files they name are
 * fetched; a file a check reads that is not known yet (an `extends`, a linked image) is
 * fetched afterwards and the document is checked again. An unknown linked file counts as existing until the editor
 * says otherwise: a check never reports a missing file it has not seen missing.
 *
 * What needs git degrades: no `git log` authors in the roster, and the repositories of the
 * checkout come from the workspace's URI (github.dev's `vscode-vfs://github/owner/repo`)
 * rather than from its remotes. Handles used in other minutes are not scanned (reading every
 * file of a repository through the editor would be a request per file).
 */
import type { Connection } from 'vscode-languageserver';
import type { ServerPlatform } from '../lsp/platform';
import { READ_FILES_METHOD, type ReadFilesParams, type ReadFilesResult } from '../protocol';

/** The server's own URI mapping (lsp/uri.ts, in dist/server-core.js: it knows the workspace folders). */
type PathToUri = (path: string) => string;

/** Configuration, template and roster files are small; larger ones are not read. */
const MAX_WORKSPACE_FILE_BYTES = 1024 * 1024;

interface Known {
  exists: boolean;
  text?: string;
}

export class EditorFiles {
  private readonly known = new Map<string, Known>();
  private wanted = new Set<string>();
  /** Paths a check took for existing before they were known. */
  private readonly assumed = new Set<string>();
  private flushing: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners: Array<(paths: string[]) => void> = [];

  constructor(
    private readonly ask: (params: ReadFilesParams) => Promise<ReadFilesResult>,
    private readonly pathToUri: PathToUri,
  ) {}

  read(path: string): string | undefined {
    const known = this.known.get(path);
    if (!known) this.want(path);
    return known?.text;
  }

  exists(path: string): boolean {
    const known = this.known.get(path);
    if (known) return known.exists;
    this.assumed.add(path);
    this.want(path);
    return true;
  }

  /** Fetches the paths not known yet; true when one of them exists. */
  async fetch(paths: string[], maxBytes = MAX_WORKSPACE_FILE_BYTES): Promise<boolean> {
    const missing = [...new Set(paths)].filter((p) => !this.known.has(p));
    if (!missing.length) return false;
    let result: ReadFilesResult;
    try {
      result = await this.ask({ uris: missing.map((p) => this.pathToUri(p)), maxBytes });
    } catch {
      return false; // the editor could not answer: try again on the next check
    }
    let found = false;
    missing.forEach((path, i) => {
      const file = result.files?.[i];
      const known: Known = { exists: file?.exists === true, text: typeof file?.text === 'string' ? file.text : undefined };
      this.known.set(path, known);
      found ||= known.exists;
    });
    return found;
  }

  /** Reads one file for the workspace check, without keeping it. */
  async readOnce(path: string, maxBytes: number): Promise<string | undefined> {
    try {
      const result = await this.ask({ uris: [this.pathToUri(path)], maxBytes });
      return result.files?.[0]?.text;
    } catch {
      return undefined;
    }
  }

  forget(path: string): void {
    this.known.delete(path);
  }

  onDidLearn(listener: (paths: string[]) => void): void {
    this.listeners.push(listener);
  }

  /** Reads a check asked for, batched; a check runs again once they are here. */
  private want(path: string): void {
    this.wanted.add(path);
    this.flushing ??= setTimeout(() => {
      this.flushing = undefined;
      const paths = [...this.wanted];
      this.wanted = new Set();
      void this.fetch(paths).then(() => {
        // What changes a check: a file that exists after all, or one it took for existing that does not.
        const learned = paths.filter((p) => this.known.get(p)?.exists || this.assumed.has(p));
        for (const p of paths) this.assumed.delete(p);
        if (learned.length) for (const listener of this.listeners) listener(learned);
      });
    }, 0);
  }
}

/** github.dev's URIs name the repository: `vscode-vfs://github/owner/repo/…` (the authority may carry a ref). */
export function repositoryOfUri(uri: string): string[] {
  const match = /^vscode-vfs:\/\/github(?:[+%][^/]*)?\/([^/]+)\/([^/]+)/i.exec(uri);
  return match ? [`github.com/${decodeURIComponent(match[1])}/${decodeURIComponent(match[2])}`] : [];
}

export function browserPlatform(connection: Connection, pathToUri: PathToUri): ServerPlatform {
  const files = new EditorFiles((params) => connection.sendRequest<ReadFilesResult>(READ_FILES_METHOD, params), pathToUri);
  const noLookups = async (lookups: unknown[]) => lookups.map(() => ({ state: 'unverified' as const, reason: 'no-client' }));
  return {
    workspaceFiles: 'workspace-folders',
    readFile: (path) => files.read(path),
    // The editor answers only for files inside workspace folders; the lexical checks of the core still apply.
    configHost: (root) => ({ root, readFile: (path) => files.read(path) }),
    readFileAsync: (path, maxBytes) => files.readOnce(path, maxBytes),
    services: {
      fileExists: (path) => files.exists(path),
      // github.dev opens a repository; of other file systems the editor says nothing.
      inRepository: (path) => (repositoryOfUri(pathToUri(path)).length ? true : undefined),
      workspaceRepos: (path) => repositoryOfUri(pathToUri(path)),
    },
    rosterHost: () => ({ readFile: (path) => files.read(path), listMinutes: () => [] }),
    referenceText: () => [],
    fileChanged: (path) => files.forget(path),
    // The editor answers look-ups (with the user's GitHub session); a worker has no token of its own.
    ownLinkLookups: () => noLookups,
    prefetch: (paths) => files.fetch(paths),
    onDidLearn: (listener) => files.onDidLearn(listener),
  };
}
