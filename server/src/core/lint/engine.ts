import type { ResolvedConfig, RuleSetting } from '../config/types';
import { format, type Lang } from '../i18n/lang';
import { normalizeName, parseMinutes } from '../model/parse';
import type { MinutesDocument } from '../model/types';
import { allRules } from '../rules';
import type { Fix, Rule, RuleContext, Severity } from '../rules/types';
import { noServices, type Services } from '../services';
import { structureApplies } from '../templates/confidence';
import { resolveTemplate } from '../templates/resolve';
import type { ResolvedTemplate, SectionSpec } from '../templates/types';
import type { Span } from '../text/lines';
import { readSuppressions } from './directives';

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
}

export interface LintInput {
  path: string;
  text: string;
  config?: ResolvedConfig;
  /** `--template ID` on the command line wins over configuration. */
  template?: ResolvedTemplate;
  lang?: Lang;
  services?: Services;
  rules?: readonly Rule[];
  /** Run rules that need the network. */
  online?: boolean;
}

export interface LintResult {
  doc: MinutesDocument;
  template: ResolvedTemplate;
  diagnostics: Diagnostic[];
}

/**
 * `--template`, else the configuration, else the file's series (one template for all its
 * minutes: recognised from most of them, or learned from them), else the file's own detection.
 */
export function chooseTemplate(input: Pick<LintInput, 'path' | 'text' | 'config' | 'template' | 'services'>): ResolvedTemplate {
  if (input.template) return input.template;
  const config = input.config;
  if (config?.template) return resolveTemplate(input.path, input.text, { spec: config.template, reason: config.templateReason });
  const series = input.services?.series?.(input.path)?.choice;
  return resolveTemplate(input.path, input.text, series ?? {});
}

function allSectionNames(specs: SectionSpec[] | undefined, out: Set<string>, patterns: RegExp[]): void {
  for (const s of specs ?? []) {
    for (const n of s.names) out.add(normalizeName(n));
    for (const p of s.patterns ?? []) patterns.push(new RegExp(p, 'i'));
    allSectionNames(s.children, out, patterns);
  }
}

/** Parses with what the template knows (its plain-text section names). One parse per version. */
export function parseForTemplate(path: string, text: string, template: ResolvedTemplate): MinutesDocument {
  const names = new Set<string>();
  const patterns: RegExp[] = [];
  allSectionNames(template.sections, names, patterns);
  const known = names.size || patterns.length
    ? (title: string) => names.has(normalizeName(title)) || patterns.some((p) => p.test(title))
    : undefined;
  return parseMinutes(text, path, { format: template.format === 'plaintext' ? 'plaintext' : undefined, sectionNames: known });
}

export function severityFor(rule: Rule, setting: RuleSetting | undefined): Severity | 'off' {
  if (setting === undefined) return rule.defaultSeverity;
  const s = Array.isArray(setting) ? setting[0] : setting;
  return s;
}

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

function atMost(severity: Severity, cap: Severity | undefined): Severity {
  return cap && SEVERITY_RANK[severity] > SEVERITY_RANK[cap] ? cap : severity;
}

/** Runs the rules on one document. Pure: everything outside the text comes through `input`. */
export async function lint(input: LintInput): Promise<LintResult> {
  const template = chooseTemplate(input);
  const doc = parseForTemplate(input.path, input.text, template);
  const services = input.services ?? noServices;
  // Structure rules hold a file to its template: on a guess they would impose another team's conventions.
  const structure = structureApplies(template);
  const lang = input.lang ?? 'en';
  const settings = input.config?.config.rules ?? {};
  const diagnostics: Diagnostic[] = [];
  // Rules write fixes with `\n`; a file saved with Windows line endings keeps them.
  const crlf = /\r\n/.test(input.text) && !/(^|[^\r])\n/.test(input.text);
  for (const rule of input.rules ?? allRules) {
    if (rule.online && !input.online) continue;
    if (rule.needsConfidentTemplate && !structure) continue;
    const setting = settings[rule.id];
    const severity = severityFor(rule, setting);
    if (severity === 'off') continue;
    const ctx: RuleContext = {
      doc,
      template,
      lang,
      services,
      series: services.series?.(input.path),
      links: input.config?.config.links,
      options: Array.isArray(setting) ? setting[1] ?? {} : {},
      t: (id, data) => {
        const message = rule.messages[id];
        if (!message) throw new Error(`rule ${rule.id} has no message "${id}"`);
        return format(message, lang, data);
      },
      report: (r) => diagnostics.push({
        rule: rule.id,
        severity: atMost(setting === undefined && r.severity ? r.severity : severity, r.maxSeverity),
        message: r.message,
        span: r.span,
        fixes: crlf ? (r.fixes ?? []).map(withCrlf) : r.fixes ?? [],
      }),
    };
    try {
      await rule.check(ctx);
    } catch (error) {
      // One broken rule must not hide the others' findings; report it where it can be seen.
      diagnostics.push({
        rule: rule.id,
        severity: 'error',
        message: `internal error in rule ${rule.id}: ${error instanceof Error ? error.message : String(error)}`,
        span: { start: 0, end: 0 },
        fixes: [],
      });
    }
  }
  const suppressions = readSuppressions(doc.comments, doc.lines, doc.text.length);
  const kept = diagnostics.filter((d) => !suppressions.isSuppressed(d.rule, d.span.start));
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
  return { doc, template, diagnostics: kept };
}

function withCrlf(fix: Fix): Fix {
  return { ...fix, edits: fix.edits.map((e) => ({ ...e, newText: e.newText.replace(/\r?\n/g, '\r\n') })) };
}
