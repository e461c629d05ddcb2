// `vscode-languageserver` inside dist/server-core.js: the library of the entry that loaded it
// (vscode-languageserver/node or /browser, serverCore.ts), so the connection and the server's
// own classes (ResponseError, TextDocuments) come from one copy. The build points the import here.
const library = globalThis.__communityMinutesLsp;
if (!library) throw new Error('dist/server-core.js was loaded without an LSP library (load it through serverCore.ts)');
module.exports = library;
