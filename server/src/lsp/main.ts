/**
 * The Community Minutes language server on Node. `node dist/server.js --stdio` (or `--node-ipc`,
 * `--socket=N`): the transport is chosen from the command line by vscode-languageserver. The
 * server itself is dist/server-core.js, beside this file.
 */
import * as lsp from 'vscode-languageserver/node';
import { nodePlatform } from '../node/serverPlatform';
import { loadServerCore } from './serverCore';

const core = loadServerCore(lsp, () => require(`${__dirname}/server-core.js`));
const connection = lsp.createConnection(lsp.ProposedFeatures.all);

// A language server that dies takes every diagnostic with it: log and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

core.startServer(connection, nodePlatform());
connection.listen();
