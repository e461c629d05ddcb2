/** How many look-ups run at once, and when a forge that said "slow down" may be asked again. */

/** Runs at most `max` tasks at a time, the others in arrival order. */
export class Limiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next task, so `running` never over-counts.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** Without a reset time, a rate-limited forge is left alone this long. */
export const DEFAULT_BACKOFF_MS = 60_000;

/**
 * Whether an answer means "too many requests": 429, or a 403 that says so (GitHub's primary
 * limit sets `X-RateLimit-Remaining: 0`, its secondary limit sends `Retry-After`).
 */
export function isRateLimited(status: number, headers: Headers): boolean {
  if (status === 429) return true;
  return status === 403 && (headers.get('x-ratelimit-remaining') === '0' || headers.has('retry-after'));
}

/** When asking is allowed again: `Retry-After` (seconds or a date), else `X-RateLimit-Reset` (epoch seconds). */
export function retryTime(headers: Headers, now: number): number | undefined {
  const after = headers.get('retry-after')?.trim();
  if (after) {
    if (/^\d+$/.test(after)) return now + Number(after) * 1000;
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return date;
  }
  const reset = headers.get('x-ratelimit-reset')?.trim();
  if (reset && /^\d+$/.test(reset)) return Number(reset) * 1000;
  return undefined;
}

/** A successful answer that used the last request of the window also closes the window. */
export function exhausted(headers: Headers): boolean {
  return headers.get('x-ratelimit-remaining') === '0';
}
