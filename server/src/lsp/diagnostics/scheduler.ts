/** Delay after a keystroke before linting: long enough to skip most intermediate states. */
export const TYPING_DELAY_MS = 200;

/**
 * Linting costs time in proportion to the text (several milliseconds per thousand characters,
 * mostly parsing) and blocks the server meanwhile, so long documents wait for a longer pause:
 * a typical 10 000-character minutes file 240 ms, a 500 000-character one the 2.2 s maximum.
 */
export function typingDelay(textLength: number): number {
  return TYPING_DELAY_MS + Math.min(2000, Math.floor(textLength / 250));
}

/**
 * One pending lint per document. Every (re)schedule starts a new run; a run that finishes
 * after a newer one was scheduled is outdated and must not publish.
 */
export class LintScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The current run of each open document; run numbers are never reused, so a closed and reopened document's old run stays outdated. */
  private readonly runs = new Map<string, number>();
  private lastRun = 0;

  constructor(private readonly runLint: (uri: string, run: number) => Promise<void>) {}

  schedule(uri: string, delayMs: number): void {
    const run = ++this.lastRun;
    this.runs.set(uri, run);
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.runLint(uri, run);
      }, delayMs),
    );
  }

  isCurrent(uri: string, run: number): boolean {
    return this.runs.get(uri) === run;
  }

  /** Stops pending work for a closed document; any run in flight becomes outdated. */
  cancel(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.runs.delete(uri); // nothing is kept for a closed document
  }
}
