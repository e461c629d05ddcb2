import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerPlatform } from '../lsp/platform';
import type { LinkLookup } from '../protocol';
import { compactHeap } from './heap';
import { nodeConfigHost, nodeServices } from './host';
import { fileCacheStore } from '../online/fileStore';
import { LinkCache, OnlineLinkStatus } from '../online/linkStatus';
import { ReferenceTexts } from './reference';
import { diskRosterHost, listMinutes } from './rosterFiles';
import { minutesUnder, readSeriesText, seriesSiblings } from './series';

/** The language server on Node: the disk, `git log` in trusted workspaces, look-ups with `GITHUB_TOKEN`. */
export function nodePlatform(): ServerPlatform {
  const disk = nodeConfigHost();
  const references = new ReferenceTexts();
  return {
    workspaceFiles: 'file-uris',
    readFile: (path) => disk.readFile(path),
    configHost: (root) => nodeConfigHost(root),
    async readFileAsync(path, maxBytes) {
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile() || info.size > maxBytes) return undefined;
      return readFile(path, 'utf8').catch(() => undefined);
    },
    services: nodeServices,
    rosterHost: (trusted, log) => diskRosterHost({ git: trusted, log }),
    referenceText: (root) => references.textsFor(root),
    fileChanged: (path) => references.fileChanged(path),
    compactHeap,
    seriesFiles: {
      list: listMinutes,
      read: readSeriesText,
      siblings: seriesSiblings,
      under(path) {
        const folder = isFolder(path) ? path : path.slice(0, path.lastIndexOf('/'));
        return { folder, files: minutesUnder(folder) };
      },
    },
    ownLinkLookups(cachePath) {
      const cache = LinkCache.open(cachePath ? fileCacheStore(cachePath) : undefined);
      const service = new OnlineLinkStatus({ cache, token: process.env.GITHUB_TOKEN?.trim() || undefined });
      return async (lookups: LinkLookup[]) => {
        const statuses = await Promise.all(lookups.map((l) => service.lookup(l.target, l.api)));
        service.save();
        return statuses;
      };
    },
  };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
