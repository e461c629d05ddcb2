/**
 * The language server is one bundle, dist/server-core.js (core.ts), loaded by two small entries:
 * dist/server.js on Node (lsp/main.ts) and dist/browser/server.js in a Web Worker
 * (browser/main.ts). Each entry gives it the LSP library of its platform, loads it, and starts
 * it with a connection and a platform; the .vsix carries the server's code (and its pinyin
 * dictionary) once.
 */
import type { startServer } from './server';
import type { pathToUri } from './uri';

/** What dist/server-core.js offers its entry. */
export interface ServerCore {
  startServer: typeof startServer;
  /** The server's mapping of workspace paths to URIs (it knows the workspace folders). */
  pathToUri: typeof pathToUri;
}

interface Shared {
  /** The entry's `vscode-languageserver` (node or browser): the core uses it (hostLibrary.cjs), so connection and core agree. */
  __communityMinutesLsp?: unknown;
  __communityMinutesServerCore?: ServerCore;
}

const shared = globalThis as Shared;

/** Gives the core the entry's LSP library, then loads it with `load` (require on Node, importScripts in a worker). */
export function loadServerCore(library: unknown, load: () => void): ServerCore {
  shared.__communityMinutesLsp = library;
  load();
  if (!shared.__communityMinutesServerCore) throw new Error('dist/server-core.js did not load');
  return shared.__communityMinutesServerCore;
}

/** Called by core.ts once loaded. */
export function offerServerCore(core: ServerCore): void {
  shared.__communityMinutesServerCore = core;
}
