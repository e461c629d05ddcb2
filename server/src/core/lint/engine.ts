import type { ResolvedConfig, RuleSetting } from '../config/types';
import { format, type Lang } from '../i18n/lang';
import { normalizeName, parseMinutes } from '../model/parse';
import type { MinutesDocument } from '../model/types';
import { withConfirmedApi } from '../links/api';
import { dataPattern, type DataPattern } from '../regex/pattern';
import { allRules } from '../rules';
import type { Fix, Rule, RuleContext, Severity } from '../rules/types';
import { noServices, type Services } from '../services';
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
  /** Run rules that need the network: the user's decision (`--online`, a user setting), never the configuration's. */
  online?: boolean;
  /** Forge host → API base URL the user confirmed; `links.api` in the configuration is only a wish. */
  confirmedApi?: Record<string, string>;
}

export interface LintResult {
  doc: MinutesDocument;
  template: ResolvedTemplate;
  diagnostics: Diagnostic[];
}

export function chooseTemplate(input: Pick<LintInput, 'path' | 'text' | 'config' | 'template'>): ResolvedTemplate {
  if (input.template) return input.template;
  const config = input.config;
  return resolveTemplate(input.path, input.text, config?.template ? { spec: config.template, reason: config.templateReason } : {});
}

function allSectionNames(specs: SectionSpec[] | undefined, out: Set<string>, patterns: DataPattern[]): void {
  for (const s of specs ?? []) {
    for (const n of s.names) out.add(normalizeName(n));
    for (const p of s.patterns ?? []) {
      const pattern = dataPattern(p, { ignoreCase: true });
      if (pattern) patterns.push(pattern);
    }
    allSectionNames(s.children, out, patterns);
  }
}

/** Parses with what the template knows (its plain-text section names). One parse per version. */
export function parseForTemplate(path: string, text: string, template: ResolvedTemplate): MinutesDocument {
  const names = new Set<string>();
  const patterns: DataPattern[] = [];
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
  const lang = input.lang ?? 'en';
  const settings = input.config?.config.rules ?? {};
  const diagnostics: Diagnostic[] = [];
  // Rules write fixes with `\n`; a file saved with Windows line endings keeps them.
  const crlf = /\r\n/.test(input.text) && !/(^|[^\r])\n/.test(input.text);
  for (const rule of input.rules ?? allRules) {
    if (rule.online && !input.online) continue;
    const setting = settings[rule.id];
    const severity = severityFor(rule, setting);
    if (severity === 'off') continue;
    const ctx: RuleContext = {
      doc,
      template,
      lang,
      services: input.services ?? noServices,
      links: withConfirmedApi(input.config?.config.links, input.confirmedApi),
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
