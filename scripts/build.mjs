// Bundles the three hosts (client, server, CLI) and, with --tests, the mocha suites.
// esbuild turns the ESM-only unified/remark packages into CommonJS bundles that the
// VS Code extension host and plain `node` both load.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = args.has('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  loader: { '.json': 'json' },
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build does not.
  mainFields: ['module', 'main'],
};

const hosts = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, define: { PACKAGE_VERSION: JSON.stringify(pkg.version) } },
];

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'fixtures' && name !== 'vscode') found.push(...findTests(path));
    } else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const builds = hosts.map((h) => ({ ...common, ...h }));
if (args.has('--tests')) {
  // TEST_OUT lets several people (or agents) build and run suites side by side.
  const out = process.env.TEST_OUT ?? 'out';
  rmSync(out, { recursive: true, force: true });
  builds.push({ ...common, entryPoints: findTests('test'), outdir: join(out, 'test'), outbase: 'test', external: ['mocha', 'vscode'] });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

// The .minutesrc.json schema is derived from the rules. Test builds leave it alone, so the
// manifest test can catch a committed schema that no longer matches the rules.
if (!watch && !args.has('--tests')) await (await import('./gen-schema.mjs')).generate();
