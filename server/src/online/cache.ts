import type { LinkStatus } from '../core/links/types';

/** One answer of a forge, kept with what is needed to ask again cheaply. */
export interface CacheEntry {
  status: LinkStatus;
  /** Sent back as `If-None-Match`: a 304 confirms the answer without costing GitHub quota. */
  etag?: string;
  /** When the forge last answered (or confirmed) it, ms since the epoch. */
  checkedAt: number;
  /** Whether a token was sent: "not found" without one may be a private repository. */
  authed?: boolean;
}

export interface CacheFile {
  version: 1;
  entries: Record<string, CacheEntry>;
  /** API origin → until when it must not be asked (its rate limit). */
  blocked: Record<string, number>;
}

/** Answers older than this are dropped when the cache is saved. */
export const KEEP_MS = 30 * 24 * 3600_000;

/** Where a cache is kept between runs: a JSON file (fileStore.ts), an extension's global state. */
export interface CacheStore {
  /** What was saved (any JSON value: it is checked), or undefined. Never throws. */
  read(): unknown;
  /** Never throws: a cache that cannot be saved costs the next run its answers, nothing else. */
  write(data: CacheFile): void;
}

/**
 * The look-ups' memory: a store (the CLI's `.cache/minutes-lint/links.json`, the extension's
 * global storage) or, without one, this process only. Several runs may share one store:
 * saving merges with what is there, the newer answer of each item winning. No Node import:
 * the extension in a browser keeps its answers in VS Code's global state.
 */
export class LinkCache {
  private entries = new Map<string, CacheEntry>();
  private blocked = new Map<string, number>();
  private dirty = false;
  /** After a sign-in, rate limits saved by earlier runs (counted against no token) no longer apply. */
  private ignoreSavedBlocks = false;

  private constructor(private readonly store: CacheStore | undefined) {}

  /** Missing or unreadable data is an empty cache: the cache is an optimisation, never an error. */
  static open(store?: CacheStore): LinkCache {
    const cache = new LinkCache(store);
    if (store) cache.merge(asCacheFile(store.read()));
    return cache;
  }

  get(key: string): CacheEntry | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: CacheEntry): void {
    this.entries.set(key, entry);
    this.dirty = true;
  }

  blockedUntil(origin: string, now: number): number | undefined {
    const until = this.blocked.get(origin);
    return until !== undefined && until > now ? until : undefined;
  }

  block(origin: string, until: number): void {
    this.blocked.set(origin, Math.max(until, this.blocked.get(origin) ?? 0));
    this.dirty = true;
  }

  unblockAll(): void {
    this.dirty = true;
    this.ignoreSavedBlocks = true;
    this.blocked.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  save(now = Date.now()): void {
    if (!this.store || !this.dirty) return;
    this.merge(asCacheFile(this.store.read()));
    const data: CacheFile = { version: 1, entries: {}, blocked: {} };
    for (const [key, entry] of [...this.entries].sort((a, b) => a[0].localeCompare(b[0]))) {
      if (now - entry.checkedAt <= KEEP_MS) data.entries[key] = entry;
    }
    for (const [origin, until] of this.blocked) if (until > now) data.blocked[origin] = until;
    this.store.write(data);
    this.dirty = false;
  }

  /** Takes what another run saved where it is newer than what this one knows. */
  private merge(file: CacheFile | undefined): void {
    if (!file) return;
    for (const [key, entry] of Object.entries(file.entries)) {
      if (!isEntry(entry)) continue;
      const mine = this.entries.get(key);
      if (!mine || mine.checkedAt < entry.checkedAt) this.entries.set(key, entry);
    }
    if (this.ignoreSavedBlocks) return;
    for (const [origin, until] of Object.entries(file.blocked)) {
      if (typeof until === 'number') this.blocked.set(origin, Math.max(until, this.blocked.get(origin) ?? 0));
    }
  }
}

function asCacheFile(value: unknown): CacheFile | undefined {
  const data = value as Partial<CacheFile> | undefined;
  if (typeof data !== 'object' || data === null || data.version !== 1 || typeof data.entries !== 'object' || data.entries === null)
    return undefined;
  return { version: 1, entries: data.entries, blocked: typeof data.blocked === 'object' && data.blocked !== null ? data.blocked : {} };
}

function isEntry(value: unknown): value is CacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<CacheEntry>;
  const states = ['found', 'not-found', 'moved'];
  return typeof e.checkedAt === 'number' && typeof e.status === 'object' && e.status !== null && states.includes(e.status.state);
}
