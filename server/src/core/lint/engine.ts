import type { ResolvedConfig, RuleSetting } from '../config/types';
import { format, type Lang, type Message } from '../i18n/lang';
import type { MinutesDocument } from '../model/types';
import { withConfirmedApi } from '../links/api';
import { allRules } from '../rules';
import { ruleOptions } from '../rules/options';
import type { Fix, Rule, RuleContext, Severity } from '../rules/types';
import { noServices, type Services } from '../services';
import { structureApplies } from '../templates/confidence';
import { resolveTemplate } from '../templates/resolve';
import type { ResolvedTemplate } from '../templates/types';
import type { Span } from '../text/lines';
import type { ParseMemo } from '../series/memo';
import { parseForTemplate } from '../views/parse';
import { readSuppressions } from './directives';
import { fitFixToText } from './fixes';

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
  /** Hosts that must stay responsive (the language server) bound the time the rules may take. */
  budget?: TimeBudget;
  /**
   * Aborted when the result is no longer wanted (the document changed or closed): the check
   * stops between rules and `lint` rejects with the signal's reason.
   */
  signal?: AbortSignal;
  /**
   * Where the document comes from when the host has parsed this text already (the command line's
   * series profiles). Only for a host that checks each text once: rules cache by document.
   */
  parses?: ParseMemo;
}

/**
 * A host's limit on one document's rules. The core reads no clock of its own: the host lends
 * one, and a pause that lets it answer other requests between rules.
 */
export interface TimeBudget {
  now(): number;
  /** Milliseconds the rules of one document may take, its parse and online rules' waits for a forge excluded. */
  ms: number;
  pause?(): Promise<void>;
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

const BUDGET_MESSAGE: Message = {
  en: 'Checking stopped after {ms} ms to keep the editor responsive; not run: {rules}.',
  zh: '为保持编辑器响应，检查在 {ms} 毫秒后停止；未运行：{rules}。',
};

/** Said where the rules that did not run would have spoken: at the start of the document. */
function budgetDiagnostic(skipped: readonly Rule[], spent: number, lang: Lang): Diagnostic {
  return {
    rule: skipped[0].id,
    severity: 'info',
    message: format(BUDGET_MESSAGE, lang, { ms: Math.round(spent), rules: skipped.map((r) => r.id).join(', ') }),
    span: { start: 0, end: 0 },
    fixes: [],
  };
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
  input.signal?.throwIfAborted();
  const template = chooseTemplate(input);
  const doc = input.parses ? input.parses.parse(input.path, input.text, template) : parseForTemplate(input.path, input.text, template);
  input.signal?.throwIfAborted();
  const services = input.services ?? noServices;
  // Structure rules hold a file to its template: on a guess they would impose another team's conventions.
  const structure = structureApplies(template);
  const lang = input.lang ?? 'en';
  const settings = input.config?.config.rules ?? {};
  const diagnostics: Diagnostic[] = [];
  const enabled = (input.rules ?? allRules).filter(
    (rule) =>
      (!rule.online || input.online) && (!rule.needsConfidentTemplate || structure) && severityFor(rule, settings[rule.id]) !== 'off',
  );
  const rules = [...enabled.filter((r) => r.runsFirst), ...enabled.filter((r) => !r.runsFirst)];
  // This document's own time: other documents checked during the pauses do not count.
  let spent = 0;
  for (const [index, rule] of rules.entries()) {
    const setting = settings[rule.id];
    const severity = severityFor(rule, setting) as Severity;
    if (input.budget && !rule.runsFirst) {
      await input.budget.pause?.();
      if (spent > input.budget.ms) {
        diagnostics.push(budgetDiagnostic(rules.slice(index), spent, lang));
        break;
      }
    }
    input.signal?.throwIfAborted();
    const ruleStarted = input.budget?.now() ?? 0;
    const ctx: RuleContext = {
      doc,
      template,
      lang,
      services,
      series: services.series?.(input.path),
      links: withConfirmedApi(input.config?.config.links, input.confirmedApi),
      options: ruleOptions(rule.options, Array.isArray(setting) ? setting[1] : undefined),
      t: (id, data) => {
        const message = rule.messages[id];
        if (!message) throw new Error(`rule ${rule.id} has no message "${id}"`);
        return format(message, lang, data);
      },
      report: (r) =>
        diagnostics.push({
          rule: rule.id,
          severity: atMost(setting === undefined && r.severity ? r.severity : severity, r.maxSeverity),
          message: r.message,
          span: r.span,
          fixes: (r.fixes ?? []).map((fix) => fitFixToText(fix, input.text)),
        }),
    };
    try {
      await rule.check(ctx);
      // Waiting for a forge's answer is not the editor's time: others run while an online rule waits.
      if (input.budget && !rule.online) spent += input.budget.now() - ruleStarted;
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
