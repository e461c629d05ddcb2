// Bundles a TypeScript script of scripts/ together with the core (esbuild) and runs it:
//   node scripts/run-ts.mjs scripts/bench.ts [args…]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
const outfile = `out/scripts/${basename(entry, '.ts')}.js`;
await esbuild.build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
