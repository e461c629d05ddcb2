import { appendFileSync, writeFileSync, statSync } from 'node:fs';
import {
  autoFixes, fixUntilStable, lint, LineIndex, resolveConfig, resolveTemplate,
  type ConfigHost, type ResolvedConfig, type ResolvedTemplate, type TemplateSpec,
} from '../core';
import { parseApiPairs, unheededWishes } from '../core/config/network';
import type { ConfigProblem } from '../core/config/types';
import { nodeConfigHost, nodeServices, toPosixPath } from '../node/host';
import { decodeMinutes, loadTemplate, MAX_MINUTES_BYTES, readMinutesFile } from '../node/inputs';
import { readTexts } from '../node/reference';
import { diskSeries } from '../node/series';
import type { SeriesIndex } from '../core/series';
import { indexSeriesOf } from '../core/series/folder';
import { SKIP_NOTES } from '../node/walk';
import { cliRosterRoot, NodeRosters, rosterProblemLines } from '../node/roster';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args';
import { collectFiles, selectChanged, type FoundFile } from './files';
import { formatReports } from './formats';
import { githubLineUrl, toSummary } from './formats/summary';
import { GitChanges, GitError } from './git';
import { itemsMain } from './items';
import { runLearn } from './learn';
import { CliLinkStatus } from './online';
import { printable, type FileReport } from './report';
import { readStdin } from './stdin';

declare const PACKAGE_VERSION: string | undefined;
const VERSION = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev';

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'items') return itemsMain(argv.slice(1), (t) => process.stdout.write(t), (t) => process.stderr.write(t));
  if (argv[0] === 'learn') return runLearn(argv.slice(1), (t) => process.stdout.write(t), (t) => process.stderr.write(t));
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
  const stdinFile: FoundFile | undefined = options.paths[0] === '-' ? { path: options.stdinFilename ?? '<stdin>', explicit: true } : undefined;
  const stdinText = stdinFile ? await readStdin(MAX_MINUTES_BYTES) : undefined;
  const { files, missing, skipped } = stdinFile
    ? { files: [stdinFile], missing: [], skipped: [] }
    : changes ? selectChanged(options.paths, extensions, changes.files) : collectFiles(options.paths, extensions);
  for (const m of missing) fail(`no such file or directory: ${m}`);
  for (const s of skipped) note(`note: skipped ${s.path}: ${SKIP_NOTES[s.reason]}`);
  let fixedStdin: string | undefined;

  // Without a `.git` above a configuration, the folder the CLI runs in is its repository.
  const host = nodeConfigHost(undefined, process.cwd());
  const configs = new Map<string, ResolvedConfig>();
  const reportedConfigs = new Set<string>();
  const reports: FileReport[] = [];
  const rosters = new NodeRosters({ scanMinutes: true });
  // The files of this run teach the lossy mojibake repair what the team's Chinese looks like.
  let reference: Promise<readonly string[]> | undefined;
  const referenceText = () => (reference ??= readTexts(files.map((f) => f.path)));
  const linkLookups = new CliLinkStatus(options);
  // One template per series: every file's siblings (its folder, its sibling year folders) are read
  // first. Text on stdin stands for the file it names, in place of that file's copy on disk.
  const seriesPaths = files.filter((f) => f !== stdinFile || options.stdinFilename).map((f) => toPosixPath(f.path));
  const series = indexSeriesOf(seriesPaths, toPosixPath(process.cwd()), diskSeries);
  if (stdinFile && options.stdinFilename && stdinText && !('error' in stdinText)) {
    const decoded = decodeMinutes(stdinText.bytes);
    if ('text' in decoded) series.set(toPosixPath(stdinFile.path), decoded.text);
  }

  for (const file of files) {
    const path = toPosixPath(file.path);
    const config = resolveConfig(path, host, options.config ? toPosixPath(options.config) : undefined);
    if (config.path) configs.set(config.path, config);
    for (const p of config.problems) {
      const key = `${p.path}:${p.start}:${p.message.en}`;
      if (reportedConfigs.has(key)) continue;
      reportedConfigs.add(key);
      fail(`${configPlace(p, host)}: ${p.message[options.lang]} ${options.lang === 'zh' ? '（使用默认值）' : '(defaults are used)'}`);
    }
    // The repository asked for the network and the user did not grant it: said once, not a failure.
    for (const n of unheededWishes(config, network)) {
      const key = `${n.path}:${n.start}:${n.message.en}`;
      if (reportedConfigs.has(key)) continue;
      reportedConfigs.add(key);
      note(`note: ${configPlace(n, host)}: ${n.message[options.lang]}`);
    }
    const read = file === stdinFile ? ('error' in stdinText! ? stdinText : decodeMinutes(stdinText!.bytes)) : readMinutesFile(file.path);
    if ('error' in read) {
      if (file.explicit) {
        reports.push({ path: file.path, diagnostics: [], error: read.error });
        failed = true;
      }
      continue;
    }
    try {
      const checked = await checkFile(file, read.text, { path, config, forcedTemplate, options, rosters, referenceText, linkLookups, network, series });
      if (!checked) continue;
      const { report, text } = checked;
      // An editor or tool piping text through `--fix` wants the text back, nothing else.
      if (file === stdinFile && options.fix) fixedStdin = text;
      else if (text !== read.text) writeFileSync(file.path, text, 'utf8');
      if (changes && options.onlyChangedLines && report.lines) report.diagnostics = changes.onChangedLines(path, report.diagnostics, report.lines);
      reports.push(report);
    } catch (error) {
      // A bug the core did not contain costs this file its report, never the others theirs.
      const reason = error instanceof Error ? error.message : String(error);
      reports.push({ path: file.path, diagnostics: [], error: `internal error while checking this file (please report it): ${reason}` });
      failed = true;
    }
  }

  linkLookups.save();
  // A broken roster file is the team's to fix, not the minutes' fault: a warning, not a failure.
  for (const line of rosterProblemLines(rosters, options.lang)) note(`warning: ${line}`);
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

