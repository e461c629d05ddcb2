import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeForgeApi, githubIssue, githubPull, LOOPBACK_GUARD } from '../fixtures/links/fake-api';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const TOKEN = 'ghp_test_token_never_printed';

// Asynchronous: the fake API lives in this process and must answer while the CLI runs.
function run(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', join(cwd, 'loopback-guard.cjs'), CLI, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', GITHUB_TOKEN: TOKEN, MINUTES_LINT_CACHE: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const MINUTES = `## 加入会议

会议号：000-0000-0000

## 时间

2024/03/14 19:00~20:00

## 会议内容

### 一、近期工作

- [本地快照](https://github.com/opencurve/curve/pull/2409) @alice
- [快照清理修复](https://github.com/opencurve/curve/pull/2300) @bob
- [热升级](https://github.com/opencurve/curve/pull/24090) @carol
- [慢查询](https://github.com/opencurve/curve/pull/5555) @eve
- 企业版 [审计日志](https://git.example.com/storage/curve-ee/pull/12)
- 社区同步 [SIG 信息](https://gitee.com/openeuler/community/pulls/4570)

### 二、开源社区

- 无

### 三、答疑 & 交流

- 无
`;

interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  line: number;
}

const onlineFindings = (stdout: string): string[] =>
  (JSON.parse(stdout).files[0].diagnostics as JsonDiagnostic[])
    .filter((d) => d.rule === 'link/not-found' || d.rule === 'link/kind-mismatch')
    .map((d) => `${d.rule}:${d.line}:${d.severity}`);

