import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CacheFile, CacheStore } from './cache';

/**
 * A link cache kept in a JSON file, written atomically (a half-written cache would be read as
 * empty, not as garbage); a read-only folder costs the next run its cache, nothing else.
 */
export function fileCacheStore(path: string): CacheStore {
  return {
    read() {
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
    write(data: CacheFile) {
      try {
        mkdirSync(dirname(path), { recursive: true });
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, `${JSON.stringify(data, null, 1)}\n`, 'utf8');
        renameSync(temporary, path);
      } catch {
        // See above: nothing else is lost.
      }
    },
  };
}
