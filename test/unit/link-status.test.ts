import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedConfig } from '../../server/src/core/config/types';
import type { ForgeTarget, LinkStatus } from '../../server/src/core/links/types';
import { fileCacheStore } from '../../server/src/online/fileStore';
import { LinkCache, OnlineLinkStatus, type OnlineLinkStatusOptions } from '../../server/src/online/linkStatus';
import { FakeForgeApi, githubIssue, githubPull, loopbackFetch } from '../fixtures/links/fake-api';
import { applyRuleFixes, lineOf, lintText, only } from '../helpers';

const curve = (id: string, kind: ForgeTarget['kind'] = 'pull'): ForgeTarget => ({
  forge: 'github',
  host: 'github.com',
  owner: 'opencurve',
  repo: 'curve',
  kind,
  id,
});
const issuePath = (n: number | string) => `/repos/opencurve/curve/issues/${n}`;
const HOUR = 3600_000;

/** A service on the fake API that cannot reach anything else. */
const service = (options: OnlineLinkStatusOptions = {}) => new OnlineLinkStatus({ fetch: loopbackFetch, timeoutMs: 1000, ...options });

describe('online link look-ups (node)', () => {
  let api: FakeForgeApi;
  afterEach(async () => api?.close());

  it('tells a pull request from an issue, with its title, state and author', async () => {
    api = await FakeForgeApi.start({
      [issuePath(2409)]: { status: 200, json: githubPull(2409, 'Local snapshot', 'alice') },
      [issuePath(2300)]: { status: 200, json: githubIssue(2300, 'Snapshot leaks', 'bob') },
      [issuePath(2410)]: { status: 200, json: githubPull(2410, 'Draft cleanup', 'carol', 'open') },
    });
    const links = service({ token: 'not-for-you' });
    const [pull, issue, open] = await Promise.all([
      links.lookup(curve('2409'), api.url),
      links.lookup(curve('2300'), api.url),
      links.lookup(curve('2410'), api.url),
    ]);
    assert.deepEqual(
      { ...pull, checkedAt: undefined },
      { state: 'found', kind: 'pull', title: 'Local snapshot', author: 'alice', status: 'merged', checkedAt: undefined },
    );
    assert.equal(issue.kind, 'issue');
    assert.equal(issue.status, 'open');
    assert.equal(open.status, 'open');
    assert.deepEqual(api.paths.sort(), [issuePath(2300), issuePath(2409), issuePath(2410)]);
    const headers = api.requests[0].headers;
    assert.equal(headers.accept, 'application/vnd.github+json');
    assert.equal(headers['user-agent'], 'community-minutes');
    assert.equal(headers.authorization, undefined, 'a token goes to api.github.com only');
  });

  it('reads 404 and 410 as not found, and follows a 301 to where the item moved', async () => {
    api = await FakeForgeApi.start({
      [issuePath(1999)]: { status: 410, json: { message: 'This issue was deleted' } },
      [issuePath(777)]: { status: 301, headers: { Location: '/repositories/42/issues/7' } },
      '/repositories/42/issues/7': {
        status: 200,
        json: { ...(githubIssue(7, 'Deploy fails', 'dave') as object), html_url: 'https://github.com/opencurve/curveadm/issues/7' },
      },
    });
    const links = service();
    assert.equal((await links.lookup(curve('99999'), api.url)).state, 'not-found');
    assert.equal((await links.lookup(curve('1999', 'issue'), api.url)).state, 'not-found');
    const moved = await links.lookup(curve('777', 'issue'), api.url);
    assert.equal(moved.state, 'moved');
    assert.equal(moved.movedTo, 'https://github.com/opencurve/curveadm/issues/7');
    assert.equal(moved.title, 'Deploy fails');
  });

  it('asks again with If-None-Match once an answer is stale, and keeps it on 304', async () => {
    api = await FakeForgeApi.start({
      [issuePath(2409)]: { status: 200, json: githubPull(2409, 'Local snapshot', 'alice'), etag: 'W/"pr-2409"' },
    });
    let now = Date.UTC(2024, 2, 14, 10);
    const links = service({ now: () => now });
    const first = await links.lookup(curve('2409'), api.url);
    now += 5 * 60_000;
    await links.lookup(curve('2409'), api.url);
    assert.equal(api.requests.length, 1, 'a fresh answer is not asked again');
    now += 3 * 24 * HOUR;
    const again = await links.lookup(curve('2409'), api.url);
    assert.deepEqual(
      api.requests.map((r) => [r.headers['if-none-match'], r.status]),
      [
        [undefined, 200],
        ['W/"pr-2409"', 304],
      ],
    );
    assert.equal(again.title, first.title);
    assert.equal(again.status, 'merged');
    assert.equal(again.checkedAt, now, 'the 304 renews the answer');
  });

  it('stops asking a host that answered 403 with X-RateLimit-Reset until then; its links are unverified', async () => {
    let now = Date.UTC(2024, 2, 14, 10);
    const reset = Math.floor(now / 1000) + 1800;
    const limited = {
      status: 403,
      json: { message: 'API rate limit exceeded' },
      headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) },
    };
    api = await FakeForgeApi.start({ [issuePath(1)]: limited, [issuePath(2)]: { status: 200, json: githubPull(2, 'Two', 'bob') } });
    const links = service({ now: () => now });
    const first = await links.lookup(curve('1'), api.url);
    assert.deepEqual(first, { state: 'unverified', reason: 'rate-limited', retryAt: reset * 1000 });
    const second = await links.lookup(curve('2'), api.url);
    assert.equal(second.state, 'unverified');
    assert.equal(api.requests.length, 1, 'no request before the reset');
    now = reset * 1000 + 1;
    assert.equal((await links.lookup(curve('2'), api.url)).state, 'found');
    assert.equal(api.requests.length, 2);
  });

  it('asks a rate-limited host again after a sign-in (tokenChanged), and a failed item not at once', async () => {
    const now = Date.UTC(2024, 2, 14, 10);
    api = await FakeForgeApi.start({
      [issuePath(4)]: { status: 429, headers: { 'Retry-After': '3600' } },
      [issuePath(6)]: { status: 502 },
    });
    const links = service({ now: () => now });
    assert.equal((await links.lookup(curve('6'), api.url)).reason, 'http-502');
    assert.equal((await links.lookup(curve('6'), api.url)).reason, 'http-502');
    assert.equal(api.requests.length, 1, 'a failure is not retried within the minute');
    assert.equal((await links.lookup(curve('4'), api.url)).reason, 'rate-limited');
    assert.equal((await links.lookup(curve('5'), api.url)).reason, 'rate-limited');
    assert.equal(api.requests.length, 2);
    links.tokenChanged();
    await links.lookup(curve('5'), api.url);
    assert.deepEqual(api.paths, [issuePath(6), issuePath(4), issuePath(5)]);
  });

  it('honours Retry-After (seconds) on a 429', async () => {
    const now = Date.UTC(2024, 2, 14, 10);
    api = await FakeForgeApi.start({ [issuePath(3)]: { status: 429, headers: { 'Retry-After': '120' } } });
    const status = await service({ now: () => now }).lookup(curve('3'), api.url);
    assert.equal(status.reason, 'rate-limited');
    assert.equal(status.retryAt, now + 120_000);
  });

  it('gives up on a slow answer after the timeout: unverified, not broken', async () => {
    api = await FakeForgeApi.start({ [issuePath(5555)]: { status: 200, json: githubPull(5555, 'Slow', 'eve'), delayMs: 3000 } });
    const started = Date.now();
    const status = await service({ timeoutMs: 150 }).lookup(curve('5555'), api.url);
    assert.deepEqual(status, { state: 'unverified', reason: 'timeout' });
    assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
  });

  it('keeps at most `concurrency` requests in flight, and asks once per item', async () => {
    const routes = Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [issuePath(100 + i), { status: 200, json: githubPull(100 + i, `PR ${i}`, 'bob'), delayMs: 40 }]),
    );
    api = await FakeForgeApi.start(routes);
    const links = service({ concurrency: 3 });
    const ids = Array.from({ length: 9 }, (_, i) => String(100 + i));
    const statuses = await Promise.all([...ids, ...ids].map((id) => links.lookup(curve(id), api.url)));
    assert.ok(statuses.every((s) => s.state === 'found'));
    assert.equal(api.requests.length, 9, 'the same item is asked once');
    assert.equal(api.maxInFlight, 3);
  });

  it('saves answers to a cache file that the next run uses without asking', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minutes-links-'));
    try {
      api = await FakeForgeApi.start({
        [issuePath(2409)]: { status: 200, json: githubPull(2409, 'Local snapshot', 'alice'), etag: '"e"' },
      });
      const file = join(dir, 'nested', 'links.json');
      const first = service({ cache: LinkCache.open(fileCacheStore(file)) });
      await first.lookup(curve('2409'), api.url);
      await first.lookup(curve('9'), api.url);
      first.save();
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      assert.equal(saved.version, 1);
      assert.deepEqual(
        Object.values(saved.entries).map((e: any) => [e.status.state, e.etag]),
        [
          ['found', '"e"'],
          ['not-found', undefined],
        ],
      );

      const offline: typeof fetch = () => Promise.reject(new Error('the cache should have answered'));
      const next = new OnlineLinkStatus({ cache: LinkCache.open(fileCacheStore(file)), fetch: offline });
      assert.equal((await next.lookup(curve('2409'), api.url)).title, 'Local snapshot');
      assert.equal((await next.lookup(curve('9'), api.url)).state, 'not-found');
      assert.equal(next.cached(curve('2409'), api.url)?.status, 'merged');
      assert.equal(api.requests.length, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends a GitHub token to https://api.github.com and nowhere else', async () => {
    const seen: Array<[string, string | undefined]> = [];
    const recording: typeof fetch = async (input, init) => {
      seen.push([input instanceof Request ? input.url : String(input), new Headers(init?.headers).get('authorization') ?? undefined]);
      return new Response(JSON.stringify(githubPull(1, 'One', 'bob')), { status: 200 });
    };
    const links = new OnlineLinkStatus({ token: () => 'ghp_example', fetch: recording });
    await links.lookup(curve('1'), 'https://api.github.com');
    await links.lookup(curve('1'), 'https://github.example.com/api/v3');
    assert.deepEqual(seen, [
      ['https://api.github.com/repos/opencurve/curve/issues/1', 'Bearer ghp_example'],
      ['https://github.example.com/api/v3/repos/opencurve/curve/issues/1', undefined],
    ]);
  });

  it('asks Gitee for pulls and issues at their own endpoints', async () => {
    api = await FakeForgeApi.start({
      '/api/v5/repos/openeuler/community/pulls/4570': {
        status: 200,
        json: { number: 4570, title: '更新 SIG 信息', state: 'merged', user: { login: 'myeuler' } },
      },
      '/api/v5/repos/openeuler/community/issues/I6ABCD': {
        status: 200,
        json: { number: 'I6ABCD', title: '会议纪要归档', state: 'progressing', user: { login: 'tc-bot' } },
      },
    });
    const gitee = (kind: 'pull' | 'issue', id: string): ForgeTarget => ({
      forge: 'gitee',
      host: 'gitee.com',
      owner: 'openeuler',
      repo: 'community',
      kind,
      id,
    });
    const links = service();
    const pull = await links.lookup(gitee('pull', '4570'), `${api.url}/api/v5`);
    const issue = await links.lookup(gitee('issue', 'I6ABCD'), `${api.url}/api/v5`);
    assert.deepEqual([pull.kind, pull.status, pull.author], ['pull', 'merged', 'myeuler']);
    assert.deepEqual([issue.kind, issue.status, issue.title], ['issue', 'open', '会议纪要归档']);
    assert.equal(api.requests[0].headers.accept, 'application/json');
  });
});

