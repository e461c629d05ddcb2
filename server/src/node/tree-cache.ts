/**
 * Markdown trees kept between command-line runs, in the user's cache folder beside the launcher's
 * code cache (never in the folder checked, which a pull request controls).
 *
 * A file checked where it lives brings its whole series: every sibling is read and parsed so the
 * series model and the series rules can compare them, and the Markdown parse is about half of
 * such a run. A pre-commit hook changes one file of a folder between runs, so the trees of the
 * others are read back instead of parsed again. A tree depends on its text and on the parser: an
 * entry holds the very text it was parsed from (compared whole, so no hash collision can hand
 * one text another's tree) and lives in a folder named by the bundle's SHA-256, which changes
 * with any change of the parser. Each file carries a CRC-32 of what follows it; a damaged,
 * truncated, oversized or foreign file is a miss and is written again. Writes go aside and are
 * renamed, so parallel runs and worker threads see an old entry or a new one, never half of one.
 * The folder is bounded in files and bytes, the oldest going first.
 */
import { rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { canCheck, fnv1a, newestFirst, readChecked, writeChecked } from './checked-file';
import type { ParsedMarkdown } from '../core/model/markdown';
import type { TreeStore } from '../core/series/memo';
import type { ProfileStore } from '../core/series/index';
import type { MinutesProfile } from '../core/series/types';

/** What the launcher knows and the bundle does not: where caches go and which bundle this is. */
export interface CacheLocation {
  /** `…/community-minutes` in the user's cache folder. */
  folder: string;
  /** The bundle's SHA-256 (hex). */
  bundleHash: string;
}

/** Entries kept per bundle, and their bytes: a few thousand minutes' trees. */
export const MAX_TREE_ENTRIES = 4000;
export const MAX_TREE_BYTES = 128 * 1024 * 1024;
/** A larger entry is neither written nor read (a tree takes about six times its text in JSON). */
export const MAX_ENTRY_BYTES = 16 * 1024 * 1024;
/** Folders of other bundles kept (versions used in turn); older ones are removed. */
const KEPT_BUNDLES = 2;
const FORMAT = 1;
const PRUNE_EVERY = 500;
const PREFIX = 'trees-';

interface Entry {
  format: number;
  bundle: string;
  /** What the value was made from, compared whole on reading. */
  key: string;
  value: unknown;
}

/** FNV-1a twice (another basis and prime) and the length: names an entry's file (the key inside is what is compared). */
export function entryName(kind: string, key: string): string {
  return `${kind}-${key.length.toString(36)}-${fnv1a(key)}${fnv1a(key, 0x01000193 ^ 0x5bd1e995, 0x01000193 + 2)}`;
}

/**
 * What one bundle keeps in the user's cache folder: Markdown trees by text, series profiles by
 * path and text. Every failure (no folder, no space, a damaged file) is a miss.
 */
export class DiskRunCache {
  private readonly dir: string;
  /** Entries read back, missed and written by this process (tests read them). */
  readonly counts = { hits: 0, misses: 0, written: 0 };
  /**
   * Bytes this process wrote. A run over an archive parses far more than the cache keeps: it
   * writes a quarter of the bound and stops, rather than writing every tree and pruning most.
   */
  private bytesWritten = 0;

  constructor(
    private readonly location: CacheLocation,
    private readonly limits = { entries: MAX_TREE_ENTRIES, bytes: MAX_TREE_BYTES },
  ) {
    this.dir = join(location.folder, `${PREFIX}${location.bundleHash.slice(0, 16)}`);
  }

  /** No CRC-32 (Node before 20.15), no cache: an entry that cannot be checked is not trusted. */
  static open(location: CacheLocation | undefined): DiskRunCache | undefined {
    return location && /^[0-9a-f]{16,}$/.test(location.bundleHash) && canCheck() ? new DiskRunCache(location) : undefined;
  }

  /** Markdown trees, by the text parsed. */
  readonly trees: TreeStore = {
    get: (source) => this.get('tree', source, isParsedMarkdown),
    set: (source, parsed) => this.set('tree', source, parsed),
  };

  /** Series profiles, by path and text (a profile reads the date and the template's evidence from the path too). */
  readonly profiles: ProfileStore = {
    get: (path, text) => this.get('profile', `${path}\u0000${text}`, (v): v is MinutesProfile => isProfile(v, path, text)),
    set: (path, text, profile) => this.set('profile', `${path}\u0000${text}`, profile),
  };

  private get<T>(kind: string, key: string, valid: (value: unknown) => value is T): T | undefined {
    const value = this.read(kind, key);
    const ok = value !== undefined && valid(value);
    if (ok) this.counts.hits++;
    else this.counts.misses++;
    return ok ? value : undefined;
  }

  private set(kind: string, key: string, value: unknown): void {
    try {
      const entry: Entry = { format: FORMAT, bundle: this.location.bundleHash, key, value };
      const body = Buffer.from(JSON.stringify(entry), 'utf8');
      if (body.length + 4 > MAX_ENTRY_BYTES || this.bytesWritten + body.length > this.limits.bytes / 4) return;
      if (!writeChecked(join(this.dir, entryName(kind, key)), body)) return;
      this.bytesWritten += body.length + 4;
      // At the first write of a process, then now and then in a long run over a big folder.
      if (this.counts.written++ % PRUNE_EVERY === 0) this.prune();
    } catch {
      // A value JSON cannot write: the next run parses again.
    }
  }

  private read(kind: string, key: string): unknown {
    const body = readChecked(join(this.dir, entryName(kind, key)), MAX_ENTRY_BYTES);
    if (!body) return undefined;
    try {
      const entry = JSON.parse(body.toString('utf8')) as Partial<Entry> | null;
      return entry && entry.format === FORMAT && entry.bundle === this.location.bundleHash && entry.key === key ? entry.value : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps this bundle's entries within bounds and the folders of the latest other bundles only. */
  private prune(): void {
    try {
      const others = newestFirst(this.location.folder, (name) => name.startsWith(PREFIX) && join(this.location.folder, name) !== this.dir);
      for (const old of others.slice(KEPT_BUNDLES)) rmSync(old.path, { recursive: true, force: true });
      const entries = newestFirst(this.dir).reverse();
      let bytes = entries.reduce((n, e) => n + e.size, 0);
      if (entries.length <= this.limits.entries && bytes <= this.limits.bytes) return;
      // Down to three quarters, oldest first, so that a run over a big folder does not prune at every write of the next.
      let count = entries.length;
      for (const e of entries) {
        if (count <= (this.limits.entries * 3) / 4 && bytes <= (this.limits.bytes * 3) / 4) break;
        unlinkSync(e.path);
        count--;
        bytes -= e.size;
      }
    } catch {
      // Another run pruning at the same moment: whatever is left is pruned next time.
    }
  }
}

function isParsedMarkdown(value: unknown): value is ParsedMarkdown {
  const parsed = value as Partial<ParsedMarkdown> | null;
  return !!parsed && parsed.root?.type === 'root' && Array.isArray(parsed.root.children) && Array.isArray(parsed.degraded);
}

function isProfile(value: unknown, path: string, text: string): value is MinutesProfile {
  const p = value as Partial<MinutesProfile> | null;
  return (
    !!p && p.path === path && p.size === text.length && typeof p.name === 'string' && Array.isArray(p.sections) && Array.isArray(p.fields)
  );
}
