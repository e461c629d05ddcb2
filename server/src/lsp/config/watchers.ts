import { DidChangeWatchedFilesNotification, type Connection, type Disposable, type FileSystemWatcher } from 'vscode-languageserver';
import { CONFIG_FILE } from '../../core';
import { pathToUri } from '../uri';

/**
 * Asks the client to watch `.minutesrc.json` files and the files configs point to (team
 * templates, roster files), which can live anywhere, so that editing them re-lints.
 */
export class FileWatchers {
  private registration: Promise<Disposable> | undefined;
  private key = '';

  constructor(
    private readonly connection: Connection,
    private readonly relativePatterns: boolean,
  ) {}

  update(referenced: string[]): void {
    const paths = [...new Set(referenced)].sort();
    const key = paths.join('\n');
    if (this.registration && key === this.key) return;
    this.key = key;
    const watchers: FileSystemWatcher[] = [{ globPattern: `**/${CONFIG_FILE}` }, ...paths.map((p) => this.watcherFor(p))];
    const previous = this.registration;
    this.registration = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    void previous?.then((d) => d.dispose()).catch(() => undefined);
  }

  private watcherFor(path: string): FileSystemWatcher {
    const slash = path.lastIndexOf('/');
    const dir = path.slice(0, slash) || '/';
    const name = path.slice(slash + 1);
    return { globPattern: this.relativePatterns ? { baseUri: pathToUri(dir), pattern: name } : `**/${name}` };
  }
}
