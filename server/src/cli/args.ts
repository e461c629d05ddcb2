import { parseApiPairs } from '../core/config/network';

export interface CliOptions {
  format: 'text' | 'json' | 'github';
  config?: string;
  template?: string;
  fix: boolean;
  fixLossy: boolean;
  online: boolean;
  /** `--api HOST=URL` (repeatable): API servers the user confirms, beyond the forges' own. */
  api: Record<string, string>;
  /** `--cache FILE`: where online answers are kept (default `.cache/minutes-lint/links.json`). */
  cache?: string;
  /** `--timeout SECONDS`, in ms: how long one online look-up may take. */
  timeoutMs?: number;
  lang: 'en' | 'zh';
  ext?: string[];
  paths: string[];
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

const VALUE_FLAGS = new Set(['--format', '--config', '--template', '--lang', '--ext', '--cache', '--timeout', '--api']);

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { format: 'text', fix: false, fixLossy: false, online: false, api: {}, lang: 'en', paths: [], help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (VALUE_FLAGS.has(arg) && value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
    }
    switch (arg) {
      case '--format':
        if (value !== 'text' && value !== 'json' && value !== 'github') throw new UsageError(`--format must be text, json or github, not "${value}"`);
        o.format = value;
        break;
      case '--config': o.config = value; break;
      case '--template': o.template = value; break;
      case '--lang':
        if (value !== 'en' && value !== 'zh') throw new UsageError(`--lang must be en or zh, not "${value}"`);
        o.lang = value;
        break;
      case '--ext': o.ext = value!.split(',').map((e) => e.trim().replace(/^\./, '')).filter(Boolean); break;
      case '--fix': o.fix = true; break;
      case '--fix-lossy': o.fix = true; o.fixLossy = true; break;
      case '--online': o.online = true; break;
      case '--api': {
        const pairs = parseApiPairs(value!);
        if (!pairs || !Object.keys(pairs).length) throw new UsageError(`--api needs HOST=URL (an http or https URL), not "${value}"`);
        Object.assign(o.api, pairs);
        break;
      }
      case '--cache': o.cache = value; break;
      case '--timeout': {
        const seconds = Number(value);
        if (!/^\d+(?:\.\d+)?$/.test(value!) || !(seconds > 0)) throw new UsageError(`--timeout must be a number of seconds, not "${value}"`);
        o.timeoutMs = Math.round(seconds * 1000);
        break;
      }
      case '-h': case '--help': o.help = true; break;
      case '-v': case '--version': o.version = true; break;
      case '--': o.paths.push(...argv.slice(i + 1)); i = argv.length; break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        o.paths.push(argv[i]);
    }
  }
  return o;
}

export const USAGE = `Usage: minutes-lint [options] PATH...
       minutes-lint items [--format md|json] [--open] DIR...   (the open items of each series)

Checks meeting minutes against their community's template (detected, or configured in
.minutesrc.json). Folders are walked for .md files, and .txt files of templates that use them.

Options:
  --format FORMAT      text (default), json, or github (annotations on pull requests
                       in GitHub Actions)
  --config FILE        use this configuration instead of the nearest .minutesrc.json
  --template ID        use this template (a built-in id or a template file) for every file
  --fix                apply safe fixes in place, then report what is left
  --fix-lossy          with --fix, also apply fixes that guess (lossy encoding repairs)
  --online             verify PR/issue links against the forge's API (GITHUB_TOKEN is used,
                       and sent to https://api.github.com only); .minutesrc.json cannot
                       turn this on
  --api HOST=URL       with --online, ask this API server for HOST (GitHub Enterprise,
                       GitCode…); repeatable, or $MINUTES_LINT_API="HOST=URL,…"; the
                       links.api of .minutesrc.json is used only for what you confirm here
  --cache FILE         keep online answers here (default .cache/minutes-lint/links.json,
                       or $MINUTES_LINT_CACHE)
  --timeout SECONDS    time allowed for one online look-up (default 5)
  --lang en|zh         language of messages (default en)
  --ext md,txt         file extensions to walk in folders
  -h, --help           show this help
  -v, --version        show the version

Exit status: 0 no error-severity problem, 1 at least one, 2 usage or internal failure.`;
