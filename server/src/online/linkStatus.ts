/**
 * Online PR/issue look-ups wherever `fetch` is: the CLI (`--online`), the VS Code client on
 * Node and in a browser (which the language server asks), and the server itself for other
 * editors. One GET per item, with
 * ETags, a persistent cache, a concurrency bound, a timeout, and respect for rate limits.
 * Whatever goes wrong, the answer is `unverified` — a look-up never throws and never says
 * "broken" without the forge having said "not found".
 */
import { lookupKey } from '../core/links/api';
import type { ForgeTarget, LinkStatus } from '../core/links/types';
import type { LinkStatusService } from '../core/services';
import { LinkCache, type CacheEntry } from './cache';
import { apiStyle, htmlUrl, itemUrl, readItem, requestHeaders, mayCarryToken, type ApiStyle } from './forgeApi';
import { DEFAULT_BACKOFF_MS, exhausted, isRateLimited, Limiter, retryTime } from './limits';

export { LinkCache } from './cache';

export interface OnlineLinkStatusOptions {
  /** Where answers are kept between runs; an in-memory cache when absent. */
  cache?: LinkCache;
  /** A GitHub token (or a function that finds one: VS Code's session). Sent to api.github.com only. */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /** Per request, including reading the answer. Default 5 s. */
  timeoutMs?: number;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  /** How long an answer is trusted without asking again (an ETag makes asking again cheap). */
  freshForMs?: { open: number; settled: number };
  /** The `fetch` to use (tests pass one that refuses to leave 127.0.0.1). */
  fetch?: typeof fetch;
  now?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_FRESHNESS = { open: 3600_000, settled: 24 * 3600_000 };
const RETRY_FAILED_AFTER_MS = 60_000;

/** What one HTTP exchange taught us. */
type Outcome = { kind: 'answer'; status: LinkStatus; etag?: string } | { kind: 'unchanged' } | { kind: 'unverified'; status: LinkStatus };

export class OnlineLinkStatus implements LinkStatusService {
  readonly cache: LinkCache;
  private readonly limiter: Limiter;
  private readonly inFlight = new Map<string, Promise<LinkStatus>>();
  /** Failures are not saved, but not retried at once either (a `--fix` run lints several times). */
  private readonly recentFailures = new Map<string, { status: LinkStatus; until: number }>();
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private readonly freshness: { open: number; settled: number };

  constructor(private readonly options: OnlineLinkStatusOptions = {}) {
    this.cache = options.cache ?? LinkCache.open();
    this.limiter = new Limiter(Math.max(1, options.concurrency ?? 4));
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.freshness = options.freshForMs ?? DEFAULT_FRESHNESS;
  }

  cached(target: ForgeTarget, api: string): LinkStatus | undefined {
    return this.cache.get(lookupKey(target, api))?.status;
  }

  lookup(target: ForgeTarget, api: string): Promise<LinkStatus> {
    const key = lookupKey(target, api);
    let answer = this.inFlight.get(key);
    if (!answer) {
      answer = this.lookupUncached(key, target, api).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, answer);
    }
    return answer;
  }

  /**
   * A new token (a sign-in): what failed without it may succeed, and a rate limit counted
   * against the anonymous address no longer applies.
   */
  tokenChanged(): void {
    this.recentFailures.clear();
    this.cache.unblockAll();
  }

  /** Writes the cache file (the CLI at exit, the extension now and then). */
  save(): void {
    this.cache.save(this.now());
  }

  private async lookupUncached(key: string, target: ForgeTarget, api: string): Promise<LinkStatus> {
    const origin = httpOrigin(api);
    if (!origin) return { state: 'unverified', reason: 'no-api' };
    const entry = this.cache.get(key);
    const token = await this.token(api);
    if (entry && this.isFresh(entry, token !== undefined)) return entry.status;
    const failed = this.recentFailures.get(key);
    if (failed && failed.until > this.now()) return entry?.status ?? failed.status;

    const outcome = await this.limiter.run(async () => {
      // Checked once the slot is ours: a request that ran meanwhile may have hit the limit.
      const blocked = this.cache.blockedUntil(origin, this.now());
      if (blocked !== undefined) return rateLimited(blocked);
      return this.ask(target, api, origin, entry?.etag, token);
    });
    switch (outcome.kind) {
      case 'answer': {
        const status = { ...outcome.status, checkedAt: this.now() };
        this.cache.set(key, { status, etag: outcome.etag, checkedAt: status.checkedAt, authed: token !== undefined || undefined });
        return status;
      }
      case 'unchanged': {
        if (!entry) return { state: 'unverified', reason: 'http-304' };
        const status = { ...entry.status, checkedAt: this.now() };
        this.cache.set(key, { ...entry, status, checkedAt: status.checkedAt });
        return status;
      }
      case 'unverified':
        this.recentFailures.set(key, { status: outcome.status, until: this.now() + RETRY_FAILED_AFTER_MS });
        // An older answer beats none: PRs rarely stop existing, and it is labelled with its date.
        return entry?.status ?? outcome.status;
    }
  }

