/**
 * Online PR/issue look-ups: plain `fetch`, no Node import, so they run in the CLI, the language
 * server for other editors, and the VS Code client on Node and in a browser (which holds the
 * GitHub session). How answers are kept is the host's: `fileStore.ts` on Node, an extension's
 * global state in a browser.
 */
export { LinkCache, type CacheFile, type CacheStore } from './cache';
export { OnlineLinkStatus, type OnlineLinkStatusOptions } from './linkStatus';
