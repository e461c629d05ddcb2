// Bundles scripts/bench.ts with the core (esbuild) and runs it.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';

await esbuild.build({
  entryPoints: ['scripts/bench.ts'],
  outfile: 'out/bench/bench.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
try {
  execFileSync(process.execPath, ['out/bench/bench.js'], { stdio: 'inherit' });
} catch {
  process.exitCode = 1;
}