// Minutes whose links cover every answer the API can give; all forges point at local servers.
const MINUTES = `## 时间

2024/03/14 19:00~20:00

## 会议内容

### 一、近期工作

#### Curve块存储

- [本地快照](https://github.com/opencurve/curve/pull/2409) @alice
- [快照清理修复](https://github.com/opencurve/curve/pull/2300) @bob
- [热升级](https://github.com/opencurve/curve/pull/24090) @carol
- [部署问题](https://github.com/opencurve/curve/issues/777) @dave
- [慢查询](https://github.com/opencurve/curve/pull/5555) @eve
- 企业版：[审计日志](https://git.example.com/storage/curve-ee/pull/12)、[配额](https://git.example.com/storage/curve-ee/pull/13)
- 相关讨论 opencurve/curve#2409，社区同步 [SIG 信息](https://gitee.com/openeuler/community/pulls/4570)、[归档](https://gitee.com/openeuler/community/pulls/4571)
`;

describe('online link rules with the node service', () => {
  let github: FakeForgeApi;
  let gitee: FakeForgeApi;
  let enterprise: FakeForgeApi;
  before(async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    github = await FakeForgeApi.start({
      [issuePath(2409)]: { status: 200, json: githubPull(2409, 'Local snapshot', 'alice'), etag: '"2409"' },
      [issuePath(2300)]: { status: 200, json: githubIssue(2300, 'Snapshot files are left behind', 'bob') },
      [issuePath(777)]: { status: 301, headers: { Location: '/repositories/42/issues/7' } },
      '/repositories/42/issues/7': {
        status: 200,
        json: { ...(githubIssue(7, 'Deploy fails', 'dave') as object), html_url: 'https://github.com/opencurve/curveadm/issues/7' },
      },
      [issuePath(5555)]: { status: 200, json: githubPull(5555, 'Slow', 'eve'), delayMs: 2000 },
    });
    gitee = await FakeForgeApi.start({
      '/api/v5/repos/openeuler/community/pulls/4570': {
        status: 200,
        json: { number: 4570, title: 'SIG', state: 'open', user: { login: 'myeuler' } },
      },
    });
    const limited = { status: 403, headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset } };
    enterprise = await FakeForgeApi.start({
      '/api/v3/repos/storage/curve-ee/issues/12': limited,
      '/api/v3/repos/storage/curve-ee/issues/13': limited,
    });
  });
  after(async () => {
    await Promise.all([github, gitee, enterprise].map((a) => a?.close()));
  });

  const apis = () => ({ 'github.com': github.url, 'gitee.com': `${gitee.url}/api/v5`, 'git.example.com': `${enterprise.url}/api/v3` });
  const config = (): ResolvedConfig => ({ config: { links: { online: true, api: apis() } }, problems: [] });
  /** The hosts' way of linting online: the user turned it on and confirmed these API servers. */
  const lintOnline = (text: string, resolved: ResolvedConfig, linkStatus: OnlineLinkStatus) =>
    lintText(text, 'curve/2024/2024-03-14.md', {
      template: 'curve-biweekly',
      config: resolved,
      services: { linkStatus },
      online: true,
      confirmedApi: apis(),
    });

  it('reports the missing PR, the issue linked as a PR, the move, and what could not be verified — on their lines', async () => {
    const linkStatus = service({ timeoutMs: 200 });
    const result = await lintOnline(MINUTES, config(), linkStatus);
    const online = result.diagnostics.filter((d) => d.rule === 'link/not-found' || d.rule === 'link/kind-mismatch');
    assert.deepEqual(
      online.map((d) => `${d.rule}:${lineOf(result, d)}:${d.severity}`),
      [
        'link/kind-mismatch:12:warning',
        'link/not-found:13:error',
        'link/not-found:14:info',
        'link/not-found:15:info',
        'link/not-found:16:info',
        'link/not-found:17:error',
      ],
    );
    const [mismatch, missing, moved, slow, limited, gone] = online;
    assert.match(mismatch.message, /opencurve\/curve#2300 is an issue \("Snapshot files are left behind"\)/);
    assert.match(missing.message, /opencurve\/curve#24090 does not exist on github\.com/);
    assert.match(moved.message, /moved to https:\/\/github\.com\/opencurve\/curveadm\/issues\/7/);
    assert.match(slow.message, /did not answer in time/);
    assert.match(limited.message, /^2 PR\/issue link\(s\) could not be verified: 127\.0\.0\.1:\d+ limits requests until \d\d:\d\d/);
    assert.match(gone.message, /openeuler\/community#4571 does not exist on gitee\.com/);

    // Every request went to the local servers, each item once (the shorthand shares #2409's answer).
    assert.deepEqual(
      github.paths.sort(),
      [issuePath(2300), issuePath(2409), issuePath(24090), issuePath(5555), issuePath(777), '/repositories/42/issues/7'].sort(),
    );
    assert.deepEqual(gitee.paths.sort(), ['/api/v5/repos/openeuler/community/pulls/4570', '/api/v5/repos/openeuler/community/pulls/4571']);
    assert.ok(
      enterprise.paths.length >= 1 && enterprise.paths.every((p) => /^\/api\/v3\/repos\/storage\/curve-ee\/issues\/1[23]$/.test(p)),
      enterprise.paths.join(),
    );
    // Once limited, the host is not asked again before its reset.
    const asked = enterprise.requests.length;
    await lintOnline(MINUTES, config(), linkStatus);
    assert.equal(enterprise.requests.length, asked);

    // The kind-mismatch fix rewrites the URL; the forge then agrees with it.
    const fixed = applyRuleFixes(MINUTES, result.diagnostics, 'link/kind-mismatch');
    assert.match(fixed, /\[快照清理修复\]\(https:\/\/github\.com\/opencurve\/curve\/issues\/2300\)/);
    const again = await lintOnline(fixed, config(), linkStatus);
    assert.deepEqual(only(again.diagnostics, 'link/kind-mismatch'), []);
  });

  it('an unverified link stays information even when the rule is configured as an error, and offline runs ask nothing', async () => {
    const before = github.requests.length + gitee.requests.length + enterprise.requests.length;
    const strict = config();
    strict.config.rules = { 'link/not-found': 'error' };
    const result = await lintOnline(MINUTES, strict, service({ timeoutMs: 100 }));
    const notes = only(result.diagnostics, 'link/not-found').filter((d) => /could not be verified/.test(d.message));
    assert.ok(notes.length >= 2);
    assert.ok(
      notes.every((d) => d.severity === 'info'),
      JSON.stringify(notes.map((d) => d.severity)),
    );

    const asked = github.requests.length + gitee.requests.length + enterprise.requests.length;
    assert.ok(asked > before, 'a new service asks');
    // Without `online`, the online rules do not run: no diagnostics, no request.
    const offline = await lintText(MINUTES, 'curve/2024/2024-03-14.md', {
      template: 'curve-biweekly',
      config: config(),
      services: { linkStatus: service() },
    });
    assert.deepEqual(
      offline.diagnostics.filter((d) => d.rule === 'link/not-found' || d.rule === 'link/kind-mismatch'),
      [],
    );
    assert.equal(github.requests.length + gitee.requests.length + enterprise.requests.length, asked);
  });

  it("the configuration's links.api alone is never asked: unconfirmed hosts get their forge's own API, or none", async () => {
    const asked: string[] = [];
    const recorder = {
      lookup: async (_target: ForgeTarget, api: string): Promise<LinkStatus> => (asked.push(api), { state: 'unverified', reason: 'test' }),
    };
    await lintText(MINUTES, 'curve/2024/2024-03-14.md', {
      template: 'curve-biweekly',
      config: config(),
      services: { linkStatus: recorder },
      online: true,
    });
    assert.deepEqual([...new Set(asked)].sort(), ['https://api.github.com', 'https://gitee.com/api/v5']);
    assert.ok(!asked.some((api) => api.includes('127.0.0.1')), 'no look-up to an address the repository named');
  });
});
