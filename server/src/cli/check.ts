/**
 * Checking the files of one run, series by series: what the main thread does alone, and what
 * each worker thread does with the series it is handed (cli/pool.ts). A checker keeps what one
 * thread may share between files (configurations, rosters, parsed series members); its answers
 * do not depend on which other series it checked before, so any split gives the same reports.
 */
import { writeFileSync } from 'node:fs';
import {
  autoFixes,
  fixUntilStable,
  lint,
  LineIndex,
  resolveConfig,
  resolveTemplate,
  type ConfigHost,
  type ResolvedTemplate,
  type TemplateSpec,
} from '../core';
import { unheededWishes } from '../core/config/network';
import type { ConfigProblem } from '../core/config/types';
import { seriesKey, type SeriesIndex } from '../core/series';
import { indexSeriesOf } from '../core/series/folder';
import { sharedParses } from '../core/series/memo';
import { nodeConfigHost, nodeServices, toPosixPath } from '../node/host';
import { readMinutesFile, type ReadResult } from '../node/inputs';
import { readTexts } from '../node/reference';
import { cliRosterRoot, NodeRosters, rosterProblemLines } from '../node/roster';
import { diskSeries } from '../node/series';
import { DiskRunCache, type CacheLocation } from '../node/tree-cache';
import type { CliOptions } from './args';
import type { FoundFile } from './files';
import { CliLinkStatus } from './online';
import type { FileReport } from './report';

/** What every thread of a run is told: the same for all, so they answer alike. */
export interface RunSettings {
  options: CliOptions;
  /** `--template`, loaded once by the main thread. */
  forcedTemplate?: TemplateSpec;
  /** The network as the user granted it (`--online`, `--api`), never as the repository wished. */
  network: { online: boolean; confirmedApi: Record<string, string> };
  /** Every file of the run: they teach the lossy mojibake repair what the team's Chinese looks like. */
  runPaths: string[];
  /** The folder the run started in: where configurations without `.git` above them have their root. */
  cwd: string;
  /** Where Markdown trees are kept between runs (the launcher's cache folder and bundle hash); none: parse every time. */
  cache?: CacheLocation;
}

/** A configuration's problem or unheeded wish, said once per run however many files share it. */
export interface ConfigNote {
  key: string;
  text: string;
  /** A broken configuration fails the run; a wish the user did not grant is only a note. */
  failure: boolean;
}

export interface FileOutcome {
  /** Undefined when a folder walk passes over the file (a `.txt` no template claims). */
  report?: FileReport;
  notes: ConfigNote[];
  failed?: boolean;
  /** Bytes of text checked, for `--stats`. */
  bytes: number;
  /** Standard input with `--fix`: the fixed text, printed instead of a report. */
  fixedText?: string;
}

/** Text read from standard input, standing for the file it names. */
export interface StdinInput {
  file: FoundFile;
  read: ReadResult;
}

/** Files of one series (or one file outside any), checked together: the series is read once for them. */
export interface Unit {
  /** Positions in the run's walk order. */
  indices: number[];
  files: FoundFile[];
}

/** Groups a run's files by series, in walk order; standard input without a name is its own unit. */
export function seriesUnits(files: readonly FoundFile[]): Unit[] {
  const byKey = new Map<string, Unit>();
  files.forEach((file, index) => {
    const key = seriesKey(toPosixPath(file.path));
    let unit = byKey.get(key);
    if (!unit) byKey.set(key, (unit = { indices: [], files: [] }));
    unit.indices.push(index);
    unit.files.push(file);
  });
  return [...byKey.values()];
}

export class FileChecker {
  // Without a `.git` above a configuration, the folder the CLI runs in is its repository.
  private readonly host: ConfigHost;
  private readonly rosters = new NodeRosters({ scanMinutes: true });
  private readonly linkLookups: CliLinkStatus;
  private reference: Promise<readonly string[]> | undefined;

  /** Trees and series profiles kept between runs. */
  private readonly cache: DiskRunCache | undefined;

  constructor(private readonly settings: RunSettings) {
    this.host = nodeConfigHost(undefined, settings.cwd);
    this.linkLookups = new CliLinkStatus(settings.options);
    this.cache = DiskRunCache.open(settings.cache);
    sharedParses.store = this.cache?.trees;
  }

