/** The core's public surface, used by the three hosts (language server, CLI, tests). */
export { lint, chooseTemplate, type Diagnostic, type LintInput, type LintResult } from './lint/engine';
export { applyEdits, fitFixToText, mergeFixEdits } from './lint/fixes';
export { autoFixes, fixUntilStable, MAX_FIX_PASSES, type FixedText } from './lint/fix-all';
export { resolveConfig, parseConfigText, CONFIG_FILE, type ConfigHost } from './config/load';
export type { ResolvedConfig, MinutesConfig } from './config/types';
export { allRules, ruleById, ruleDocsUrl } from './rules';
export type { Rule, Fix, TextEdit, Severity } from './rules/types';
export { builtinTemplates, builtinTemplate } from './templates/registry';
export { resolveTemplate, detectTemplate } from './templates/resolve';
export type { ResolvedTemplate, TemplateSpec } from './templates/types';
export { normalizeLang, type Lang } from './i18n/lang';
export { LineIndex, type Span } from './text/lines';
export { parseMinutes } from './model/parse';
export type { MinutesDocument } from './model/types';
