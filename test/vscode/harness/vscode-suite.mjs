// The in-host suite (test/vscode/suite) as the extension host loads it, shared by both runners:
// `npm run test:vscode` (@vscode/test-electron) and `npm run test:vscode-web` (code-server).
// scripts/build.mjs leaves test/vscode alone: these tests need a VS Code around them.
import * as esbuild from 'esbuild';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLACEHOLDER_API } from './vscode-link-server.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SUITE_SRC = join(ROOT, 'test/vscode/suite');
const FIXTURES = join(ROOT, 'test/vscode/fixtures/ws');
/** The folder whose `.minutesrc.json` turns online link checks on, against the runner's local API. */
const ONLINE_CONFIG = 'online/.minutesrc.json';

/**
 * The suite runs twice, told apart by MINUTES_VSCODE_RUN in the extension host's environment:
 * in a trusted workspace (every *.test.ts but the restricted ones) and in Restricted Mode
 * (*.restricted.test.ts only). index.ts picks the files.
 */
export const SUITE_RUNS = { trusted: 'trusted', restricted: 'restricted' };

/**
 * Bundles index.ts and each *.test.ts into `outDir` (default out/vscode; it must stay inside the
 * repository so that `require('mocha')` finds node_modules). Returns the path of the run() entry.
 */
export async function buildSuite(outDir = process.env.VSCODE_SUITE_OUT ?? join(ROOT, 'out/vscode')) {
  rmSync(outDir, { recursive: true, force: true });
  const entries = readdirSync(SUITE_SRC)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => join(SUITE_SRC, f));
  await esbuild.build({
    entryPoints: entries,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    // Provided by the extension host, and loaded from the repository's node_modules (mocha 11:
    // mocha 12 is ESM-only and does not load in the CommonJS extension host).
    external: ['vscode', 'mocha'],
  });
  return join(outDir, 'index.js');
}

/**
 * A fresh copy of the fixtures workspace: tests type, apply fixes and change settings in it,
 * so the files in the repository never change and every run starts from the same state.
 * `linkServer` (the local API's address) replaces the placeholder of the online folder's config.
 * @param {string} [parent]
 * @param {{ linkServer?: string }} [options]
 */
export function copyWorkspace(parent = tmpdir(), { linkServer } = {}) {
  const dir = join(mkdtempSync(join(parent, 'minutes-ws-')), 'ws');
  cpSync(FIXTURES, dir, { recursive: true });
  if (linkServer) {
    const config = join(dir, ONLINE_CONFIG);
    writeFileSync(config, readFileSync(config, 'utf8').replaceAll(PLACEHOLDER_API, linkServer));
  }
  return dir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await buildSuite(process.argv[2]));
}
