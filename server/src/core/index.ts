/**
 * The core's public surface, used by the hosts (language server, CLI, API, tests) and, for a few
 * pure helpers, by the VS Code client (its bundle keeps only what it uses: scripts/build.mjs).
 */
export { lint, chooseTemplate, type Diagnostic, type LintInput, type LintResult } from './lint/engine';
export { applyEdits, fitFixToText, mergeFixEdits } from './lint/fixes';
export { autoFixes, fixUntilStable, MAX_FIX_PASSES, type FixedText } from './lint/fix-all';
export { resolveConfig, parseConfigText, type ConfigHost } from './config/load';
export type { ResolvedConfig, MinutesConfig } from './config/types';
export { allRules, ruleById } from './rules';
export { ruleDocsUrl } from './rules/docs';
export type { Rule, Fix, TextEdit, Severity } from './rules/types';
export { builtinTemplates, builtinTemplate } from './templates/registry';
export { resolveTemplate, detectTemplate } from './templates/resolve';
export type { ResolvedTemplate, TemplateSpec } from './templates/types';
export { normalizeLang, type Lang } from './i18n/lang';
export { LineIndex, type Span } from './text/lines';
export { parseMinutes } from './model/parse';
export type { MinutesDocument } from './model/types';
export type { SeriesItem, SeriesMention } from './items/report';
export type { CarriedItem } from './items/carry';
export type { ForgeTarget, LinkStatus } from './links/types';
export { proposeFileName, fileNameProblem, isInvalidFileName, type ProposedName, type NameProblem } from './templates/fileName';
export { renderMinutesHtml, type RenderOptions } from './render/html';
// What the VS Code client shows and writes itself (messages, the new-minutes skeleton, the
// preview's links, byte checks): small pure helpers, so its bundle takes only these.
export { format, type Message } from './i18n/lang';
export { formatDate, parseDate, type MeetingDate } from './model/dates';
export { localized, walkSectionSpecs } from './templates/match';
export type { SectionSpec } from './templates/types';
export { normalizeName } from './model/parse';
export { escapeMarkdown } from './text/markdown';
export { beforeAny } from './text/trim';
export { CONFIG_FILE, dirname, isInside, joinPath } from './config/paths';
export { decodeSequence, sequenceLength } from './encoding/utf8';
