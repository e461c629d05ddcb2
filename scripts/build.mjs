// Bundles the hosts (client, server, CLI and the GitHub Action that runs it) and, with --tests, the mocha suites.
// esbuild turns the ESM-only unified/remark packages into CommonJS bundles that the
// VS Code extension host and plain `node` both load.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import ts from 'typescript';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = args.has('--production');

const CORE_DIR = resolve('server/src/core') + sep;

/**
 * The core is pure (docs/architecture.md): importing one of its modules runs nothing but
 * declarations. Telling esbuild so lets a bundle leave out what it does not use, so the VS Code
 * client, which takes a few helpers from the core's index, does not carry every rule with them.
 */
const pureCore = {
  name: 'pure-core',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === pureCore) return undefined;
      const found = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: pureCore,
      });
      if (found.errors.length || !found.path.startsWith(CORE_DIR)) return undefined;
      return { path: found.path, namespace: found.namespace, sideEffects: false };
    });
  },
};

/**
 * `minutes-lint` on one file should start about as fast as Node itself (issue 12), so its bundle
 * leaves unloaded what most runs never use: a Node module or package named here is loaded on the
 * first call of one of its functions. Each import of it becomes a stand-in whose functions load
 * the real module and call theirs (an import of anything else from it fails the build); a
 * package is bundled on its own, as `dist/<file>` beside the CLI's bundle.
 * - pinyin-pro: its dictionary is a quarter of the bundle; only Chinese names in a roster need it;
 * - crypto, child_process, fs/promises: the Code Quality format, git and rosters, reference texts.
 * (worker_threads is imported where an archive is checked: ../server/src/cli/pool.ts.)
 * A module of ours can be loaded so too (ON_DEMAND_MODULES), when it exports functions only:
 * - core/regex/re2.ts, RE2JS: a fifth of the bundle; the built-in templates' patterns run on
 *   JavaScript's engine (core/regex/native.ts), so a run without patterns from data rarely needs it.
 */
const ON_DEMAND_BUILTINS = ['node:crypto', 'node:child_process', 'node:fs/promises'];
const ON_DEMAND_PACKAGES = { 'pinyin-pro': 'cli-pinyin.js' };
const ON_DEMAND_MODULES = { 'server/src/core/regex/re2.ts': 'cli-re2.js' };

/** The functions a module of ours exports; the build fails if it exports anything else. */
function exportedFunctions(file) {
  const text = readFileSync(file, 'utf8');
  const other = /^export (?!function |interface |type )/m.exec(text);
  if (other) throw new Error(`${file} is loaded on demand by the CLI, so it may export only functions: ${other[0]}…`);
  return [...text.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
}

/** Stand-ins for `names`, each loading `target` (an expression) on its first call. */
function standIns(target, names) {
  const calls = names.map(
    (name) =>
      `export function ${name}(...args) { const real = load().${name}; return new.target ? Reflect.construct(real, args) : real.apply(this, args); }`,
  );
  return [`let loaded;`, `const load = () => (loaded ??= require(${target}));`, ...calls].join('\n');
}

const onDemand = {
  name: 'on-demand',
  setup(build) {
    const names = [...ON_DEMAND_BUILTINS, ...Object.keys(ON_DEMAND_PACKAGES)];
    const filter = new RegExp(`^(?:${names.join('|')})$`);
    // Only the project's own imports: the stand-in's require of the real module passes through.
    build.onResolve({ filter }, (args) => (args.namespace === 'file' ? { path: args.path, namespace: 'on-demand' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'on-demand' }, async (args) => {
      const file = ON_DEMAND_PACKAGES[args.path];
      const target = file ? `\`\${__dirname}/${file}\`` : JSON.stringify(args.path);
      const names = Object.entries(await import(args.path))
        .filter(([name, value]) => name !== 'default' && typeof value === 'function')
        .map(([name]) => name);
      return { contents: standIns(target, names), loader: 'js' };
    });
    const ownFiles = new Map(Object.entries(ON_DEMAND_MODULES).map(([path, file]) => [resolve(path), file]));
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.namespace !== 'file') return undefined;
      const path = resolve(args.resolveDir, `${args.path}.ts`);
      return ownFiles.has(path) ? { path, namespace: 'on-demand-own' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'on-demand-own' }, (args) => ({
      contents: standIns(`\`\${__dirname}/${ownFiles.get(args.path)}\``, exportedFunctions(args.path)),
      loader: 'js',
    }));
  },
};

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Chinese messages and the pinyin dictionary as UTF-8, not \u escapes: a smaller .vsix.
  charset: 'utf8',
  loader: { '.json': 'json' },
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build does not.
  mainFields: ['module', 'main'],
  plugins: [pureCore],
};

/**
 * No Node there: a browser's module fields, and nothing Node-only may slip in (esbuild fails on
 * it). Both run in Web Workers (the web extension host, the server's worker), which have no DOM:
 * packages with a `worker` build (decode-named-character-reference) must not give their DOM one.
 */
