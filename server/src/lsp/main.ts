/**
 * The Community Minutes language server on Node. `node dist/server.js --stdio` (or `--node-ipc`,
 * `--socket=N`): the transport is chosen from the command line (transport.ts). The server
 * itself is dist/server-core.js, beside this file (serverCore.ts).
 */
import * as lsp from 'vscode-languageserver/node';
import { nodePlatform } from '../node/serverPlatform';
import { loadServerCore } from './serverCore';
import { REQUEST_TIMES_FLAG, REQUEST_TIMES_METHOD, timeRequests } from './requestTimes';
import { messageTransport } from './transport';

/** Answered only by a server started with `--expose-gc` (the memory bench). */
const MEMORY_AFTER_GC_METHOD = 'minutes/memoryAfterGc';

// The server core is its own bundle beside this one (shared with the Web Worker), loaded at run
// time for what it registers, so a require() the bundler leaves alone.
const core = loadServerCore(lsp, () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(`${__dirname}/server-core.js`);
});

// Over stdio and IPC the server reads through its own reader, so that a broken stream can end it.
const transport = messageTransport(process.argv);
// `--request-times` (the completion bench): each request timed from arrival to answer.
const timing =
  transport && process.argv.includes(REQUEST_TIMES_FLAG)
    ? timeRequests(transport.reader, transport.writer, process.argv.includes('--stdio') ? process.stdin : undefined)
    : undefined;
const connection = transport
  ? lsp.createConnection(lsp.ProposedFeatures.all, timing?.reader ?? transport.reader, timing?.writer ?? transport.writer)
  : lsp.createConnection(lsp.ProposedFeatures.all);
if (timing) connection.onRequest(REQUEST_TIMES_METHOD, () => timing.take());

// A language server that dies takes every diagnostic with it: log and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

// …except when the stream itself is broken (garbage where a message header should be): after
// that nothing it reads can be trusted to be a message, and a server that stays would be alive
// but deaf. Exiting lets the client start a fresh one.
transport?.reader.onError((error) => {
  process.stderr.write(
    `community-minutes: the message stream is broken (${error.message.split('\n')[0]}); exiting so that the client restarts the server\n`,
  );
  process.exit(1);
});

// `node --expose-gc dist/server.js`, as the memory bench (scripts/bench-memory.mjs) starts it:
// a full collection on request, then the process's memory. Editors start it without the flag.
const collectGarbage = (globalThis as { gc?: () => void }).gc;
if (typeof collectGarbage === 'function') {
  connection.onRequest(MEMORY_AFTER_GC_METHOD, () => {
    collectGarbage();
    return { ...process.memoryUsage(), maxRss: process.resourceUsage().maxRSS * 1024 };
  });
}

core.startServer(connection, nodePlatform());
connection.listen();