  private isFresh(entry: CacheEntry, haveToken: boolean): boolean {
    // "Not found" without a token may be a private repository the token can see.
    if (entry.status.state === 'not-found' && haveToken && !entry.authed) return false;
    const open = entry.status.state === 'found' && entry.status.status === 'open';
    return this.now() - entry.checkedAt < (open ? this.freshness.open : this.freshness.settled);
  }

  private async token(api: string): Promise<string | undefined> {
    const source = this.options.token;
    if (!source || !mayCarryToken(api)) return undefined;
    try {
      return (typeof source === 'function' ? await source() : source) || undefined;
    } catch {
      return undefined;
    }
  }

  private async ask(
    target: ForgeTarget,
    api: string,
    origin: string,
    etag: string | undefined,
    token: string | undefined,
  ): Promise<Outcome> {
    const style = apiStyle(target);
    const url = itemUrl(target, api);
    let response: Response;
    let body: unknown;
    try {
      ({ response, body } = await this.get(url, style, etag, token));
      if (response.status === 301 || response.status === 308) return await this.followMove(target, style, origin, response, token);
    } catch (error) {
      return { kind: 'unverified', status: { state: 'unverified', reason: isTimeout(error) ? 'timeout' : 'network' } };
    }
    const { status, headers } = response;
    if (isRateLimited(status, headers)) {
      const until = retryTime(headers, this.now()) ?? this.now() + DEFAULT_BACKOFF_MS;
      this.cache.block(origin, until);
      return rateLimited(until);
    }
    // The last request of the window succeeded: the next one would not, so stop asking now.
    if (exhausted(headers)) this.cache.block(origin, retryTime(headers, this.now()) ?? this.now() + DEFAULT_BACKOFF_MS);
    if (status === 304) return { kind: 'unchanged' };
    if (status === 404 || status === 410) return { kind: 'answer', status: { state: 'not-found' } };
    if (status === 401) return { kind: 'unverified', status: { state: 'unverified', reason: 'auth' } };
    if (status !== 200) return { kind: 'unverified', status: { state: 'unverified', reason: `http-${status}` } };
    return { kind: 'answer', status: { state: 'found', ...readItem(style, target, body) }, etag: headers.get('etag') ?? undefined };
  }

  /** 301: the item was transferred or its repository renamed. One hop, on the same API only. */
  private async followMove(
    target: ForgeTarget,
    style: ApiStyle,
    origin: string,
    response: Response,
    token: string | undefined,
  ): Promise<Outcome> {
    const location = response.headers.get('location');
    const moved: LinkStatus = { state: 'moved' };
    if (location) {
      const next = new URL(location, response.url || origin);
      if (next.origin === origin) {
        const { response: again, body } = await this.get(next.href, style, undefined, token);
        if (again.status === 200) return { kind: 'answer', status: { ...moved, ...readItem(style, target, body), movedTo: htmlUrl(body) } };
      }
    }
    return { kind: 'answer', status: moved };
  }

  private async get(
    url: string,
    style: ApiStyle,
    etag: string | undefined,
    token: string | undefined,
  ): Promise<{ response: Response; body: unknown }> {
    const headers = requestHeaders(style, url, token);
    if (etag) headers['If-None-Match'] = etag;
    const signal = AbortSignal.timeout(this.timeoutMs);
    const response = await this.fetch(url, { headers, redirect: 'manual', signal });
    // The body is read under the same timeout; only a 200 carries one we need.
    const body: unknown =
      response.status === 200
        ? await response.json().catch(() => undefined)
        : await response.arrayBuffer().then(
            () => undefined,
            () => undefined,
          );
    return { response, body };
  }
}

function httpOrigin(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

function rateLimited(until: number): Outcome {
  return { kind: 'unverified', status: { state: 'unverified', reason: 'rate-limited', retryAt: until } };
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  const causeName = (error as { cause?: { name?: string } } | undefined)?.cause?.name;
  return name === 'TimeoutError' || name === 'AbortError' || causeName === 'TimeoutError';
}
