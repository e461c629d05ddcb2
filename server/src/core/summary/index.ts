/**
 * `summarize()`: the summary the preview pane shows above the minutes. Pure: it reads the
 * document model the linter already built, the template and the diagnostics; roster names and
 * online link states come from the host as lookups.
 */
import type { Lang } from '../i18n/lang';
import type { Diagnostic } from '../lint/engine';
import type { LinkSettings } from '../links/types';
import type { MinutesDocument } from '../model/types';
import { localized } from '../i18n/lang';
import type { ResolvedTemplate } from '../templates/types';
import { actionItems } from './actions';
import { meetingDecisions } from './decisions';
import { linkedItems, type CachedLinkStatus } from './links';
import { meetingAttendees, meetingDate, meetingHosts, meetingTime, type RosterLookup } from './meeting';
import type { MinutesSummary, SummaryProblem } from './types';

export type * from './types';
export type { CachedLinkStatus } from './links';
export type { RosterLookup } from './meeting';

export interface SummaryOptions {
  /** The language of the template's display name. */
  lang?: Lang;
  /** `links` of `.minutesrc.json`: which repo `#N` refers to, which hosts are forges. */
  links?: LinkSettings;
  roster?: RosterLookup;
  linkStatus?: CachedLinkStatus;
}

export function summarize(
  doc: MinutesDocument,
  template: ResolvedTemplate,
  diagnostics: readonly Diagnostic[],
  options: SummaryOptions = {},
): MinutesSummary {
  const problems = diagnostics.map((d) => problem(doc, d)).sort((a, b) => a.line - b.line || a.character - b.character);
  const summary: MinutesSummary = {
    template: {
      id: template.resolvedId,
      name: localized(template.name, options.lang ?? 'en'),
      confidence: template.confidence,
      explanation: template.explanation && (template.explanation[options.lang ?? 'en'] || template.explanation.en),
    },
    hosts: meetingHosts(doc, template, options.roster),
    attendees: meetingAttendees(doc, template, options.roster),
    decisions: meetingDecisions(doc, template),
    actionItems: actionItems(doc, template),
    links: linkedItems(doc, options.links, options.linkStatus),
    problems,
    counts: {
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
      infos: problems.filter((p) => p.severity === 'info' || p.severity === 'hint').length,
    },
  };
  const title = doc.title && doc.text.slice(doc.title.titleSpan.start, doc.title.titleSpan.end).trim();
  if (title) summary.title = title;
  const date = meetingDate(doc, template);
  if (date) summary.date = date;
  const time = meetingTime(doc, template);
  if (time) summary.time = time;
  return summary;
}

function problem(doc: MinutesDocument, d: Diagnostic): SummaryProblem {
  const start = doc.lines.position(d.span.start);
  const end = doc.lines.position(d.span.end);
  return { rule: d.rule, severity: d.severity, message: d.message, ...start, endLine: end.line, endCharacter: end.character };
}
