import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LinkStatus } from '../../core/links/types';

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

interface CacheFile {
  version: 1;
  entries: Record<string, CacheEntry>;
  /** API origin → until when it must not be asked (its rate limit). */
  blocked: Record<string, number>;
}

/** Answers older than this are dropped when the cache is saved. */
export const KEEP_MS = 30 * 24 * 3600_000;

/**
 * The look-ups' memory: a JSON file (the CLI's `.cache/minutes-lint/links.json`, the
 * extension's global storage) or, without a path, this process only. Several runs may share
 * one file: saving merges with what is on disk, the newer answer of each item winning.
 */
export class LinkCache {
  private entries = new Map<string, CacheEntry>();
  private blocked = new Map<string, number>();
  private dirty = false;
  /** After a sign-in, rate limits saved by earlier runs (counted against no token) no longer apply. */
  private ignoreSavedBlocks = false;

  private constructor(readonly path: string | undefined) {}

  /** A missing or unreadable file is an empty cache: the cache is an optimisation, never an error. */
  static load(path?: string): LinkCache {
    const cache = new LinkCache(path);
    if (path) cache.merge(readCacheFile(path));
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

  /** Writes the file (atomically: a half-written cache would be read as empty, not as garbage). */
  save(now = Date.now()): void {
    if (!this.path || !this.dirty) return;
    this.merge(readCacheFile(this.path));
    const data: CacheFile = { version: 1, entries: {}, blocked: {} };
    for (const [key, entry] of [...this.entries].sort((a, b) => a[0].localeCompare(b[0]))) {
      if (now - entry.checkedAt <= KEEP_MS) data.entries[key] = entry;
    }
    for (const [origin, until] of this.blocked) if (until > now) data.blocked[origin] = until;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      const temporary = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(data, null, 1)}\n`, 'utf8');
      renameSync(temporary, this.path);
      this.dirty = false;
    } catch {
      // A read-only folder costs the next run its cache, nothing else.
    }
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

function readCacheFile(path: string): CacheFile | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile>;
    if (data.version !== 1 || typeof data.entries !== 'object' || data.entries === null) return undefined;
    return { version: 1, entries: data.entries, blocked: typeof data.blocked === 'object' && data.blocked !== null ? data.blocked : {} };
  } catch {
    return undefined;
  }
}

function isEntry(value: unknown): value is CacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<CacheEntry>;
  const states = ['found', 'not-found', 'moved'];
  return typeof e.checkedAt === 'number' && typeof e.status === 'object' && e.status !== null && states.includes(e.status.state);
}
