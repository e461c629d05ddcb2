import { readFileSync, writeFileSync, statSync } from 'node:fs';
import {
  builtinTemplate, fixUntilStable, lint, LineIndex, resolveConfig, resolveTemplate,
  type ConfigHost, type Diagnostic, type ResolvedConfig, type ResolvedTemplate,
} from '../core';
import { parseApiPairs, unheededWishes } from '../core/config/network';
import type { ConfigProblem } from '../core/config/types';
import { parseTemplateText } from '../core/config/load';
import { nodeConfigHost, nodeServices, toPosixPath } from '../node/host';
import { readTexts } from '../node/reference';
import { addToIndex, seriesSiblings } from '../node/series';
import { SeriesIndex, seriesKey } from '../core/series';
import { SKIP_NOTES } from '../node/walk';
import { cliRosterRoot, NodeRosters, rosterProblemLines } from '../node/roster';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args';
import { collectFiles, type FoundFile } from './files';
import { itemsMain } from './items';
import { runLearn } from './learn';
import { CliLinkStatus } from './online';
import { printable, toGithub, toJson, toText, type FileReport } from './report';

declare const PACKAGE_VERSION: string | undefined;

const MAX_BYTES = 5 * 1024 * 1024;

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
    process.stdout.write(`${typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev'}\n`);
    return 0;
  }
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

  const forcedTemplate = options.template ? loadTemplateOption(options.template, options.lang, fail) : undefined;
  if (options.template && !forcedTemplate) return 2;
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
  const { files, missing, skipped } = collectFiles(options.paths, extensions);
  for (const m of missing) fail(`no such file or directory: ${m}`);
  for (const s of skipped) note(`note: skipped ${s.path}: ${SKIP_NOTES[s.reason]}`);

  // Without a `.git` above a configuration, the folder the CLI runs in is its repository.
  const host = nodeConfigHost(undefined, process.cwd());
  const configs = new Map<string, ResolvedConfig>();
  const reportedConfigs = new Set<string>();
  const reports: FileReport[] = [];
  const rosters = new NodeRosters({ scanMinutes: true });
  // The files of this run teach the lossy mojibake repair what the team's Chinese looks like.
  let reference: readonly string[] | undefined;
  const referenceText = () => (reference ??= readTexts(files.map((f) => f.path)));
  const linkLookups = new CliLinkStatus(options);
  // One template per series: every file's siblings (its folder, its sibling year folders) are read first.
  const series = seriesIndexFor(files.map((f) => toPosixPath(f.path)));

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
    const read = readText(file.path);
    if ('error' in read) {
      if (file.explicit) {
        reports.push({ path: file.path, diagnostics: [], error: read.error });
        failed = true;
      }
      continue;
    }
    try {
      const report = await checkFile(file, read.text, { path, config, forcedTemplate, options, rosters, referenceText, linkLookups, network, series });
      if (report) reports.push(report);
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
  const color = options.format === 'text' && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const output = options.format === 'json' ? toJson(reports, options.lang) : options.format === 'github' ? toGithub(reports) : toText(reports, color, options.lang);
  process.stdout.write(`${output}\n`);
  if (failed) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

interface FileContext {
  path: string;
  config: ResolvedConfig;
  forcedTemplate: ReturnType<typeof loadTemplateOption>;
  options: CliOptions;
  rosters: NodeRosters;
  referenceText: () => readonly string[];
  linkLookups: CliLinkStatus;
  /** The network as the user granted it (`--online`, `--api`), never as the repository wished. */
  network: { online: boolean; confirmedApi: Record<string, string> };
  /** The series of this run's files: one template for a series' minutes. */
  series: SeriesIndex;
}

/** Lints (and with `--fix`, fixes) one file; undefined when a folder walk should skip it. */
async function checkFile(file: FoundFile, original: string, ctx: FileContext): Promise<FileReport | undefined> {
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
  if (!options.fix) return { path: file.path, template: first.template, lines: first.doc.lines, diagnostics: first.diagnostics, fixed: 0 };
  const { text, result, fixed } = await fixUntilStable(input, (d) => pickFix(d, options.fixLossy), first);
  if (text !== original) writeFileSync(file.path, text, 'utf8');
  return { path: file.path, template: result.template, lines: result.doc.lines, diagnostics: result.diagnostics, fixed };
}

/** The series of the files of this run, each read with its whole series (files outside the run included). */
function seriesIndexFor(paths: readonly string[]): SeriesIndex {
  const index = new SeriesIndex({ root: toPosixPath(process.cwd()) });
  const seeded = new Set<string>();
  for (const path of paths) {
    const key = seriesKey(path);
    if (seeded.has(key)) continue;
    seeded.add(key);
    addToIndex(index, seriesSiblings(path));
  }
  return index;
}

function pickFix(d: Diagnostic, lossy: boolean) {
  const fix = d.fixes.find((f) => f.preferred) ?? d.fixes[0];
  if (!fix || !(fix.safe || (lossy && fix.preferred))) return [];
  return [fix];
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

function loadTemplateOption(id: string, lang: 'en' | 'zh', fail: (m: string) => void) {
  const builtin = builtinTemplate(id);
  if (builtin) return builtin;
  let text: string;
  try {
    text = readFileSync(id, 'utf8');
  } catch {
    fail(`--template: "${id}" is neither a built-in template (curve-biweekly, openeuler-tc, lctt-article, osh-group-meeting, generic) nor a readable file`);
    return undefined;
  }
  const parsed = parseTemplateText(text);
  if ('error' in parsed) {
    fail(`--template ${id}: ${parsed.error[lang]}`);
    return undefined;
  }
  return parsed.spec;
}

/** `file:line:column` of a config problem, as compilers print it, so an editor or CI log can jump there. */
function configPlace(problem: ConfigProblem, host: ConfigHost): string {
  if (problem.end <= problem.start && problem.start === 0) return problem.path;
  const text = host.readFile(problem.path);
  if (text === undefined) return problem.path;
  const at = new LineIndex(text).position(problem.start);
  return `${problem.path}:${at.line + 1}:${at.character + 1}`;
}

function readText(path: string): { text: string } | { error: string } {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    // A FIFO named `x.md` would block the read forever; sockets and devices are no minutes either.
    if (!stat.isFile()) return { error: 'not a regular file (a FIFO, socket or device), not read' };
    const size = stat.size;
    if (size > MAX_BYTES) return { error: `file too large to check (${(size / 1048576).toFixed(1)} MB, the limit is ${MAX_BYTES / 1048576} MB)` };
    bytes = readFileSync(path);
  } catch (error) {
    return { error: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { error: 'binary file (contains NUL bytes), not checked' };
  return { text: bytes.toString('utf8') };
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
