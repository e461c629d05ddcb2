/**
 * The summary panel above the rendered minutes, as HTML. Everything taken from the document
 * is escaped. Stable ids and classes (`#summary` is the page's container; `.summary-date`,
 * `.summary-decisions li`, `.summary-problems li[data-rule]`…) let tests and users' CSS find
 * the parts. Any element with `data-line` jumps to that place in the editor when clicked.
 */
import type { Lang } from '../../../server/src/core';
import type {
  MinutesSummary,
  SummaryActionItem,
  SummaryDecision,
  SummaryLink,
  SummaryPerson,
  SummaryPlace,
  SummaryProblem,
  SummaryResult,
} from '../../../server/src/protocol';
import { escapeHtml as e } from './page';
import { say, type StringId } from './strings';

export type SummaryState = { kind: 'waiting' } | { kind: 'unavailable' } | { kind: 'result'; result: SummaryResult };

export function summaryHtml(state: SummaryState, lang: Lang): string {
  if (state.kind === 'waiting') return notice('waiting', say('waiting', lang));
  if (state.kind === 'unavailable') return notice('unavailable', say('unavailable', lang));
  const { result } = state;
  if (!result.linted || !result.summary) return notice('not-minutes', say('notChecked', lang, { reason: result.reason }));
  return render(result.summary, lang);
}

function notice(kind: string, text: string): string {
  return `<p class="summary-notice summary-notice-${kind}">${e(text)}</p>`;
}

function render(s: MinutesSummary, lang: Lang): string {
  const parts = [
    header(s, lang),
    meeting(s, lang),
    block(
      'attendees',
      say('attendees', lang, { count: s.attendees.length }),
      s.attendees.map((p) => item(p, person(p))),
      lang,
    ),
    block(
      'decisions',
      say('decisions', lang, { count: s.decisions.length }),
      s.decisions.map((d) => item(d, decision(d))),
      lang,
      'ol',
    ),
    block(
      'actions',
      say('actionItems', lang, { count: s.actionItems.length }),
      s.actionItems.map((a) => item(a, action(a, lang), a.done ? 'done' : 'open')),
      lang,
    ),
    block(
      'links',
      say('links', lang, { count: s.links.length }),
      s.links.map((l) => item(l, link(l, lang), l.kind)),
      lang,
    ),
    problems(s, lang),
  ];
  return parts.join('\n');
}

function header(s: MinutesSummary, lang: Lang): string {
  const title = s.title ? `<h2 class="summary-title">${e(s.title)}</h2>` : `<h2 class="summary-title">${e(say('summary', lang))}</h2>`;
  const t = s.template;
  const confidence = t?.confidence ? ` · ${say(`confidence-${t.confidence}` as StringId, lang)}` : '';
  const template = t
    ? `<span class="summary-template" data-template="${e(t.id)}" data-confidence="${e(t.confidence ?? '')}" title="${e(say('template', lang))}: ${e(t.id)}">${e(t.name)}${e(confidence)}</span>`
    : '';
  const counts = `<span class="summary-counts" data-errors="${s.counts.errors}" data-warnings="${s.counts.warnings}">${e(say('counts', lang, s.counts))}</span>`;
  // Why this template, how sure, how to pin it: said once, under the header.
  const why = t?.explanation ? `<p class="summary-template-why">${e(t.explanation)}</p>` : '';
  return `<header class="summary-header">${title}${template}${counts}</header>${why}`;
}

function meeting(s: MinutesSummary, lang: Lang): string {
  const rows: string[] = [];
  const missing = `<span class="summary-missing">${e(say('notWritten', lang))}</span>`;
  const dateNote = s.date?.source === 'filename' ? say('fromFileName', lang) : s.date?.source === 'title' ? say('fromTitle', lang) : '';
  rows.push(
    row(
      'date',
      say('date', lang),
      s.date
        ? `<time datetime="${e(s.date.iso)}"${at(s.date)}>${e(s.date.iso)}</time>${dateNote ? ` <span class="summary-note">(${e(dateNote)})</span>` : ''}`
        : missing,
    ),
  );
  if (s.time) rows.push(row('time', say('time', lang), `<span${at(s.time)}>${e(s.time.text)}</span>`));
  if (s.hosts.length)
    rows.push(row('hosts', say('host', lang), s.hosts.map((h) => `<span class="person"${at(h)}>${person(h)}</span>`).join(', ')));
  return `<dl class="summary-meeting">${rows.join('')}</dl>`;
}

