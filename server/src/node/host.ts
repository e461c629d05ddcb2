import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ConfigHost } from '../core/config/load';
import type { Services } from '../core/services';

/** Absolute, `/`-separated: the form the core's config loader and glob matching expect. */
export function toPosixPath(path: string): string {
  return resolve(path).replace(/\\/g, '/');
}

/** Reads config files from disk. Folders and unreadable files read as absent. */
export function nodeConfigHost(root?: string): ConfigHost {
  return {
    root,
    readFile(path) {
      try {
        if (!statSync(path).isFile()) return undefined;
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

export const nodeServices: Services = {
  fileExists: (path) => existsSync(path),
};
