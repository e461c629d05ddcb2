import { parseApiPairs } from '../core/config/network';
import { FORMAT_NAMES, type FormatName } from './formats';

export interface CliOptions {
  format: FormatName;
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
  /** `--changed-since REF`: only the files changed since this git ref (its merge base with HEAD). */
  changedSince?: string;
  /** With `--changed-since`: only problems on the lines changed since then. */
  onlyChangedLines: boolean;
  /** `--max-warnings N`: exit 1 when there are more warnings than this. */
  maxWarnings?: number;
  /** `--summary FILE`: append a Markdown summary (a table of findings per file) to this file. */
  summary?: string;
  /** The path that `-` (standard input) stands for: it chooses the template and the configuration. */
  stdinFilename?: string;
  /** `--jobs N`: threads that check files (1: no worker threads); default every core for large runs. */
  jobs?: number;
  /** `--stats`: print files/s and MiB/s on standard error. */
  stats: boolean;
  paths: string[];
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

const VALUE_FLAGS = new Set([
  '--format',
  '--config',
  '--template',
  '--lang',
  '--ext',
  '--cache',
  '--timeout',
  '--api',
  '--changed-since',
  '--max-warnings',
  '--summary',
  '--stdin-filename',
  '--jobs',
]);

/** `--format=json` → `--format` and `json`; any other argument as it is. */
export function splitFlag(argument: string): { arg: string; value?: string } {
  const eq = argument.indexOf('=');
  return argument.startsWith('--') && eq > 0 ? { arg: argument.slice(0, eq), value: argument.slice(eq + 1) } : { arg: argument };
}

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = {
    format: 'text',
    fix: false,
    fixLossy: false,
    online: false,
    api: {},
    lang: 'en',
    onlyChangedLines: false,
    stats: false,
    paths: [],
    help: false,
    version: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const { arg, value: given } = splitFlag(argv[i]);
    let value = given;
    if (VALUE_FLAGS.has(arg) && value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
    }
    switch (arg) {
      case '--format':
        if (!(FORMAT_NAMES as readonly string[]).includes(value!))
          throw new UsageError(`--format must be one of ${FORMAT_NAMES.join(', ')}, not "${value}"`);
        o.format = value as FormatName;
        break;
      case '--config':
        o.config = value;
        break;
      case '--template':
        o.template = value;
        break;
      case '--lang':
        if (value !== 'en' && value !== 'zh') throw new UsageError(`--lang must be en or zh, not "${value}"`);
        o.lang = value;
        break;
      case '--ext':
        o.ext = value!
          .split(',')
          .map((e) => e.trim().replace(/^\./, ''))
          .filter(Boolean);
        break;
      case '--fix':
        o.fix = true;
        break;
      case '--fix-lossy':
        o.fix = true;
        o.fixLossy = true;
        break;
      case '--online':
        o.online = true;
        break;
      case '--api': {
        const pairs = parseApiPairs(value!);
        if (!pairs || !Object.keys(pairs).length) throw new UsageError(`--api needs HOST=URL (an http or https URL), not "${value}"`);
        Object.assign(o.api, pairs);
        break;
      }
      case '--cache':
        o.cache = value;
        break;
      case '--timeout': {
        const seconds = Number(value);
        if (!/^\d+(?:\.\d+)?$/.test(value!) || !(seconds > 0))
          throw new UsageError(`--timeout must be a number of seconds, not "${value}"`);
        o.timeoutMs = Math.round(seconds * 1000);
        break;
      }
      case '--changed-since':
        if (!value || value.startsWith('-'))
          throw new UsageError(`--changed-since needs a git ref (a branch, a tag or a commit), not "${value}"`);
        o.changedSince = value;
        break;
      case '--only-changed-lines':
        o.onlyChangedLines = true;
        break;
      case '--max-warnings':
        if (!/^\d+$/.test(value!)) throw new UsageError(`--max-warnings must be a whole number, not "${value}"`);
        o.maxWarnings = Number(value);
        break;
      case '--summary':
        o.summary = value;
        break;
      case '--stdin-filename':
        o.stdinFilename = value;
        break;
      case '--jobs':
        if (!/^\d+$/.test(value!) || Number(value) < 1)
          throw new UsageError(`--jobs must be a whole number of threads, 1 or more, not "${value}"`);
        o.jobs = Number(value);
        break;
      case '--stats':
        o.stats = true;
        break;
      case '-h':
      case '--help':
        o.help = true;
        break;
      case '-v':
      case '--version':
        o.version = true;
        break;
      case '--':
        o.paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        o.paths.push(argv[i]);
    }
  }
  checkCombinations(o);
  return o;
}

/** Options that make no sense together are refused before any file is read. */
function checkCombinations(o: CliOptions): void {
  const stdin = o.paths.includes('-');
  if (stdin && o.paths.length > 1) throw new UsageError('- (standard input) cannot be combined with other paths');
  if (o.stdinFilename !== undefined && !stdin)
    throw new UsageError('--stdin-filename names the text read from standard input: add - to the command');
  if (stdin && o.changedSince) throw new UsageError('--changed-since selects files from git, not standard input');
  if (o.onlyChangedLines && !o.changedSince)
    throw new UsageError('--only-changed-lines needs --changed-since REF (the lines changed since when?)');
  // A fix moves lines, so "the changed lines" would no longer name the same text.
  if (o.onlyChangedLines && o.fix) throw new UsageError('--only-changed-lines cannot be combined with --fix');
}

export const USAGE = `Usage: minutes-lint [options] PATH...
       minutes-lint [options] - [--stdin-filename PATH] < FILE
       minutes-lint learn DIR [--write[=FILE]]   (learn a series' template; learn --help)
       minutes-lint items [--format md|json] [--open] DIR...   (the open items of each series)

Checks meeting minutes against their community's template (detected, or configured in
.minutesrc.json). Folders are walked for .md files, and .txt files of templates that use them.

Options:
  --format FORMAT      text (default), json, github (annotations on pull requests in
                       GitHub Actions), sarif (SARIF 2.1.0, for code scanning), junit
                       (JUnit XML), or gitlab (GitLab Code Quality report)
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
  --changed-since REF  only the files changed since the git ref REF (committed, staged,
                       unstaged or new), within the PATHs (default: .)
  --only-changed-lines with --changed-since, only the problems on changed lines
  --max-warnings N     exit 1 when there are more than N warnings
  --summary FILE       also append a Markdown summary of the findings to FILE (in GitHub
                       Actions: "$GITHUB_STEP_SUMMARY")
  --stdin-filename P   with the PATH -, the text read from standard input is checked as
                       the file P (P chooses the template and .minutesrc.json); with --fix,
                       the fixed text is printed instead of a report
  --jobs N             check files on N threads (1: no worker threads); by default
                       every core when there are 64 files or more. Output and exit
                       status do not depend on it. --online and - use one thread
  --stats              print files/s and MiB/s on standard error when done
  -h, --help           show this help
  -v, --version        show the version

Between runs, V8's compiled code and the Markdown trees of the minutes checked are kept in
the user's cache folder ($XDG_CACHE_HOME/community-minutes, else ~/.cache/community-minutes;
at most 128 MiB); MINUTES_LINT_NO_CACHE=1 keeps nothing there.

Exit status: 0 no error-severity problem, 1 at least one (or more warnings than
--max-warnings), 2 usage or internal failure.`;
