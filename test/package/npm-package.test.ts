/**
 * The npm package as a user gets it: `npm pack`, installed offline with an empty npm cache
 * into an empty folder (so it needs nothing from the registry), then used through `npx
 * minutes-lint`, `require`, `import`, TypeScript and the `minutes-language-server` command.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ROOT } from '../helpers';

describe('the npm package (npm pack, installed offline into an empty folder)', function () {
  this.timeout(180000);
  let work: string;
  let app: string;
  // npm must not find anything it could fetch: an empty cache, offline, no user config.
  const env = () => ({
    ...process.env,
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_offline: 'true',
    npm_config_userconfig: join(work, 'npmrc'),
    npm_config_update_notifier: 'false',
    NO_COLOR: '1',
  });
  const npm = (args: string[], cwd: string) =>
    execFileSync('npm', args, { cwd, env: env(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'minutes-npm-'));
    app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(work, 'npmrc'), '');
    // dist/ is built by the test build; --ignore-scripts keeps prepack from building it again.
    npm(['pack', '--ignore-scripts', '--pack-destination', work], ROOT);
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack made a tarball');
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    npm(['install', '--no-audit', '--no-fund', join(work, tarball)], app);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('holds the bundles, the declarations and the schemas, and no sources or source maps', () => {
    const installed = join(app, 'node_modules', 'community-minutes');
    const list = (dir: string): string[] =>
      readdirSync(join(installed, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? list(join(dir, e.name)) : [join(dir, e.name)],
      );
    const files = list('.').sort();
    for (const wanted of [
      'dist/cli.js',
      'dist/cli-main.js',
      'dist/cli-pinyin.js',
      'dist/cli-re2.js',
      'dist/server.js',
      'dist/server-core.js',
      'dist/api.js',
      'dist/api/index.d.ts',
      'dist/api/types.d.ts',
      'schemas/minutesrc.schema.json',
      'package.json',
      'README.md',
      'LICENSE',
    ]) {
      assert.ok(files.includes(wanted), `${wanted} is in the package`);
    }
    assert.deepEqual(
      files.filter((f) => /\.(?:ts|map)$/.test(f) && !f.endsWith('.d.ts')),
      [],
    );
    assert.ok(!files.some((f) => f.startsWith('server/') || f.startsWith('test/') || f.startsWith('node_modules/')));
  });

  it('runs `npx minutes-lint` on a copied folder of minutes', () => {
    cpSync(join(ROOT, 'examples'), join(app, 'examples'), { recursive: true });
    const r = spawnSync('npx', ['--offline', 'minutes-lint', 'examples'], { cwd: app, env: env(), encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^examples\/curve\/2024-03-14\.md {2}\(template: curve-biweekly/m);
    assert.match(r.stdout, /^examples\/openeuler-tc\/20240306_minutes\.txt {2}\(template: openeuler-tc/m);
    assert.match(r.stdout, /^4 files, \d+ problems \(3 errors,/m);
  });

  it('is a Node API for require and import: lint, resolveConfig, builtinTemplates', () => {
    mkdirSync(join(app, 'team'), { recursive: true });
    writeFileSync(join(app, 'team', '.minutesrc.json'), '{ "template": "curve-biweekly", "rules": { "link/spaced-syntax": "error" } }');
    const script = `
      const { lint, resolveConfig, builtinTemplates } = require('community-minutes');
      const fs = require('node:fs');
      (async () => {
        const text = fs.readFileSync('examples/curve/2024-03-14.md', 'utf8');
        const report = await lint({ path: 'team/2024-03-14.md', text });
        const fixed = await lint({ path: 'team/2024-03-14.md', text, fix: true });
        const config = resolveConfig('team/2024-03-14.md');
        console.log(JSON.stringify({
          template: report.template,
          spaced: report.diagnostics.filter((d) => d.rule === 'link/spaced-syntax').map((d) => [d.severity, d.line]),
          fixedSpaced: fixed.output.includes('[快照清理修复](https://github.com/opencurve/curve/pull/3107)'),
          configTemplate: config.template,
          ids: builtinTemplates().map((t) => t.id),
        }));
      })();`;
    const cjs = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: app, encoding: 'utf8' })) as Record<string, unknown>;
    assert.deepEqual(cjs, {
      template: 'curve-biweekly',
      spaced: [['error', 16]],
      fixedSpaced: true,
      configTemplate: 'curve-biweekly',
      ids: ['curve-biweekly', 'openeuler-tc', 'lctt-article', 'osh-group-meeting', 'generic'],
    });
    writeFileSync(
      join(app, 'esm.mjs'),
      `
      import { lint } from 'community-minutes';
      const report = await lint({ path: 'examples/curve/2024-03-14.md' });
      console.log(report.diagnostics.find((d) => d.rule === 'link/spaced-syntax').line);`,
    );
    assert.equal(execFileSync(process.execPath, ['esm.mjs'], { cwd: app, encoding: 'utf8' }).trim(), '16');
  });

  it('ships declarations TypeScript checks user code against (a wrong call does not compile)', () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const options = [
      '--noEmit',
      '--strict',
      '--module',
      'node16',
      '--moduleResolution',
      'node16',
      '--target',
      'es2022',
      '--types',
      'node',
      '--typeRoots',
      join(ROOT, 'node_modules', '@types'),
    ];
    writeFileSync(
      join(app, 'good.mts'),
      `
      import { lint, resolveConfig, builtinTemplates, type LintReport, type Severity } from 'community-minutes';
      const report: LintReport = await lint({ path: 'x.md', text: '# x', lang: 'zh' });
      const severities: Severity[] = report.diagnostics.map((d) => d.severity);
      const firstEdit: number | undefined = report.diagnostics[0]?.fixes[0]?.edits[0]?.endColumn;
      const templateIds: string[] = builtinTemplates().map((t) => t.id);
      const configPath: string | undefined = resolveConfig('x.md').path;
      console.log(severities, firstEdit, templateIds, configPath);`,
    );
    const good = spawnSync(process.execPath, [tsc, ...options, 'good.mts'], { cwd: app, encoding: 'utf8' });
    assert.equal(good.status, 0, good.stdout + good.stderr);
    writeFileSync(
      join(app, 'bad.mts'),
      `
      import { lint } from 'community-minutes';
      const report = await lint({ path: 42 });
      const line: string = report.diagnostics[0].line;
      console.log(line);`,
    );
    const bad = spawnSync(process.execPath, [tsc, ...options, 'bad.mts'], { cwd: app, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stdout, /bad\.mts\(3,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
    assert.match(bad.stdout, /bad\.mts\(4,13\): error TS2322: Type 'number' is not assignable to type 'string'/);
  });

  it('installs minutes-language-server, which answers initialize over stdio', async () => {
    const bin = join(app, 'node_modules', '.bin', 'minutes-language-server');
    const child = spawn(bin, ['--stdio'], { cwd: app, stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      const result = await connection.sendRequest<{ serverInfo?: { name: string } }>('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
      });
      assert.equal(result.serverInfo?.name, 'community-minutes');
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
