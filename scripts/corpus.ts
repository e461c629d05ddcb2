import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { walkFiles } from '../server/src/node/walk';

/** ../shared/corpus beside the repository (CI and developer machines), when it is there. */
export const SHARED_CORPUS = resolve(process.cwd(), '..', 'shared', 'corpus');
/** ../shared/corpus-wild: minutes of communities without a built-in template. */
export const SHARED_CORPUS_WILD = resolve(process.cwd(), '..', 'shared', 'corpus-wild');

export function hasSharedCorpus(): boolean {
  return existsSync(SHARED_CORPUS);
}

/** The minutes (`.md`, `.txt`) under a folder with their text, paths `/`-separated. */
export function readMinutes(folder: string): Array<{ path: string; text: string }> {
  return walkFiles(folder, { accept: (name) => /\.(?:md|txt)$/.test(name) }).map((path) => ({
    path: path.replace(/\\/g, '/'),
    text: readFileSync(path, 'utf8'),
  }));
}
