import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A throw-away workspace folder on disk: the server reads `.minutesrc.json` files from it. */
export class TempWorkspace {
  readonly root: string;

  constructor(files: Record<string, string> = {}) {
    this.root = realpathSync(mkdtempSync(join(tmpdir(), 'minutes-lsp-')));
    for (const [relative, text] of Object.entries(files)) this.write(relative, text);
  }

  path(relative: string): string {
    return join(this.root, relative);
  }

  uri(relative: string): string {
    return pathToFileURL(this.path(relative)).href;
  }

  write(relative: string, text: string): void {
    mkdirSync(dirname(this.path(relative)), { recursive: true });
    writeFileSync(this.path(relative), text);
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
