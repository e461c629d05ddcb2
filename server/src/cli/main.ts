import { appendFileSync, statSync } from 'node:fs';
import type { TemplateSpec } from '../core';
import { parseApiPairs } from '../core/config/network';
import { toPosixPath } from '../node/host';
import { decodeMinutes, loadTemplate, MAX_MINUTES_BYTES } from '../node/inputs';
import type { CacheLocation } from '../node/tree-cache';
import { SKIP_NOTES } from '../node/walk';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args';
import { FileChecker, seriesUnits, type FileOutcome, type RunSettings, type StdinInput, type Unit } from './check';
import { collectFiles, selectChanged, type FoundFile } from './files';
import { formatReports } from './formats';
import { githubLineUrl, toSummary } from './formats/summary';
import { GitChanges, GitError } from './git';
import { itemsMain } from './items';
import { runLearn } from './learn';
import { checkInWorkers, runWorkerIfAsked, threadCount } from './pool';
import { printable, type FileReport } from './report';
import { readStdin } from './stdin';

declare const PACKAGE_VERSION: string | undefined;
const VERSION = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev';

/** `cache`: where the launcher keeps its code cache, and the bundle's hash (dist/cli.js); none when the bundle is run directly. */
export async function main(argv: string[], cache?: CacheLocation): Promise<number> {
  if (argv[0] === 'items')
    return itemsMain(
      argv.slice(1),
      (t) => process.stdout.write(t),
      (t) => process.stderr.write(t),
    );
  if (argv[0] === 'learn')
    return runLearn(
      argv.slice(1),
      (t) => process.stdout.write(t),
      (t) => process.stderr.write(t),
    );
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`minutes-lint: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  // Without a PATH, --changed-since looks at the whole work tree from here.
  if (!options.paths.length && options.changedSince) options.paths = ['.'];
  if (!options.paths.length) {
    process.stderr.write(`minutes-lint: no PATH given\n\n${USAGE}\n`);
    return 2;
  }

  let failed = false;
  // Whatever a repository put in a message (a config value, a file name) is shown escaped.
  const note = (message: string) => process.stderr.write(`minutes-lint: ${printable(message)}\n`);
  const fail = (message: string) => {
    note(message);
    failed = true;
  };

  let forcedTemplate: TemplateSpec | undefined;
  if (options.template) {
    const loaded = loadTemplate(options.template, options.lang);
    if ('error' in loaded) {
      fail(`--template ${loaded.error}`);
      return 2;
    }
    forcedTemplate = loaded.spec;
  }
  if (options.config) {
    try {
      statSync(options.config);
    } catch {
      fail(`configuration file not found: ${options.config}`);
      return 2;
    }
  }

  // API servers the user confirms: the environment, then the command line.
  const envApi = process.env.MINUTES_LINT_API?.trim() ? parseApiPairs(process.env.MINUTES_LINT_API) : {};
  if (!envApi) {
    process.stderr.write('minutes-lint: MINUTES_LINT_API must be HOST=URL pairs separated by commas\n');
    return 2;
  }
  const network = { online: options.online, confirmedApi: { ...envApi, ...options.api } };

  const extensions = options.ext ?? ['md', 'txt'];
  let changes: GitChanges | undefined;
  if (options.changedSince) {
    try {
      changes = GitChanges.since(options.changedSince, process.cwd());
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      fail(error.message);
      return 2;
    }
  }
  // `-`: one text from standard input, checked as if it were the file --stdin-filename names.
  const stdinFile: FoundFile | undefined =
    options.paths[0] === '-' ? { path: options.stdinFilename ?? '<stdin>', explicit: true } : undefined;
  const stdinText = stdinFile ? await readStdin(MAX_MINUTES_BYTES) : undefined;
  const { files, missing, skipped } = stdinFile
    ? { files: [stdinFile], missing: [], skipped: [] }
    : changes
      ? selectChanged(options.paths, extensions, changes.files)
      : collectFiles(options.paths, extensions);
  for (const m of missing) fail(`no such file or directory: ${m}`);
  for (const s of skipped) note(`note: skipped ${s.path}: ${SKIP_NOTES[s.reason]}`);

  const stdin: StdinInput | undefined =
    stdinFile && stdinText ? { file: stdinFile, read: 'error' in stdinText ? stdinText : decodeMinutes(stdinText.bytes) } : undefined;
  const settings: RunSettings = { options, forcedTemplate, network, runPaths: files.map((f) => f.path), cwd: process.cwd(), cache };
  const units = seriesUnits(files);
  // Online look-ups share one cache file, and standard input is one text: those runs stay on this thread.
  const threads = stdin || options.online ? 1 : threadCount(options.jobs, files.length, units.length);
  const { outcomes, rosterLines } = threads > 1 ? await checkInWorkers(units, settings, threads) : await checkHere(units, settings, stdin);

  const reports: FileReport[] = [];
  const said = new Set<string>();
  let fixedStdin: string | undefined;
  let bytes = 0;
  for (const outcome of outcomes) {
    for (const n of outcome.notes) {
      if (said.has(n.key)) continue;
      said.add(n.key);
      if (n.failure) fail(n.text);
      else note(n.text);
    }
    if (outcome.failed) failed = true;
    bytes += outcome.bytes;
    if (outcome.fixedText !== undefined) fixedStdin = outcome.fixedText;
    const report = outcome.report;
    if (!report) continue;
    if (changes && options.onlyChangedLines && report.lines)
      report.diagnostics = changes.onChangedLines(toPosixPath(report.path), report.diagnostics, report.lines);
    reports.push(report);
  }
  // A broken roster file is the team's to fix, not the minutes' fault: a warning, not a failure.
  for (const line of new Set(rosterLines)) note(`warning: ${line}`);
  if (options.stats) process.stderr.write(`${statsLine(files.length, bytes, threads)}\n`);
  const cwd = process.cwd();
  if (fixedStdin !== undefined) {
    // An editor or tool piping text through `--fix` wants the text back, nothing else.
    process.stdout.write(fixedStdin);
  } else {
    const color = options.format === 'text' && process.stdout.isTTY === true && !process.env.NO_COLOR;
    process.stdout.write(`${formatReports(options.format, reports, { lang: options.lang, color, version: VERSION, cwd })}\n`);
  }
  if (options.summary) {
    try {
      appendFileSync(options.summary, `${toSummary(reports, { lang: options.lang, cwd, lineUrl: githubLineUrl(process.env) })}\n`, 'utf8');
    } catch (error) {
      fail(`cannot write the summary to ${options.summary}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  if (failed) return 2;
  if (reports.some((r) => r.diagnostics.some((d) => d.severity === 'error'))) return 1;
  const warnings = reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`minutes-lint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** The units one after another on this thread (one run's worth of caches, as each worker has). */
async function checkHere(
  units: readonly Unit[],
  settings: RunSettings,
  stdin: StdinInput | undefined,
): Promise<{ outcomes: FileOutcome[]; rosterLines: string[] }> {
  const checker = new FileChecker(settings);
  const outcomes: FileOutcome[] = [];
  for (const unit of units) {
    const checked = await checker.checkUnit(unit.files, stdin && unit.files.includes(stdin.file) ? stdin : undefined);
    checked.forEach((outcome, i) => (outcomes[unit.indices[i]] = outcome));
  }
  checker.save();
  return { outcomes, rosterLines: checker.rosterLines() };
}

/** `--stats`: how fast the run went, start-up and walk included, for comparing machines and `--jobs`. */
function statsLine(files: number, bytes: number, threads: number): string {
  const seconds = performance.now() / 1000;
  const mib = bytes / 1048576;
  const rate = (n: number) => (seconds > 0 ? n / seconds : 0);
  return `minutes-lint: ${files} files, ${mib.toFixed(1)} MiB in ${seconds.toFixed(2)} s: ${rate(files).toFixed(0)} files/s, ${rate(mib).toFixed(2)} MiB/s (${threads} thread${threads === 1 ? '' : 's'})`;
}

/** Runs the CLI on this process's arguments and sets its exit status (dist/cli.js calls this). */
export function run(cache?: CacheLocation): void {
  main(process.argv.slice(2), cache).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`minutes-lint: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

if (runWorkerIfAsked()) {
  // A worker thread of a run (it loads this bundle itself): it answers the main thread's messages.
} else if (require.main === module) {
  run();
}
