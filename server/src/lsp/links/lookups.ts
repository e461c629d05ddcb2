/**
 * The language server's side of online link checks. The server holds no token and does not
 * touch the network when a client answers `minutes/linkStatus` (VS Code: the look-ups run in
 * the extension, with the GitHub session). Look-ups are batched per lint, remembered for a
 * while, and never hold diagnostics back for long: an answer that is late comes back as
 * `pending` (the rules say nothing) and a re-check is asked for when it arrives.
 */
import { lookupKey } from '../../core/links/api';
import type { ForgeTarget, LinkStatus } from '../../core/links/types';
import type { LinkStatusService } from '../../core/services';
import type { LinkLookup } from '../../protocol';

/** Answers a batch of look-ups, in order. */
export type LookupSource = (lookups: LinkLookup[]) => Promise<LinkStatus[]>;

export interface LinkLookupsOptions {
  /** How long a lint waits for answers before going on without them. */
  waitMs?: number;
  /** How long an answer is reused before the source is asked again (it has its own cache). */
  rememberMs?: number;
  /** How long "could not verify" is reused when the answer says no better time. */
  rememberUnverifiedMs?: number;
  now?: () => number;
}

const MAX_BATCH = 100;

interface Queued {
  lookup: LinkLookup;
  key: string;
  resolve(status: LinkStatus): void;
}

export class LinkLookups implements LinkStatusService {
  private readonly memory = new Map<string, { status: LinkStatus; until: number }>();
  private readonly inFlight = new Map<string, Promise<LinkStatus>>();
  private queue: Queued[] = [];
  private flushing: ReturnType<typeof setTimeout> | undefined;
  private lateTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly waitMs: number;
  private readonly rememberMs: number;
  private readonly rememberUnverifiedMs: number;
  private readonly now: () => number;
  /** Called (once per batch) when answers arrive that a lint gave up waiting for. */
  onLearned: (() => void) | undefined;

  constructor(
    private readonly source: () => LookupSource,
    options: LinkLookupsOptions = {},
  ) {
    this.waitMs = options.waitMs ?? 1500;
    this.rememberMs = options.rememberMs ?? 10 * 60_000;
    this.rememberUnverifiedMs = options.rememberUnverifiedMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  cached(target: ForgeTarget, api: string): LinkStatus | undefined {
    const status = this.memory.get(lookupKey(target, api))?.status;
    return status && status.state !== 'unverified' ? status : undefined;
  }

  lookup(target: ForgeTarget, api: string): Promise<LinkStatus> {
    const key = lookupKey(target, api);
    const known = this.memory.get(key);
    if (known && known.until > this.now()) return Promise.resolve(known.status);
    let answer = this.inFlight.get(key);
    if (!answer) {
      answer = new Promise<LinkStatus>((resolve) => this.enqueue({ lookup: { target, api }, key, resolve }));
      this.inFlight.set(key, answer);
    }
    return this.within(answer);
  }

  /** Forgets every answer (a new token can see more): the next lint asks again. */
  reset(): void {
    this.memory.clear();
  }

  private within(answer: Promise<LinkStatus>): Promise<LinkStatus> {
    let late = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<LinkStatus>((resolve) => {
      timer = setTimeout(() => {
        late = true;
        resolve({ state: 'unverified', reason: 'pending' });
      }, this.waitMs);
    });
    void answer.then(() => {
      clearTimeout(timer);
      if (late) this.learnedLate();
    });
    return Promise.race([answer, deadline]);
  }

  /** Many late answers, one re-check. */
  private learnedLate(): void {
    this.lateTimer ??= setTimeout(() => {
      this.lateTimer = undefined;
      this.onLearned?.();
    }, 50);
  }

  private enqueue(item: Queued): void {
    this.queue.push(item);
    // The rules ask for all of a document's items in one go: send them as one request.
    this.flushing ??= setTimeout(() => {
      this.flushing = undefined;
      const batch = this.queue;
      this.queue = [];
      for (let i = 0; i < batch.length; i += MAX_BATCH) void this.send(batch.slice(i, i + MAX_BATCH));
    }, 0);
  }

  private async send(batch: Queued[]): Promise<void> {
    let statuses: LinkStatus[];
    try {
      statuses = await this.source()(batch.map((q) => q.lookup));
    } catch {
      statuses = [];
    }
    const now = this.now();
    batch.forEach((q, i) => {
      const status = isStatus(statuses[i]) ? statuses[i] : { state: 'unverified' as const, reason: 'network' };
      const until = status.state === 'unverified' ? Math.max(status.retryAt ?? 0, now + this.rememberUnverifiedMs) : now + this.rememberMs;
      if (status.reason !== 'pending') this.memory.set(q.key, { status, until });
      this.inFlight.delete(q.key);
      q.resolve(status);
    });
  }
}

function isStatus(value: unknown): value is LinkStatus {
  const state = (value as LinkStatus | undefined)?.state;
  return state === 'found' || state === 'not-found' || state === 'moved' || state === 'unverified';
}
