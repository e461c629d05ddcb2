/**
 * The network is the user's decision. A repository's `.minutesrc.json` may wish for online
 * checks (`links.online`) and name API servers (`links.api`), but a pull request can change
 * that file and CI runs it with secrets: only `--online` / `--api` on the command line, or
 * the editor's user-level settings, turn the network on and confirm a server. A wish that is
 * not granted is said once, as a notice on the configuration, so that nobody wonders why.
 */
import { isConfirmed } from '../links/api';
import type { ConfigProblem, ResolvedConfig } from './types';
import { bilingual } from './validate';

export interface UserNetwork {
  /** Online checks turned on by the user. */
  online: boolean;
  /** Forge host → API base URL the user confirmed. */
  confirmedApi?: Record<string, string>;
}

/** The configuration's network wishes the user has not granted, as notices on the lines that hold them. */
export function unheededWishes(config: ResolvedConfig, user: UserNetwork): ConfigProblem[] {
  const notices: ConfigProblem[] = [];
  for (const wish of config.wishes ?? []) {
    const place = { path: wish.path, kind: 'notice' as const, key: 'links', start: wish.start, end: wish.end };
    if (wish.key === 'online' && !user.online) notices.push({ ...place, message: bilingual('onlineWish') });
    if (wish.key === 'api' && wish.host && wish.url !== undefined && !isConfirmed(wish.host, wish.url, user.confirmedApi)) {
      notices.push({ ...place, message: bilingual('apiWish', { host: wish.host, url: wish.url }) });
    }
  }
  return notices;
}

/** `HOST=URL` pairs (`--api`, `MINUTES_LINT_API`, separated by commas or spaces) as a map; undefined for a malformed pair. */
export function parseApiPairs(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const pair of text.split(/[\s,]+/).filter(Boolean)) {
    const eq = pair.indexOf('=');
    const host = pair.slice(0, eq).trim().toLowerCase();
    const url = pair.slice(eq + 1).trim();
    if (eq <= 0 || !/^https?:\/\/[^/]/i.test(url)) return undefined;
    out[host] = url;
  }
  return out;
}