describe('minutes-lint --online against local API servers', () => {
  let dir: string;
  let github: FakeForgeApi;
  let gitee: FakeForgeApi;
  let enterprise: FakeForgeApi;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-online-'));
    github = await FakeForgeApi.start({
      '/repos/opencurve/curve/issues/2409': { status: 200, json: githubPull(2409, 'Local snapshot', 'alice'), etag: '"pr-2409"' },
      '/repos/opencurve/curve/issues/2300': { status: 200, json: githubIssue(2300, 'Snapshot files are left behind', 'bob') },
      '/repos/opencurve/curve/issues/5555': { status: 200, json: githubPull(5555, 'Slow', 'eve'), delayMs: 3000 },
    });
    gitee = await FakeForgeApi.start({
      '/api/v5/repos/openeuler/community/pulls/4570': {
        status: 200,
        json: { number: 4570, title: 'SIG', state: 'merged', user: { login: 'myeuler' } },
      },
    });
    enterprise = await FakeForgeApi.start({
      '/api/v3/repos/storage/curve-ee/issues/12': {
        status: 403,
        headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 3600) },
      },
    });
    // Every forge the minutes link to is answered locally; the guard refuses anything else. The
    // repository names the servers (a wish); the runs confirm them with --api, as a user would.
    writeFileSync(join(dir, '.minutesrc.json'), JSON.stringify({ links: { api: apis() } }));
    writeFileSync(join(dir, 'loopback-guard.cjs'), LOOPBACK_GUARD);
    mkdirSync(join(dir, 'curve', '2024'), { recursive: true });
    writeFileSync(join(dir, 'curve', '2024', '2024-03-14.md'), MINUTES);
  });

  afterEach(async () => {
    await Promise.all([github, gitee, enterprise].map((a) => a?.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  const requests = () => [...github.requests, ...gitee.requests, ...enterprise.requests];
  const apis = (): Record<string, string> => ({
    'github.com': github.url,
    'gitee.com': `${gitee.url}/api/v5`,
    'git.example.com': `${enterprise.url}/api/v3`,
  });
  const confirm = () => Object.entries(apis()).flatMap(([host, url]) => ['--api', `${host}=${url}`]);

  it('reports what the API says, on the right lines, caches it, and revalidates with the ETag', async () => {
    const file = join('curve', '2024', '2024-03-14.md');
    const first = await run(['--online', ...confirm(), '--timeout', '1', '--format', 'json', file], dir);
    assert.equal(first.code, 1, first.stderr);
    assert.deepEqual(onlineFindings(first.stdout), [
      'link/kind-mismatch:14:warning',
      'link/not-found:15:error',
      'link/not-found:16:info',
      'link/not-found:17:info',
    ]);
    const messages = (JSON.parse(first.stdout).files[0].diagnostics as JsonDiagnostic[]).map((d) => d.message).join('\n');
    assert.match(messages, /did not answer in time/);
    assert.match(messages, /limits requests until/);
    assert.doesNotMatch(first.stderr, /NON-LOOPBACK/);
    assert.ok(!`${first.stdout}${first.stderr}`.includes(TOKEN), 'the token is never printed');
    assert.ok(
      requests().every((r) => r.headers.authorization === undefined),
      'no token to a URL from links.api',
    );
    assert.deepEqual(github.paths.sort(), [
      '/repos/opencurve/curve/issues/2300',
      '/repos/opencurve/curve/issues/2409',
      '/repos/opencurve/curve/issues/24090',
      '/repos/opencurve/curve/issues/5555',
    ]);
    assert.deepEqual(gitee.paths, ['/api/v5/repos/openeuler/community/pulls/4570']);
    assert.deepEqual(enterprise.paths, ['/api/v3/repos/storage/curve-ee/issues/12']);

    const cacheFile = join(dir, '.cache', 'minutes-lint', 'links.json');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    const states = Object.entries(cache.entries)
      .map(([key, e]: [string, any]) => `${key.replace(/^.*?\|/, '')}=${e.status.state}`)
      .sort();
    assert.deepEqual(
      states,
      [
        'opencurve/curve|item|2300=found',
        'opencurve/curve|item|2409=found',
        'opencurve/curve|item|24090=not-found',
        'openeuler/community|pull|4570=found',
      ].sort(),
    );
    assert.deepEqual(Object.keys(cache.blocked), [enterprise.url], 'the rate limit outlives the run');

    // Second run, with the servers confirmed in the environment: fresh answers come from the
    // cache; only the look-up that timed out is asked again, and the limited host not at all.
    const before = [github, gitee, enterprise].map((a) => a.requests.length);
    const env = {
      MINUTES_LINT_API: Object.entries(apis())
        .map(([host, url]) => `${host}=${url}`)
        .join(','),
    };
    const second = await run(['--online', '--timeout', '1', '--format', 'json', file], dir, env);
    assert.deepEqual(onlineFindings(second.stdout), onlineFindings(first.stdout));
    const asked = [github, gitee, enterprise].flatMap((a, i) => a.requests.slice(before[i]).map((r) => r.path));
    assert.deepEqual(asked, ['/repos/opencurve/curve/issues/5555']);

    // A stale answer is asked again with its ETag; the 304 keeps it.
    const aged = JSON.parse(readFileSync(cacheFile, 'utf8'));
    for (const entry of Object.values<{ checkedAt: number }>(aged.entries)) entry.checkedAt -= 3 * 24 * 3600_000;
    writeFileSync(cacheFile, JSON.stringify(aged));
    const third = await run(['--online', ...confirm(), '--timeout', '1', '--format', 'json', file], dir);
    assert.deepEqual(onlineFindings(third.stdout), onlineFindings(first.stdout));
    const revalidated = github.requests.filter((r) => r.path.endsWith('/2409')).at(-1)!;
    assert.equal(revalidated.headers['if-none-match'], '"pr-2409"');
    assert.equal(revalidated.status, 304);
  });

  it('keeps the cache where --cache says, and asks nothing without --online', async () => {
    const file = join('curve', '2024', '2024-03-14.md');
    const offline = await run(['--format', 'json', file], dir);
    assert.deepEqual(onlineFindings(offline.stdout), []);
    assert.equal(requests().length, 0);
    assert.ok(!existsSync(join(dir, '.cache')), 'an offline run writes no cache');

    const online = await run(['--online', ...confirm(), '--timeout', '1', '--cache', 'ci-cache/links.json', file], dir);
    assert.match(online.stdout, /opencurve\/curve#24090 does not exist on github\.com/);
    assert.ok(existsSync(join(dir, 'ci-cache', 'links.json')));
    assert.ok(!existsSync(join(dir, '.cache')));
  });

  it('a repository that sets links.online and links.api makes a run without --online ask nothing, and is told so once', async () => {
    writeFileSync(join(dir, '.minutesrc.json'), `{\n  "links": {\n    "online": true,\n    "api": ${JSON.stringify(apis())}\n  }\n}\n`);
    writeFileSync(join(dir, 'curve', '2024', '2024-03-15.md'), MINUTES);
    const r = await run(['--format', 'json', 'curve'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).files.flatMap((f: { diagnostics: JsonDiagnostic[] }) =>
        f.diagnostics.filter((d) => d.rule === 'link/not-found' || d.rule === 'link/kind-mismatch'),
      ),
      [],
    );
    assert.deepEqual(requests(), [], 'no request to any address the repository named');
    const notes = r.stderr.trim().split('\n');
    assert.equal(notes.length, 4, r.stderr);
    assert.match(notes[0], /^minutes-lint: note: .*\.minutesrc\.json:3:15: "links\.online" is a wish of the repository, not a switch/);
    assert.match(
      notes[1],
      /\.minutesrc\.json:4:\d+: "links\.api": github\.com → http:\/\/127\.0\.0\.1:\d+ is not asked until you confirm it \(minutes-lint --api github\.com=/,
    );

    // --online with only github.com confirmed: the other servers the repository named stay unasked.
    const partly = await run(['--online', '--api', `github.com=${github.url}`, '--timeout', '1', '--format', 'json', 'curve'], dir);
    assert.ok(github.requests.length > 0);
    assert.deepEqual([...gitee.requests, ...enterprise.requests], []);
    assert.doesNotMatch(partly.stderr, /links\.online/);
    assert.match(partly.stderr, /"links\.api": gitee\.com/);
    assert.doesNotMatch(partly.stderr, /"links\.api": github\.com/);
  });

  it('--api needs HOST=URL with an http(s) URL; a malformed MINUTES_LINT_API is a usage error', async () => {
    const bad = await run(['--api', 'github.com', 'curve'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--api needs HOST=URL/);
    const env = await run(['curve'], dir, { MINUTES_LINT_API: 'github.com=file:///etc/passwd' });
    assert.equal(env.code, 2);
    assert.match(env.stderr, /MINUTES_LINT_API must be HOST=URL pairs/);
  });
});