function row(kind: string, label: string, value: string): string {
  return `<dt class="summary-${kind}-label">${e(label)}</dt><dd class="summary-${kind}">${value}</dd>`;
}

function block(kind: string, title: string, items: string[], lang: Lang, list: 'ul' | 'ol' = 'ul'): string {
  const body = items.length ? `<${list}>${items.join('')}</${list}>` : `<p class="summary-empty">${e(say('none', lang))}</p>`;
  // Long lists (a TSC's twenty attendees) start folded, and so do empty ones (Curve's minutes
  // list no attendees); the decisions and action items matter most.
  const open = items.length && (items.length <= 8 || kind === 'decisions' || kind === 'actions') ? ' open' : '';
  return `<details class="summary-block summary-${kind}" data-count="${items.length}"${open}><summary>${e(title)}</summary>${body}</details>`;
}

function item(place: SummaryPlace, html: string, className?: string): string {
  return `<li${className ? ` class="${e(className)}"` : ''}${at(place)}>${html}</li>`;
}

/** Where the item is in the source; the preview's script turns a click into a jump there. */
function at(place: SummaryPlace): string {
  return ` data-line="${place.line}" data-character="${place.character}"`;
}

function person(p: SummaryPerson): string {
  const name = p.name || p.rosterName || '';
  const parts = [`<span class="name">${e(name)}</span>`];
  if (p.handle) parts.push(`<span class="handle">@${e(p.handle)}</span>`);
  if (p.rosterName && p.rosterName !== name) parts.push(`<span class="roster-name">(${e(p.rosterName)})</span>`);
  return parts.join(' ');
}

function decision(d: SummaryDecision): string {
  return `${d.topic ? `<span class="topic">${e(d.topic)}</span>` : ''}<span class="text">${e(d.text)}</span>`;
}

function action(a: SummaryActionItem, lang: Lang): string {
  const parts = [`<span class="checkbox" aria-label="${e(a.done ? say('done', lang) : '')}">${a.done ? '☑' : '☐'}</span>`];
  for (const owner of a.owners) parts.push(`<span class="owner">@${e(owner)}</span>`);
  for (const name of a.names ?? []) parts.push(`<span class="owner">${e(name)}</span>`);
  parts.push(`<span class="task">${e(a.task)}</span>`);
  if (a.due) parts.push(`<span class="due" data-due="${e(a.due)}">${e(say('due', lang, { date: a.due }))}</span>`);
  return parts.join(' ');
}

function link(l: SummaryLink, lang: Lang): string {
  const parts = [
    `<span class="kind">${e(say(l.kind, lang))}</span>`,
    `<a href="${e(l.url)}" title="${e(l.url)}">${e(l.repo)}#${e(l.id)}</a>`,
  ];
  // A bare URL's text is the URL itself: the link already says it.
  if (l.text !== l.url) parts.push(`<span class="text">${e(l.text)}</span>`);
  for (const owner of l.owners) parts.push(`<span class="owner">@${e(owner)}</span>`);
  if (l.online) {
    const state = l.online.status ?? l.online.state;
    parts.push(`<span class="state state-${e(state)}">${e(state)}</span>`);
  }
  if (l.mentions > 1) parts.push(`<span class="mentions">${e(say('mentions', lang, { count: l.mentions }))}</span>`);
  return parts.join(' ');
}

function problems(s: MinutesSummary, lang: Lang): string {
  const title = say('problems', lang, { count: s.problems.length });
  if (!s.problems.length) {
    return `<details class="summary-block summary-problems" data-count="0" open><summary>${e(title)}</summary><p class="summary-empty">${e(say('noProblems', lang))}</p></details>`;
  }
  const items = s.problems.map((p) => problem(p, lang)).join('');
  return `<details class="summary-block summary-problems" data-count="${s.problems.length}" open><summary>${e(title)}</summary><ul>${items}</ul></details>`;
}

function problem(p: SummaryProblem, lang: Lang): string {
  return (
    `<li class="severity-${e(p.severity)}" data-rule="${e(p.rule)}"${at(p)} role="button" tabindex="0">` +
    `<span class="where">${e(say('line', lang, { line: p.line + 1 }))}</span> ` +
    `<span class="message">${e(p.message)}</span> ` +
    `<code class="rule">${e(p.rule)}</code></li>`
  );
}
