/**
 * What `minutes-lint` loads, and when (issue 12: one file should start about as fast as Node).
 * The bundle leaves the pinyin dictionary, RE2JS, worker threads, crypto and child processes unloaded
 * until a run uses them (scripts/build.mjs); these runs prove each is still there when needed.
 * NODE_DEBUG=module makes Node name every module a run asks for. Then the code cache: it must
 * never change what a run says, whatever state it is in.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';
import { CLI, example, runCli } from './run';

const ON_DEMAND = ['cli-pinyin.js', 'cli-re2.js', 'node:worker_threads', 'node:crypto', 'node:child_process', 'node:fs/promises'];

function requested(stderr: string): string[] {
  return ON_DEMAND.filter((name) => stderr.includes(name));
}

describe('minutes-lint loads what a run uses, when it uses it', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-startup-'));
    writeFileSync(join(dir, '2024-03-14.md'), example('curve/2024-03-14.md'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('checks one file without the pinyin dictionary, RE2JS, worker threads, crypto or child processes', () => {
    const r = runCli(['--format', 'json', '2024-03-14.md'], dir, { env: { NODE_DEBUG: 'module' } });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(requested(r.stderr), []);
    assert.ok(JSON.parse(r.stdout).files[0].diagnostics.length > 0);
  });

  it('loads the pinyin dictionary for a Chinese name after @, and finds the person in the roster', () => {
    writeFileSync(join(dir, '2024-03-14.md'), `${example('curve/2024-03-14.md')}\n参会：@熊伟\n`);
    writeFileSync(join(dir, 'team.json'), JSON.stringify({ maintainers: [{ github: 'xiongwei', name: '熊伟' }] }));
    writeFileSync(join(dir, '.minutesrc.json'), JSON.stringify({ contributors: { sources: ['team.json'] } }));
    const r = runCli(['--format', 'json', '2024-03-14.md'], dir, { env: { NODE_DEBUG: 'module' } });
    assert.deepEqual(requested(r.stderr), ['cli-pinyin.js']);
    const diagnostics = JSON.parse(r.stdout).files[0].diagnostics as Array<{ rule: string; message: string; fixes?: unknown[] }>;
    assert.deepEqual(
      diagnostics.filter((d) => d.message.includes('internal error')),
      [],
    );
    const named = diagnostics.find((d) => d.rule === 'handle/invalid' && d.message.includes('@熊伟'));
    assert.match(JSON.stringify(named?.fixes), /Replace with @xiongwei/);
  });

  it("loads RE2JS for a team's own pattern, which never runs on JavaScript's engine", () => {
    const curve = JSON.parse(readFileSync(join(ROOT, 'server/src/core/templates/builtin/curve-biweekly.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const own = {
      ...curve,
      id: 'team',
      filename: { pattern: '^(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})[.]markdown$', example: '2024-03-14.markdown' },
    };
    writeFileSync(join(dir, 'team.json'), JSON.stringify(own));
    const r = runCli(['--format', 'json', '--template', 'team.json', '2024-03-14.md'], dir, { env: { NODE_DEBUG: 'module' } });
    assert.deepEqual(requested(r.stderr), ['cli-re2.js']);
    const rules = (JSON.parse(r.stdout).files[0].diagnostics as Array<{ rule: string }>).map((d) => d.rule);
    assert.ok(rules.includes('template/filename'), rules.join(' '));
    const builtin = runCli(['--format', 'json', '--template', 'curve-biweekly', '2024-03-14.md'], dir, { env: { NODE_DEBUG: 'module' } });
    assert.deepEqual(requested(builtin.stderr), []);
    assert.ok(!(JSON.parse(builtin.stdout).files[0].diagnostics as Array<{ rule: string }>).some((d) => d.rule === 'template/filename'));
  });

  it('reads an all-ASCII bundle, and still prints Chinese and matches Chinese', () => {
    // The launcher reads the bundle as Latin-1 (scripts/build.mjs escapes what is not ASCII).
    assert.doesNotMatch(readFileSync(join(ROOT, 'dist', 'cli-main.js'), 'latin1'), /[^\0-\x7f]/);
    writeFileSync(join(dir, '2024-03-14.md'), `${example('curve/2024-03-14.md')}\n会议密码：123456\n`);
    const r = runCli(['--format', 'json', '--lang', 'zh', '2024-03-14.md'], dir);
    const messages = (JSON.parse(r.stdout).files[0].diagnostics as Array<{ rule: string; message: string }>).map(
      (d) => `${d.rule} ${d.message}`,
    );
    assert.ok(
      messages.some((m) => m.startsWith('privacy/meeting-secret') && /密码/.test(m)),
      messages.join('\n'),
    );
  });

  it('answers --version without reading the bundle, as the bundle answers it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    // The launcher alone, without the bundle beside it.
    const alone = join(dir, 'cli.js');
    copyFileSync(CLI, alone);
    for (const flag of ['--version', '-v']) {
      const r = spawnSync(process.execPath, [alone, flag], { cwd: dir, encoding: 'utf8' });
      assert.deepEqual([r.status, r.stdout, r.stderr], [0, `${pkg.version}\n`, '']);
      assert.deepEqual(runCli([flag], dir), { code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    }
    // Anything more is the bundle's to answer.
    assert.notEqual(spawnSync(process.execPath, [alone, '--version', '--stats'], { cwd: dir }).status, 0);
    assert.deepEqual(runCli(['--version', '--stats'], dir).stdout, `${pkg.version}\n`);
  });

  it('loads worker threads for --jobs 2, crypto for --format gitlab', () => {
    // Two folders, two series: one for each thread.
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', '2024-03-28.md'), example('curve/2024-03-14.md'));
    const jobs = runCli(['--format', 'json', '--jobs', '2', '.'], dir, { env: { NODE_DEBUG: 'module' } });
    assert.equal(jobs.code, 0, jobs.stderr);
    assert.deepEqual(requested(jobs.stderr), ['node:worker_threads']);
    assert.equal(JSON.parse(jobs.stdout).files.length, 2);
    const gitlab = runCli(['--format', 'gitlab', '2024-03-14.md'], dir, { env: { NODE_DEBUG: 'module' } });
    assert.deepEqual(requested(gitlab.stderr), ['node:crypto']);
    assert.match(JSON.parse(gitlab.stdout)[0].fingerprint as string, /^[0-9a-f]{32,}$/);
  });
});

describe("minutes-lint's code cache (dist/cli.js starts the bundle from V8's cached code)", () => {
  let dir: string;
  let cacheHome: string;
  const folder = () => join(cacheHome, 'community-minutes');
  const cacheFiles = () => readdirSync(folder()).filter((name) => name.endsWith('.v8cache'));
  const check = () => runCli(['--format', 'json', '2024-03-14.md'], dir, { env: { XDG_CACHE_HOME: cacheHome } });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-startup-'));
    cacheHome = mkdtempSync(join(tmpdir(), 'minutes-cache-home-'));
    writeFileSync(join(dir, '2024-03-14.md'), example('curve/2024-03-14.md'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheHome, { recursive: true, force: true });
  });

  it('is written to the user cache folder, never beside the minutes, and the next run says the same', () => {
    const first = check();
    assert.equal(first.code, 0, first.stderr);
    assert.equal(cacheFiles().length, 1);
    assert.deepEqual(readdirSync(dir), ['2024-03-14.md']);
    const second = check();
    assert.deepEqual(second, first);
  });

  it('keeps nothing in the cache folder when MINUTES_LINT_NO_CACHE is set, and says the same', () => {
    const cached = check();
    rmSync(folder(), { recursive: true, force: true });
    const uncached = runCli(['--format', 'json', '2024-03-14.md'], dir, { env: { XDG_CACHE_HOME: cacheHome, MINUTES_LINT_NO_CACHE: '1' } });
    assert.deepEqual(uncached, cached);
    assert.deepEqual(readdirSync(cacheHome), []);
  });

  it('ignores and rewrites a damaged cache file instead of crashing Node', () => {
    const first = check();
    const file = join(folder(), cacheFiles()[0]);
    const bytes = readFileSync(file);
    // Past the key and checksum, in V8's own data: V8 alone would not notice.
    for (let i = bytes.length >> 1; i < (bytes.length >> 1) + 2000; i++) bytes[i] ^= 0x5a;
    writeFileSync(file, bytes);
    assert.deepEqual(check(), first);
    assert.notDeepEqual(readFileSync(file), bytes);
    writeFileSync(file, bytes.subarray(0, 100));
    assert.deepEqual(check(), first);
    assert.ok(readFileSync(file).length > 100);
  });

  it('runs as usual when the cache folder cannot be written', () => {
    const first = check();
    rmSync(cacheHome, { recursive: true, force: true });
    writeFileSync(cacheHome, 'a file where the cache folder would go');
    assert.deepEqual(check(), first);
  });
});

describe('minutes-lint keeps the trees and profiles of a series between runs (user cache folder)', () => {
  let dir: string;
  let cacheHome: string;
  const names = ['2024-02-29.md', '2024-03-14.md', '2024-03-28.md'];
  const texts = [
    example('curve/2024-03-14.md').replace('示例', '二月'),
    example('curve/2024-03-14.md'),
    example('curve/2024-03-14.md').replace('示例', '三月底'),
  ];
  const check = (home = cacheHome) => runCli(['--format', 'json', '2024-03-28.md'], dir, { env: { XDG_CACHE_HOME: home } });
  /** The bundle run directly: no launcher, so no bundle hash and no cache of trees. */
  const uncached = () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli-main.js'), '--format', 'json', '2024-03-28.md'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cacheHome },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const entries = () => {
    const base = join(cacheHome, 'community-minutes');
    if (!existsSync(base)) return [];
    return readdirSync(base)
      .filter((name) => name.startsWith('trees-'))
      .flatMap((name) => readdirSync(join(base, name)).map((entry) => join(base, name, entry)));
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-series-cache-'));
    cacheHome = mkdtempSync(join(tmpdir(), 'minutes-cache-home-'));
    names.forEach((name, i) => writeFileSync(join(dir, name), texts[i]));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheHome, { recursive: true, force: true });
  });

  it('says the same cold, warm and without the cache, and reads a changed sibling anew', () => {
    const plain = uncached();
    assert.equal(plain.code, 0, plain.stderr);
    assert.deepEqual(entries(), [], 'the bundle alone keeps nothing');
    assert.deepEqual(check(), plain);
    // A tree and a profile for each of the three files.
    assert.equal(entries().length, 6);
    assert.deepEqual(readdirSync(dir).sort(), names);
    assert.deepEqual(check(), plain);
    // A sibling changes: its old entries are not used (a fresh home says what is right).
    writeFileSync(join(dir, '2024-03-14.md'), texts[1].replace('近期工作', '本期工作'));
    const freshHome = mkdtempSync(join(tmpdir(), 'minutes-cache-home-'));
    const fresh = check(freshHome);
    rmSync(freshHome, { recursive: true, force: true });
    assert.deepEqual(check(), fresh);
    assert.equal(entries().length, 8);
  });

  it("never trusts an entry whose text is not the file's, even under the file's name", () => {
    const first = check();
    // Every entry copied over every other: each name now holds another text's tree or profile.
    const all = entries();
    const bytes = all.map((file) => readFileSync(file));
    all.forEach((file, i) => writeFileSync(file, bytes[(i + 1) % bytes.length]));
    assert.deepEqual(check(), first);
    // Damaged in place: the run parses again and says the same.
    for (const file of entries()) {
      const damaged = readFileSync(file);
      damaged[damaged.length >> 1] ^= 0x20;
      writeFileSync(file, damaged);
    }
    assert.deepEqual(check(), first);
  });
});
