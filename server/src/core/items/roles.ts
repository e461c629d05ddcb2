import { isAttendanceLabel } from '../model/attendance';
import { trimEndWhere } from '../text/trim';
import type { MinutesDocument, Section } from '../model/types';
import { findSections } from '../views/match';
import { sectionSpecById } from '../templates/specs';
import type { ResolvedTemplate } from '../templates/types';

/**
 * What a section does for items: `carry` holds the items of earlier meetings (`遗留问题`,
 * `例会遗留事项进度确认`, `Previous action items`), `new` the ones this meeting leaves
 * (`本期遗留问题`), `actions` the tasks (`Action items`, `分工`, `TODO`), `skip` lists that are
 * never items (attendees, links).
 */
export type SectionRole = 'carry' | 'new' | 'actions' | 'skip';

/** Titles of sections with each role, in the words real series use; a template's ids come first. */
const NEW_TITLE = /^(?:本期|本次|新增?的?|本周)(?:遗留|待办)|^new action items?$/i;
const CARRY_TITLE =
  /遗留(?:问题|事项)|^(?:上期|上次|上周)(?:会议)?.{0,6}(?:待办|跟踪|事项)|^(?:review of |review )?(?:previous|last (?:meeting|week)'?s?) (?:action items?|actions|ais)|^action items? (?:from|of) (?:the )?(?:last|previous)|^(?:open|outstanding|pending) (?:action )?items?$|^follow[- ]?ups?$/i;
const ACTION_TITLE =
  /^(?:action items?|actions?|ais?|next steps?|to[- ]?dos?|tasks?|assignments?|待办(?:事项)?|行动项|分工|任务(?:分工|分配)?|后续(?:工作|事项|安排|行动)|跟进事项)$/i;
const SKIP_TITLE =
  /^(?:links?|resources?|references?|recordings?|present|attendees?|attendance|participants?|absent|regrets|guests?|链接|相关链接|参考(?:资料)?|与会人员?|参会人员?|出席(?:人员)?|请假(?:人员)?|已请假人员|旁听|加入会议|how to join)\b/i;

const TEMPLATE_ROLES: Array<[string, SectionRole]> = [
  ['new-carry-over', 'new'],
  ['carry-over', 'carry'],
  ['action-items', 'actions'],
  ['tasks', 'actions'],
  ['attendees', 'skip'],
  ['links', 'skip'],
  ['join', 'skip'],
];

/** A section title without ordinals, emphasis, colons or a trailing note in brackets. */
export function plainTitle(title: string): string {
  const plain = withoutTrailingNote(title.replace(/\*\*|__/g, '').trimEnd());
  return trimEndWhere(plain, (ch) => /[\s:：]/.test(ch)).trim();
}

/** `标题（说明）` → `标题`: a bracketed note that ends the title. */
function withoutTrailingNote(title: string): string {
  if (!title.endsWith(')') && !title.endsWith('）')) return title;
  const body = title.slice(0, -1);
  const afterClose = Math.max(body.lastIndexOf(')'), body.lastIndexOf('）')) + 1;
  const opens = [body.indexOf('(', afterClose), body.indexOf('（', afterClose)].filter((i) => i >= 0);
  return opens.length ? title.slice(0, Math.min(...opens)) : title;
}

export function titleRole(title: string): SectionRole | undefined {
  const t = plainTitle(title);
  if (NEW_TITLE.test(t)) return 'new';
  if (CARRY_TITLE.test(t)) return 'carry';
  if (ACTION_TITLE.test(t)) return 'actions';
  // `Voting member attendance` with its `### Project Representatives`: the attendance ticked off
  // in task boxes (`- [ ] Ana Silva - Acme`) is who came, not open business owned by a company.
  if (SKIP_TITLE.test(t) || isAttendanceLabel(t)) return 'skip';
  return undefined;
}

/** The role of every section that has one: the template's sections by id, others by their title. */
export function sectionRoles(doc: MinutesDocument, template: ResolvedTemplate): Map<Section, SectionRole> {
  const roles = new Map<Section, SectionRole>();
  for (const [id, role] of TEMPLATE_ROLES) {
    const spec = sectionSpecById(template, id);
    if (spec) for (const s of findSections(doc, spec)) if (!roles.has(s)) roles.set(s, role);
  }
  for (const s of doc.sections) {
    if (roles.has(s)) continue;
    const role = titleRole(s.title);
    if (role) roles.set(s, role);
  }
  // `## Non Voting Projects, Working Groups` between `## Voting member attendance` and `## Other
  // Attendees`: one more group of the people ticked off, not a list of tasks.
  const attendance = (s: Section | undefined) => s !== undefined && isAttendanceLabel(plainTitle(s.title));
  for (const siblings of [doc.outline, ...doc.sections.map((s) => s.children)]) {
    for (let i = 1; i + 1 < siblings.length; i++) {
      const s = siblings[i];
      if (!roles.has(s) && attendance(siblings[i - 1]) && attendance(siblings[i + 1])) roles.set(s, 'skip');
    }
  }
  return roles;
}

/** The role a section inherits from the nearest ancestor that has one (a `###` under `## Action items`). */
export function roleOf(section: Section | undefined, roles: Map<Section, SectionRole>): { role: SectionRole; owner: Section } | undefined {
  for (let s = section; s; s = s.parent) {
    const role = roles.get(s);
    if (role) return { role, owner: s };
  }
  return undefined;
}
