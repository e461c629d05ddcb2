/**
 * What the server adds to LSP, shared by the server and the VS Code client: each custom
 * request and notification as a method name and the types of its parameters and result.
 * Plain TypeScript with no import of any package (and only types from the core), so the client
 * can use it without bundling the server's LSP library, and neither side spells a method twice.
 * Each side builds its own typed `RequestType`s from these names when it wants them.
 */
export * from './settings';
export * from './documents';
export * from './series';
export * from './links';
