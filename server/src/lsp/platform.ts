import type { ConfigHost } from '../core/config/load';
import type { RosterHost } from '../core/roster/store';
import type { Services } from '../core/services';
import type { LookupSource } from './links/lookups';
import type { SeriesFiles } from './series/store';

/**
 * What the language server needs from where it runs. On Node (dist/server.js) it reads the
 * disk and runs git; in a browser's Web Worker (dist/browser/server.js) it has no file system
 * and no processes: files come from the editor over LSP requests, and what needs git is not
 * there. Everything else, the core included, is the same code: dist/server-core.js, which
 * each entry loads (serverCore.ts).
 */
export interface ServerPlatform {
  /**
   * Which documents live in a workspace whose files the platform reads: only `file:` URIs
   * (Node: a `vscode-vfs:` path is no path on this disk), or any URI inside a workspace folder
   * (a browser, where every read goes through the editor).
   */
  readonly workspaceFiles: 'file-uris' | 'workspace-folders';
  /** A workspace file's text, now; undefined when absent, unreadable or not known yet. */
  readFile(path: string): string | undefined;
  /** How configurations are read under a workspace root (and, on a file system, kept inside the repository). */
  configHost(root: string | undefined): ConfigHost;
  /** A file for the workspace check, read in full; undefined when absent or larger than `maxBytes`. */
  readFileAsync(path: string, maxBytes: number): Promise<string | undefined>;
  /** The core's services that need the platform (does a linked file exist, is it a checkout, its remotes). */
  readonly services: Pick<Services, 'fileExists' | 'inRepository' | 'workspaceRepos'>;
  /** Where rosters read their files (and, on Node in a trusted workspace, `git log`). */
  rosterHost(trusted: () => boolean, log: (message: string) => void): RosterHost;
  /** Correctly encoded minutes of a workspace folder, for the lossy mojibake repair. */
  referenceText(root: string): readonly string[] | Promise<readonly string[]>;
  /**
   * The minutes of each workspace folder, read into the series model (one template per series)
   * and learned from (`minutes/learnTemplate`). Absent where a folder cannot be listed (a
   * browser): each document is then recognised on its own.
   */
  readonly seriesFiles?: SeriesFiles;
  /** A watched file changed: drop what was read from it. */
  fileChanged(path: string): void;
  /** Online look-ups made by the server itself, for clients that do not answer them. */
  ownLinkLookups(cachePath: string | undefined): LookupSource;
  /**
   * Fetches files a check is about to read (its folders' `.minutesrc.json`, the files they
   * name), when reading them takes a round trip. Resolves to true when one of them exists.
   */
  prefetch?(paths: string[]): Promise<boolean>;
  /**
   * Files that became known after a check read them as absent (fetched since): the server
   * forgets what it derived from them and checks again.
   */
  onDidLearn?(listener: (paths: string[]) => void): void;
  /**
   * Gives the memory of dropped caches back to the system (Node: a compacting collection);
   * absent where the runtime offers no way to ask.
   */
  compactHeap?(): void;
}
