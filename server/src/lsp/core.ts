/** dist/server-core.js: the whole language server, for both entries (serverCore.ts). */
import { startServer } from './server';
import { offerServerCore } from './serverCore';
import { pathToUri } from './uri';

offerServerCore({ startServer, pathToUri });