/** @type {esbuild.BuildOptions} */
const BROWSER = { platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'], conditions: ['worker'] };

const CLI_BUNDLE = 'dist/cli-main.js';

/** @type {esbuild.BuildOptions[]} */
const hosts = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The language server is dist/server-core.js, loaded by an entry for Node (dist/server.js, also
  // the npm package's `minutes-language-server` command) and one for a Web Worker, so the .vsix
  // carries it once (server/src/lsp/serverCore.ts). It runs on both, hence the browser's options;
  // its `vscode-languageserver` is the entry's.
  {
    entryPoints: ['server/src/lsp/core.ts'],
    outfile: 'dist/server-core.js',
    ...BROWSER,
    format: 'iife',
    alias: { 'vscode-languageserver': './server/src/lsp/hostLibrary.cjs' },
  },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  // The CLI: dist/cli.js starts dist/cli-main.js from V8's code cache (server/src/cli/launch.ts),
  // read as Latin-1, so all ASCII (see asciiOnly).
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: CLI_BUNDLE,
    charset: 'ascii',
    define: { PACKAGE_VERSION: JSON.stringify(pkg.version) },
    // onDemand first: its stand-in for a module of ours must win over pureCore's resolution.
    plugins: [onDemand, pureCore],
  },
  ...Object.entries(ON_DEMAND_PACKAGES).map(([name, file]) => ({ entryPoints: [name], outfile: `dist/${file}` })),
  ...Object.entries(ON_DEMAND_MODULES).map(([path, file]) => ({ entryPoints: [path], outfile: `dist/${file}` })),
  // The GitHub Action (action.yml) runs this; it runs dist/cli.js.
  { entryPoints: ['server/src/cli/action.ts'], outfile: 'dist/action.js' },
  // The npm package's Node API (package.json "exports"), with its declarations (below).
  { entryPoints: ['server/src/api/index.ts'], outfile: 'dist/api.js' },
  // The web extension (package.json "browser"): the client, and the server in a Web Worker.
  { entryPoints: ['client/src/browser/extension.ts'], outfile: 'dist/browser/extension.js', external: ['vscode'], ...BROWSER },
  { entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/browser/server.js', ...BROWSER, format: 'iife' },
];

/**
 * The CLI's launcher reads its bundle as Latin-1: decoding 1.2 MB of UTF-8 into a JavaScript string
 * took as long as V8 takes to load the bundle's compiled code from its cache. esbuild's ASCII
 * charset escapes strings and names but leaves regular expression literals (and comments) as
 * written, so each character left beyond ASCII becomes `\uXXXX`, by UTF-16 unit: the same
 * character in a regular expression (with or without the `u` flag) and in a string. Only a
 * template's raw text would read differently (`String.raw`): the one such template with Chinese
 * in it (the meeting-secret rule's labels) is a regular expression's source.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  const escaped = text.replace(/[^\0-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== text) writeFileSync(file, escaped);
}

/**
 * dist/api/*.d.ts: the API's declarations, file by file (its types stand alone in types.ts,
 * so no other declaration is needed). `npm run typecheck` checks the code behind them.
 */
function writeApiDeclarations() {
  mkdirSync('dist/api', { recursive: true });
  for (const file of ['server/src/api/index.ts', 'server/src/api/types.ts']) {
    const result = ts.transpileDeclaration(readFileSync(file, 'utf8'), {
      fileName: file,
      reportDiagnostics: true,
      compilerOptions: { strict: true },
    });
    if (result.diagnostics?.length) {
      throw new Error(`${file}: ${result.diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`);
    }
    writeFileSync(join('dist/api', basename(file).replace(/\.ts$/, '.d.ts')), result.outputText);
  }
}

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

/**
 * The CLI's launcher, told the hash of the bundle it starts (its code cache's key).
 * @param {string} [bundleHash]
 * @returns {esbuild.BuildOptions}
 */
function launcher(bundleHash) {
  return {
    ...common,
    entryPoints: ['server/src/cli/launch.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    define: { PACKAGE_VERSION: JSON.stringify(pkg.version), ...(bundleHash ? { BUNDLE_HASH: JSON.stringify(bundleHash) } : {}) },
  };
}

/** @type {esbuild.BuildOptions[]} */
const builds = hosts.map((h) => ({ ...common, ...h }));
if (args.has('--tests')) {
  // TEST_OUT lets several people (or agents) build and run suites side by side.
  const out = process.env.TEST_OUT ?? 'out';
  rmSync(out, { recursive: true, force: true });
  builds.push({
    ...common,
    entryPoints: findTests('test'),
    outdir: join(out, 'test'),
    outbase: 'test',
    external: ['mocha', 'vscode', 'typescript'],
  });
}

if (watch) {
  // Without a hash the launcher keys its cache by the bundle's size and time, which a rebuild changes.
  for (const b of [...builds, launcher()]) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  asciiOnly(CLI_BUNDLE);
  await esbuild.build(launcher(createHash('sha256').update(readFileSync(CLI_BUNDLE)).digest('hex')));
  writeApiDeclarations();
}

// The .minutesrc.json schema is derived from the rules. Test builds leave it alone, so the
// manifest test can catch a committed schema that no longer matches the rules.
if (!watch && !args.has('--tests')) await (await import('./gen-schema.mjs')).generate();
