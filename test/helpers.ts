import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, builtinTemplate, lint, mergeFixEdits, resolveTemplate, type Diagnostic, type LintResult } from '../server/src/core';
import type { ResolvedConfig } from '../server/src/core/config/types';
import type { Lang } from '../server/src/core/i18n/lang';
import type { LinkStatus } from '../server/src/core/links/types';
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
  return lint({ path, text, template, config: options.config, lang: options.lang, services: options.services, online: options.online, confirmedApi: options.confirmedApi });
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
  const fixes = only(diagnostics, rule).map((d) => d.fixes.find((f) => f.preferred) ?? d.fixes[0]).filter((f) => f !== undefined);
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
  text: string;
}

/** A link-status service that answers from a docs example's `online="…"` attribute, with no network. */
export function exampleLinkStatus(entries: string[]): LinkStatusService {
  const answers = new Map<string, LinkStatus>();
  for (const entry of entries) {
    const [item, answer] = entry.split('=');
    const status: LinkStatus =
      answer === 'not-found' ? { state: 'not-found' }
      : answer.startsWith('moved:') ? { state: 'moved', kind: 'issue', movedTo: `https://github.com/${answer.slice(6).replace('#', '/issues/')}` }
      : answer === 'rate-limited' ? { state: 'unverified', reason: 'rate-limited', retryAt: Date.UTC(2024, 0, 1, 12) }
      : { state: 'found', kind: answer === 'issue' ? 'issue' : 'pull', status: answer === 'merged' ? 'merged' : 'open', title: 'Example title' };
    answers.set(item.toLowerCase(), status);
  }
  return {
    lookup: async (target) =>
      answers.get(`${target.owner}/${target.repo}#${target.id}`.toLowerCase()) ?? { state: 'found', kind: target.kind === 'pull' ? 'pull' : 'issue', status: 'open' },
  };
}

/** Reads the `bad`/`good` fenced examples of a rule's docs page (docs/rules/<id>.md). */
export function docsExamples(ruleId: string): DocExample[] | undefined {
  const file = join(ROOT, 'docs', 'rules', `${ruleId}.md`);
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const examples: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})[ \t]*(?:[^\s`~]\S*[ \t]+)?(bad|good)\b(.*)$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    const attrs = Object.fromEntries([...open[3].matchAll(/\b(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i].startsWith(fence) && lines[i].trim() === fence); i++) body.push(lines[i]);
    const files = attrs.files ? attrs.files.split(/\s+/).filter(Boolean) : undefined;
    const handles = attrs.handles ? attrs.handles.split(/\s+/).filter(Boolean) : undefined;
    const online = attrs.online !== undefined ? attrs.online.split(/\s+/).filter(Boolean) : undefined;
    examples.push({ kind: open[2] as 'bad' | 'good', path: attrs.path ?? 'minutes.md', template: attrs.template, files, handles, online, text: body.join('\n') + '\n' });
  }
  return examples;
}