interface FileContext {
  path: string;
  config: ResolvedConfig;
  forcedTemplate: TemplateSpec | undefined;
  options: CliOptions;
  rosters: NodeRosters;
  referenceText: () => Promise<readonly string[]>;
  linkLookups: CliLinkStatus;
  /** The network as the user granted it (`--online`, `--api`), never as the repository wished. */
  network: { online: boolean; confirmedApi: Record<string, string> };
  /** The series of this run's files: one template for a series' minutes. */
  series: SeriesIndex;
}

/**
 * Lints (and with `--fix`, fixes) one file's text; undefined when a folder walk should skip it.
 * The caller decides where a fixed text goes (the file, or standard output for stdin).
 */
async function checkFile(file: FoundFile, original: string, ctx: FileContext): Promise<{ report: FileReport; text: string } | undefined> {
  const { path, config, options } = ctx;
  const template = ctx.forcedTemplate ? resolveTemplate(path, original, { spec: ctx.forcedTemplate, reason: '--template' }) : undefined;
  const services = {
    ...nodeServices, referenceText: ctx.referenceText, roster: () => ctx.rosters.rosterFor(config, cliRosterRoot(config, path)),
    series: (p: string) => ctx.series.view(p),
    linkStatus: ctx.network.online ? ctx.linkLookups.get() : undefined,
  };
  const input = { path, config, template, lang: options.lang, services, ...ctx.network, text: original };
  const first = await lint(input);
  if (!file.explicit && !includeInWalk(path, first.template, options)) return undefined;
  const { text, result, fixed } = options.fix
    ? await fixUntilStable(input, (d) => autoFixes(d, options.fixLossy), first)
    : { text: original, result: first, fixed: 0 };
  return { report: { path: file.path, template: result.template, lines: result.doc.lines, diagnostics: result.diagnostics, fixed }, text };
}

/** In a folder walk: `.md` files always; `.txt` only for templates that use them; `files` globs when configured. */
function includeInWalk(path: string, template: ResolvedTemplate, options: CliOptions): boolean {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (ext !== 'md' && !options.ext) {
    const wanted = template.extensions ?? ['md'];
    if (!wanted.includes(ext) || template.confidence === 'none') return false;
  }
  return true;
}

/** `file:line:column` of a config problem, as compilers print it, so an editor or CI log can jump there. */
function configPlace(problem: ConfigProblem, host: ConfigHost): string {
  if (problem.end <= problem.start && problem.start === 0) return problem.path;
  const text = host.readFile(problem.path);
  if (text === undefined) return problem.path;
  const at = new LineIndex(text).position(problem.start);
  return `${problem.path}:${at.line + 1}:${at.character + 1}`;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`minutes-lint: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
