import type { Lang, Message } from '../i18n/lang';
import type { MinutesDocument } from '../model/types';
import type { ResolvedTemplate } from '../templates/types';
import type { Span } from '../text/lines';
import type { SeriesView } from '../series/types';
import type { Services } from '../services';
import type { LinkSettings } from '../links/types';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One replacement of the text between two offsets. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix the editor offers first (and the only kind `minutes-lint --fix` applies when `safe`). */
  preferred?: boolean;
  /** Safe fixes are applied by `--fix`: they never need a human's judgement. */
  safe?: boolean;
}

export interface Report {
  span: Span;
  message: string;
  fixes?: Fix[];
  /**
   * A severity the template asks for this one finding (a placeholder that is an error in
   * published LCTT articles). Configuration of the rule's severity still wins.
   */
  severity?: Severity;
  /** The most this finding may be, whatever configuration says (an unverified link is never an error). */
  maxSeverity?: Severity;
}

export interface RuleContext<Options = Readonly<Record<string, OptionValue<RuleOption>>>> {
  doc: MinutesDocument;
  template: ResolvedTemplate;
  lang: Lang;
  services: Services;
  /** The document's series (its sibling minutes), when the host knows it: evidence for the template rules. */
  series?: SeriesView;
  /** The `links` settings of the configuration (`repos`, `api`), read by the link rules. */
  links?: LinkSettings;
  /**
   * The rule's declared options: configured (`rules: { id: [severity, options] }`) or their
   * defaults, each of its declared type (the engine applies `rules/options.ts`).
   */
  options: Options;
  /** Formats one of the rule's messages in the user's language. */
  t(id: string, data?: Record<string, string | number>): string;
  report(report: Report): void;
}

/**
 * One option of a rule, as `[severity, { name: value }]` in `.minutesrc.json` sets it: checked
 * when the configuration is read (a misspelled or mistyped option is a configuration problem)
 * and written into the configuration's JSON schema.
 */
export type RuleOption =
  | { type: 'boolean'; description: Message; default: boolean }
  | { type: 'number'; description: Message; default: number; minimum?: number }
  | { type: 'string-list'; description: Message; default: readonly string[] };

/** The value a rule reads for an option it declares. */
export type OptionValue<O extends RuleOption> = O extends { type: 'boolean' }
  ? boolean
  : O extends { type: 'number' }
    ? number
    : readonly string[];

/** A rule's options as its `check` reads them, typed from its declaration. */
export type OptionValues<Declared extends Record<string, RuleOption>> = { readonly [K in keyof Declared]: OptionValue<Declared[K]> };

export interface Rule<Declared extends Record<string, RuleOption> = Record<string, RuleOption>> {
  /** Stable id from the catalog: `template/missing-section`. Never renamed. */
  id: string;
  defaultSeverity: Severity;
  description: Message;
  /** Messages by id, in English and Chinese. */
  messages: Record<string, Message>;
  /** True when the rule offers fixes. */
  fixable?: boolean;
  /** Rules that need the network run only when online checks are enabled. */
  online?: boolean;
  /** The options the rule reads from `ctx.options`; none when absent. Declare them with `defineRule`. */
  options?: Declared;
  /** Runs before the others: a cheap rule whose finding explains why others are silent, never skipped by a host's time budget. */
  runsFirst?: boolean;
  /**
   * Rules that hold a file to its template's structure run only when the template is configured,
   * recognised or learned (`templates/confidence.ts`), never on a guess.
   */
  needsConfidentTemplate?: boolean;
  check(ctx: RuleContext<OptionValues<Declared>>): void | Promise<void>;
}

/**
 * A rule with options: `ctx.options` in its `check` is typed from its `options` declaration
 * (`knownAfter: { type: 'number', … }` reads as a number), defaults already applied.
 */
export function defineRule<const Declared extends Record<string, RuleOption>>(rule: Rule<Declared> & { options: Declared }): Rule {
  return rule;
}
