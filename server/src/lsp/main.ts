/**
 * The Community Minutes language server. `node dist/server.js --stdio` (or `--node-ipc`,
 * `--socket=N`): the transport is chosen from the command line by vscode-languageserver.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodePlatform } from '../node/serverPlatform';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

// A language server that dies takes every diagnostic with it: log and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

startServer(connection, nodePlatform());
connection.listen();
