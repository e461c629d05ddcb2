/**
 * The Node API of the npm package (`require('community-minutes')`): the CLI's checks for
 * scripts and tools, with the CLI's `--format json` shapes. A thin host like the CLI: files,
 * configuration and rosters come from disk through the same node/ services. Nothing here
 * writes a file or uses the network.
 */
import * as core from '../core';
import type { ConfigProblem as CoreConfigProblem, MinutesConfig as CoreMinutesConfig, ResolvedConfig } from '../core/config/types';
import { jsonDiagnostic } from '../cli/report';
import { nodeConfigHost, nodeServices, toPosixPath } from '../node/host';
import { loadTemplate, readMinutesFile } from '../node/inputs';
import { readTexts } from '../node/reference';
import { indexSeriesOf } from '../core/series/folder';
import { diskSeries } from '../node/series';
import { cliRosterRoot, listMinutes, NodeRosters } from '../node/roster';
import type {
  ConfigProblem,
  ConfigResolution,
  Lang,
  LintDiagnostic,
  LintOptions,
  LintReport,
  MinutesConfig,
  ResolveConfigOptions,
  TemplateData,
} from './types';

export type * from './types';

// The shipped declarations are written by hand in types.ts: these lines stop the build when
// the core's own types drift away from them.
const configFits = (config: CoreMinutesConfig): MinutesConfig => config;
const diagnosticFits = (d: ReturnType<typeof jsonDiagnostic>): LintDiagnostic => d;
void configFits;
void diagnosticFits;

/**
 * Checks one minutes file: reads it (unless `text` is given), applies its configuration and
 * template, and reports what `minutes-lint` would. Rejects with a clear message for a file
 * it cannot read, a binary or huge file, or an unknown template.
 */
export async function lint(options: LintOptions): Promise<LintReport> {
  const path = toPosixPath(options.path);
  const lang = options.lang ?? 'en';
  let text = options.text;
  if (text === undefined) {
    const read = readMinutesFile(options.path);
    if ('error' in read) throw new Error(`${options.path}: ${read.error}`);
    text = read.text;
  }
  let template: core.ResolvedTemplate | undefined;
  if (options.template) {
    const loaded = loadTemplate(options.template);
    if ('error' in loaded) throw new Error(`template ${loaded.error}`);
    template = core.resolveTemplate(path, text, { spec: loaded.spec, reason: 'option' });
  }
  const config = resolved(path, options);
  const rosters = new NodeRosters({ scanMinutes: true });
  const root = cliRosterRoot(config, path);
  let reference: Promise<readonly string[]> | undefined;
  // One template per series, as minutes-lint: the file's siblings are read, `text` standing for the file.
  const series = indexSeriesOf([path], toPosixPath(options.root ?? process.cwd()), diskSeries);
  series.set(path, text);
  const services = {
    ...nodeServices,
    roster: () => rosters.rosterFor(config, root),
    series: (p: string) => series.view(p),
    // The lossy mojibake repair learns the team's Chinese from its other minutes, read only if it needs them.
    referenceText: () => (reference ??= readTexts(root ? listMinutes(root) : [])),
  };
  const input = { path, text, config, template, lang, services };
  let result = await core.lint(input);
  let output: { output: string; fixed: number } | undefined;
  if (options.fix) {
    const fixedRun = await core.fixUntilStable(input, (d) => core.autoFixes(d, false), result);
    result = fixedRun.result;
    output = { output: fixedRun.text, fixed: fixedRun.fixed };
  }
  return {
    path: options.path,
    template: result.template.resolvedId,
    templateReason: result.template.reason,
    templateConfidence: result.template.confidence,
    ...(result.template.explanation ? { templateExplanation: result.template.explanation[lang] || result.template.explanation.en } : {}),
    diagnostics: result.diagnostics.map((d) => jsonDiagnostic(d, result.doc.lines)),
    ...output,
    configProblems: problemsOf(config, lang, options),
  };
}

/** The `.minutesrc.json` that applies to a file (the nearest one upwards, or `configFile`), with `extends` merged. */
export function resolveConfig(path: string, options: ResolveConfigOptions = {}): ConfigResolution {
  const config = resolved(toPosixPath(path), options);
  return {
    ...(config.path ? { path: config.path } : {}),
    config: config.config,
    ...(config.template ? { template: config.template.id } : {}),
    problems: problemsOf(config, options.lang ?? 'en', options),
  };
}

/** The built-in templates as data (copies: changing them changes nothing here). */
export function builtinTemplates(): TemplateData[] {
  return core.builtinTemplates.map((t) => structuredClone(t) as unknown as TemplateData);
}

function resolved(path: string, options: { configFile?: string; root?: string }): ResolvedConfig {
  // As the CLI: without a `.git` above a configuration, the working folder is its repository.
  const host = options.root === undefined ? nodeConfigHost(undefined, process.cwd()) : nodeConfigHost(toPosixPath(options.root));
  if (options.configFile !== undefined && host.readFile(toPosixPath(options.configFile)) === undefined) {
    throw new Error(`configuration file not found: ${options.configFile}`);
  }
  return core.resolveConfig(path, host, options.configFile === undefined ? undefined : toPosixPath(options.configFile));
}

function problemsOf(config: ResolvedConfig, lang: Lang, options: { root?: string }): ConfigProblem[] {
  const host = nodeConfigHost(options.root);
  return config.problems.map((p: CoreConfigProblem) => {
    const text = host.readFile(p.path);
    const where = text === undefined || (p.start === 0 && p.end === 0) ? {} : positionOf(text, p.start);
    return { path: p.path, message: p.message[lang] || p.message.en, ...where };
  });
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const position = new core.LineIndex(text).position(offset);
  return { line: position.line + 1, column: position.character + 1 };
}