  /**
   * Checks the files of one unit, in its order. The series they belong to (their siblings on
   * disk, text on stdin standing for the file it names) is read first; the checks then take the
   * documents its profiles parsed.
   */
  async checkUnit(files: readonly FoundFile[], stdin?: StdinInput): Promise<FileOutcome[]> {
    const { options } = this.settings;
    const seriesPaths = files.filter((f) => f !== stdin?.file || options.stdinFilename).map((f) => toPosixPath(f.path));
    const series = indexSeriesOf(seriesPaths, toPosixPath(this.settings.cwd), diskSeries, {
      parses: sharedParses,
      profiles: this.cache?.profiles,
    });
    if (stdin && options.stdinFilename && !('error' in stdin.read)) series.set(toPosixPath(stdin.file.path), stdin.read.text);
    const outcomes: FileOutcome[] = [];
    for (const file of files) outcomes.push(await this.checkOne(file, series, file === stdin?.file ? stdin.read : undefined));
    return outcomes;
  }

  /** Roster files' problems met so far, as lines. */
  rosterLines(): string[] {
    return rosterProblemLines(this.rosters, this.settings.options.lang);
  }

  /** Saves the online answers (the main thread's checker is the only one that asks). */
  save(): void {
    this.linkLookups.save();
  }

  private async checkOne(file: FoundFile, series: SeriesIndex, given: ReadResult | undefined): Promise<FileOutcome> {
    const { options } = this.settings;
    const path = toPosixPath(file.path);
    const config = resolveConfig(path, this.host, options.config ? toPosixPath(options.config) : undefined);
    const notes: ConfigNote[] = [];
    for (const p of config.problems) {
      notes.push({
        key: noteKey(p),
        text: `${this.place(p)}: ${p.message[options.lang]} ${options.lang === 'zh' ? '（使用默认值）' : '(defaults are used)'}`,
        failure: true,
      });
    }
    // The repository asked for the network and the user did not grant it: said once, not a failure.
    for (const n of unheededWishes(config, this.settings.network)) {
      notes.push({ key: noteKey(n), text: `note: ${this.place(n)}: ${n.message[options.lang]}`, failure: false });
    }
    const read = given ?? readMinutesFile(file.path);
    if ('error' in read) {
      return file.explicit
        ? { report: { path: file.path, diagnostics: [], error: read.error }, notes, failed: true, bytes: 0 }
        : { notes, bytes: 0 };
    }
    const bytes = Buffer.byteLength(read.text);
    const original = read.text;
    try {
      const template = this.settings.forcedTemplate
        ? resolveTemplate(path, original, { spec: this.settings.forcedTemplate, reason: '--template' })
        : undefined;
      const services = {
        ...nodeServices,
        referenceText: () => (this.reference ??= readTexts(this.settings.runPaths)),
        roster: () => this.rosters.rosterFor(config, cliRosterRoot(config, path)),
        series: (p: string) => series.view(p),
        linkStatus: this.settings.network.online ? this.linkLookups.get() : undefined,
      };
      // A command-line run checks each text once, so its document may be the one the series profile parsed.
      const input = {
        path,
        config,
        template,
        lang: options.lang,
        services,
        ...this.settings.network,
        text: original,
        parses: sharedParses,
      };
      const first = await lint(input);
      if (!file.explicit && !includeInWalk(path, first.template, options)) return { notes, bytes };
      const { text, result, fixed } = options.fix
        ? await fixUntilStable(input, (d) => autoFixes(d, options.fixLossy), first)
        : { text: original, result: first, fixed: 0 };
      const report: FileReport = {
        path: file.path,
        template: result.template,
        lines: result.doc.lines,
        diagnostics: result.diagnostics,
        fixed,
      };
      // An editor or tool piping text through `--fix` wants the text back, nothing else.
      if (given && options.fix) return { report, notes, bytes, fixedText: text };
      if (text !== original) writeFileSync(file.path, text, 'utf8');
      return { report, notes, bytes };
    } catch (error) {
      // A bug the core did not contain costs this file its report, never the others theirs.
      const reason = error instanceof Error ? error.message : String(error);
      return {
        report: { path: file.path, diagnostics: [], error: `internal error while checking this file (please report it): ${reason}` },
        notes,
        failed: true,
        bytes,
      };
    }
  }

  /** `file:line:column` of a config problem, as compilers print it, so an editor or CI log can jump there. */
  private place(problem: ConfigProblem): string {
    if (problem.end <= problem.start && problem.start === 0) return problem.path;
    const text = this.host.readFile(problem.path);
    if (text === undefined) return problem.path;
    const at = new LineIndex(text).position(problem.start);
    return `${problem.path}:${at.line + 1}:${at.character + 1}`;
  }
}

function noteKey(problem: ConfigProblem): string {
  return `${problem.path}:${problem.start}:${problem.message.en}`;
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
