import { readFileSync, existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import {
  applyEdits,
  builtinTemplate,
  lint,
  mergeFixEdits,
  resolveTemplate,
  type Diagnostic,
  type LintResult,
  type Rule,
} from '../server/src/core';
import type { ResolvedConfig } from '../server/src/core/config/types';
import type { Lang } from '../server/src/core/i18n/lang';
import type { LinkStatus } from '../server/src/core/links/types';
import { inlineEntries, Roster } from '../server/src/core/roster';
import type { SeriesFile } from '../server/src/core/items/meetings';
import { SeriesIndex } from '../server/src/core/series';
import type { LinkStatusService, Services } from '../server/src/core/services';

/** The repository root: the nearest folder above the compiled test with a package.json. */
export const ROOT = ((): string => {
  for (let dir = __dirname; dir !== join(dir, '..'); dir = join(dir, '..')) {
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  return process.cwd();
})();

export interface LintTextOptions {
  template?: string;
  config?: ResolvedConfig;
  lang?: Lang;
  services?: Services;
  /** Run the online rules too (they ask `services.linkStatus`). */
  online?: boolean;
  /** API servers the user confirmed (a configuration's `links.api` alone is not asked). */
  confirmedApi?: Record<string, string>;
}

/** Lints an in-memory document the way the hosts do; `path` drives template detection. */
export function lintText(text: string, path: string, options: LintTextOptions = {}): Promise<LintResult> {
  const spec = options.template ? builtinTemplate(options.template) : undefined;
  if (options.template && !spec) throw new Error(`no built-in template ${options.template}`);
  const template = spec ? resolveTemplate(path, text, { spec, reason: 'test' }) : undefined;
  return lint({
    path,
    text,
    template,
    config: options.config,
    lang: options.lang,
    services: options.services,
    online: options.online,
    confirmedApi: options.confirmedApi,
  });
}

export function only(diagnostics: Diagnostic[], rule: string): Diagnostic[] {
  return diagnostics.filter((d) => d.rule === rule);
}

/** 1-based line of a diagnostic, as users see it. */
export function lineOf(result: LintResult, d: Diagnostic): number {
  return result.doc.lines.position(d.span.start).line + 1;
}

/** Applies every diagnostic's preferred (or first) fix of one rule at once. */
export function applyRuleFixes(text: string, diagnostics: Diagnostic[], rule: string): string {
  const fixes = only(diagnostics, rule)
    .map((d) => d.fixes.find((f) => f.preferred) ?? d.fixes[0])
    .filter((f) => f !== undefined);
  return applyEdits(text, mergeFixEdits(fixes)).text;
}

export interface DocExample {
  kind: 'bad' | 'good';
  path: string;
  template?: string;
  /** `files="images/a.png ../b.md"`: the files that exist next to the example (for link/missing-file). */
  files?: string[];
  /** `handles="Wine93 ilixiaocui"`: the contributor roster the example is checked with (handle rules). */
  handles?: string[];
  /**
   * `online="opencurve/curve#2300=issue opencurve/curve#99999=not-found"`: what the forge answers
   * (`pull`, `issue`, `merged`, `not-found`, `moved:owner/repo#N`, `rate-limited`); other items exist as linked.
   */
  online?: string[];
  /**
   * The other minutes of the example's series (` ```markdown series path="…" ` blocks before it):
   * the series rules' examples run with them as `Services.series`. A series block after an
   * example starts a new series for the examples that follow.
   */
  series?: Array<{ path: string; text: string }>;
  text: string;
  /**
   * A bad example's expected findings of its rule: the ` ```text findings ` block that follows
   * it, one `line:column message` per finding (1-based, as an editor shows them).
   */
  findings?: string[];
}

/** A link-status service that answers from a docs example's `online="…"` attribute, with no network. */
export function exampleLinkStatus(entries: string[]): LinkStatusService {
  const answers = new Map<string, LinkStatus>();
  for (const entry of entries) {
    const [item, answer] = entry.split('=');
    const status: LinkStatus =
      answer === 'not-found'
        ? { state: 'not-found' }
        : answer.startsWith('moved:')
          ? { state: 'moved', kind: 'issue', movedTo: `https://github.com/${answer.slice(6).replace('#', '/issues/')}` }
          : answer === 'rate-limited'
            ? { state: 'unverified', reason: 'rate-limited', retryAt: Date.UTC(2024, 0, 1, 12) }
            : {
                state: 'found',
                kind: answer === 'issue' ? 'issue' : 'pull',
                status: answer === 'merged' ? 'merged' : 'open',
                title: 'Example title',
              };
    answers.set(item.toLowerCase(), status);
  }
  return {
    lookup: async (target) =>
      answers.get(`${target.owner}/${target.repo}#${target.id}`.toLowerCase()) ?? {
        state: 'found',
        kind: target.kind === 'pull' ? 'pull' : 'issue',
        status: 'open',
      },
  };
}

/** Reads the `bad`/`good` fenced examples of a rule's docs page (docs/rules/<id>.md). */
export function docsExamples(ruleId: string): DocExample[] | undefined {
  const file = docsPage(ruleId);
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const examples: DocExample[] = [];
  let series: Array<{ path: string; text: string }> = [];
  let afterExample = false;
  for (let i = 0; i < lines.length; i++) {
    const block = fencedBlock(lines, i);
    if (block?.kind === 'series') {
      if (afterExample) series = [];
      afterExample = false;
      const attrs = Object.fromEntries([...block.attrs.matchAll(/\b(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      series.push({ path: attrs.path ?? `minutes-${series.length}.md`, text: block.body.join('\n') + '\n' });
      i = block.end;
      continue;
    }
    if (block?.kind !== 'bad' && block?.kind !== 'good') continue;
    afterExample = true;
    const attrs = Object.fromEntries([...block.attrs.matchAll(/\b(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const files = attrs.files ? attrs.files.split(/\s+/).filter(Boolean) : undefined;
    const handles = attrs.handles ? attrs.handles.split(/\s+/).filter(Boolean) : undefined;
    const online = attrs.online !== undefined ? attrs.online.split(/\s+/).filter(Boolean) : undefined;
    const findings = block.kind === 'bad' ? findingsAfter(lines, block.end + 1) : undefined;
    const example: DocExample = {
      kind: block.kind,
      path: attrs.path ?? 'minutes.md',
      template: attrs.template,
      files,
      handles,
      online,
      findings: findings?.body,
      text: block.body.join('\n') + '\n',
    };
    if (series.length) example.series = [...series];
    examples.push(example);
    i = findings ? findings.end : block.end;
  }
  return examples;
}

export function docsPage(ruleId: string): string {
  return join(ROOT, 'docs', 'rules', `${ruleId}.md`);
}

interface FencedBlock {
  /** `bad`, `good`, `findings`, `series`, or undefined for any other block. */
  kind?: 'bad' | 'good' | 'findings' | 'series';
  attrs: string;
  body: string[];
  /** The line of the closing fence. */
  end: number;
}

/** The fenced block that opens at `lines[at]`, if one does. */
export function fencedBlock(lines: readonly string[], at: number): FencedBlock | undefined {
  const open = /^(`{3,}|~{3,})[ \t]*(?:[^\s`~]\S*[ \t]+)?(bad|good|findings|series)?\b(.*)$/.exec(lines[at]);
  if (!open) return undefined;
  const fence = open[1];
  const body: string[] = [];
  let i = at + 1;
  for (; i < lines.length && !(lines[i].startsWith(fence) && lines[i].trim() === fence); i++) body.push(lines[i]);
  return { kind: open[2] as FencedBlock['kind'], attrs: open[3], body, end: i };
}

/** The ` ```text findings ` block after a bad example (blank lines between), if there is one. */
export function findingsAfter(lines: readonly string[], from: number): { start: number; end: number; body: string[] } | undefined {
  let i = from;
  while (i < lines.length && !lines[i].trim()) i++;
  const block = i < lines.length ? fencedBlock(lines, i) : undefined;
  return block?.kind === 'findings' ? { start: i, end: block.end, body: block.body } : undefined;
}

/** Lints a docs example the way its attributes say: the files beside it, the roster, the forge's answers. */
export async function runDocExample(
  rule: { online?: boolean },
  example: DocExample,
): Promise<{ result: LintResult; rerun: (text: string) => Promise<LintResult> }> {
  // `files="…"` gives the example a folder: those files and their folders exist, no other does.
  const existing = example.files?.map((f) => posix.join(posix.dirname(example.path), f));
  const folders = existing?.flatMap((f) => ancestors(f));
  let services: Services | undefined = existing ? { fileExists: (p: string) => existing.includes(p) || folders!.includes(p) } : undefined;
  // `handles="…"`: the examples of the handle rules run with that roster.
  const roster = example.handles && new Roster(inlineEntries(example.handles, '/docs/.minutesrc.json'));
  if (roster) services = { ...services, roster: () => roster };
  // ` ```markdown series ` blocks: the other minutes of the example's series.
  if (example.series) services = { ...services, ...seriesServices(example.series) };
  // `online="…"`: the online rules' examples run against those answers, with no network.
  const online = rule.online === true;
  if (online) services = { ...services, linkStatus: exampleLinkStatus(example.online ?? []) };
  const rerun = (text: string) => lintText(text, example.path, { template: example.template, services, online });
  return { result: await rerun(example.text), rerun };
}

/** A rule's findings as a docs page lists them: `line:column message`, 1-based. */
export function findingLines(result: LintResult, ruleId: string): string[] {
  return only(result.diagnostics, ruleId).map((d) => {
    const at = result.doc.lines.position(d.span.start);
    return `${at.line + 1}:${at.character + 1} ${d.message.replace(/\n/g, ' ')}`;
  });
}

function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let dir = posix.dirname(path); dir !== '.' && dir !== '/' && !out.includes(dir); dir = posix.dirname(dir)) out.push(dir);
  return out;
}

/** `Services.series` as a host gives it: the files grouped and ordered by the series model. */
export function seriesServices(files: readonly SeriesFile[]): Services {
  const index = new SeriesIndex();
  for (const f of files) index.set(f.path, f.text);
  return { series: (path) => index.view(path) };
}

/** `rule`'s findings on `path`, one of the series `files`, as `line message`. */
export async function inSeries(files: readonly SeriesFile[], path: string, rule: string): Promise<string[]> {
  const file = files.find((f) => f.path === path)!;
  const result = await lintText(file.text, path, { services: seriesServices(files) });
  return only(result.diagnostics, rule).map((d) => `${lineOf(result, d)} ${d.message}`);
}

/** A rule for the engine's own tests: it runs `during` (to record, take time, cancel), then reports once at offset 0. */
export function hookRule(id: string, during: () => void): Rule {
  return {
    id,
    defaultSeverity: 'warning',
    description: { en: id, zh: id },
    messages: { found: { en: 'found', zh: '发现' } },
    check(ctx) {
      during();
      ctx.report({ span: { start: 0, end: 1 }, message: ctx.t('found') });
    },
  };
}
