import { join, resolve } from 'node:path';
import { fileCacheStore } from '../online/fileStore';
import { LinkCache, OnlineLinkStatus } from '../online/linkStatus';
import type { CliOptions } from './args';

/** The CLI's cache of online answers, under the folder it runs in, so CI can keep it between runs. */
export const DEFAULT_CACHE = join('.cache', 'minutes-lint', 'links.json');

/**
 * The look-ups of one CLI run: made the first time a file is checked online (`--online`; the
 * configuration's `links.online` is only a wish), saved once at the end. The token comes from
 * `GITHUB_TOKEN` and goes to api.github.com only; it is never printed.
 */
export class CliLinkStatus {
  private service: OnlineLinkStatus | undefined;

  constructor(
    private readonly options: Pick<CliOptions, 'cache' | 'timeoutMs'>,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly cwd: string = process.cwd(),
  ) {}

  get(): OnlineLinkStatus {
    if (!this.service) {
      const path = resolve(this.cwd, this.options.cache ?? (this.env.MINUTES_LINT_CACHE || DEFAULT_CACHE));
      this.service = new OnlineLinkStatus({
        cache: LinkCache.open(fileCacheStore(path)),
        token: this.env.GITHUB_TOKEN?.trim() || undefined,
        timeoutMs: this.options.timeoutMs,
      });
    }
    return this.service;
  }

  save(): void {
    this.service?.save();
  }
}
