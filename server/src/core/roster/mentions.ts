import type { Mention } from '../model/types';
import type { Span } from '../text/lines';
import { trimEndOf } from '../text/trim';

/**
 * An @mention as the handle rules, completion, hovers and renames read it. The document model
 * finds `@…` runs outside code and URLs; this decides what the run means:
 * `@zhujianwei做进一步的沟通` mentions `zhujianwei` (Chinese prose glued to the login),
 * `@nodejs/tsc` is a team, `@David Lee` is a person's name written where a login belongs.
 */
export interface HandleMention {
  /** The login as written, without `@`. */
  handle: string;
  /** `@handle`. */
  span: Span;
  /** The login without `@`. */
  handleSpan: Span;
  /** `@org/team` mentions a GitHub team, not a person. */
  kind: 'person' | 'team';
  /**
   * `@David Lee`: the mention looks like a first name and the next word like a surname. The
   * span covers `@David Lee`; `name` is `David Lee`.
   */
  spacedName?: { name: string; span: Span };
}

// Prose that may follow a login without a space in Chinese minutes: CJK ideographs and
// punctuation, full-width forms, curly quotes and dashes.
const GLUED_PROSE = /[\u2010-\u206f\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const TEAM_TAIL = /^\/([A-Z0-9][\w.-]*)/i;

/** Reads the document model's mentions. */
export function readMentions(text: string, mentions: readonly Mention[]): HandleMention[] {
  return mentions.map((m) => readMention(text, m));
}

export function readMention(text: string, mention: Mention): HandleMention {
  const at = mention.span.start;
  let handle = mention.handle;
  const glued = GLUED_PROSE.exec(handle);
  if (glued && glued.index > 0 && /^[\x21-\x7e]+$/.test(handle.slice(0, glued.index))) handle = handle.slice(0, glued.index);
  const end = at + 1 + handle.length;
  const team = TEAM_TAIL.exec(text.slice(end, end + 101));
  if (team) {
    const full = `${handle}/${trimEndOf(team[1], '.')}`;
    return {
      handle: full,
      span: { start: at, end: at + 1 + full.length },
      handleSpan: { start: at + 1, end: at + 1 + full.length },
      kind: 'team',
    };
  }
  const result: HandleMention = { handle, span: { start: at, end }, handleSpan: { start: at + 1, end }, kind: 'person' };
  const surname = afterFullName(text, at) ? undefined : spacedSurname(text, handle, end);
  if (surname) result.spacedName = { name: `${handle} ${surname.word}`, span: { start: at, end: surname.end } };
  return result;
}

/**
 * `* Jilayne Lovejoy @Red Hat`, `* Steve Winslow @Linux Foundation`: in a list of people, `@` after
 * a person's full name says where they work ("at"), and two words after it are an organisation.
 */
function afterFullName(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return FULL_NAME_ITEM.test(text.slice(lineStart, at));
}

const FULL_NAME_ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}\s+$/u;

const GIVEN_NAME = /^[A-Z][a-z]{1,14}$/;
const SURNAME_AFTER = /^[ \u00a0]([A-Z][a-z]{1,14}(?:-[A-Z][a-z]{1,14})?)(?=$|[^\w@.'’-]|\.(?:\s|$))/;
// Capitalised words that follow a mention in English prose without being a surname.
const NOT_SURNAMES = new Set([
  'And',
  'Or',
  'The',
  'This',
  'That',
  'These',
  'To',
  'For',
  'From',
  'With',
  'As',
  'Is',
  'Are',
  'Was',
  'On',
  'In',
  'At',
  'By',
  'Please',
  'Thanks',
  'Thank',
  'Will',
  'Can',
  'Could',
  'Should',
  'Would',
  'May',
  'Might',
  'Must',
  'Has',
  'Have',
  'Had',
  'Done',
  'Todo',
  'Review',
  'Reviewed',
  'Reviewing',
  'Approved',
  'Owner',
  'Owners',
  'Team',
  'Teams',
  'Group',
  'Sig',
  'Maintainer',
  'Maintainers',
  'Committer',
  'Committers',
  'Reviewer',
  'Reviewers',
  'Mentor',
  'Host',
  'Chair',
  'Lead',
  'Inc',
  'Ltd',
  'Corp',
  'Co',
  'Huawei',
  'Intel',
  'Google',
  'Microsoft',
  'Red',
  'Ok',
  'Yes',
  'No',
  'Note',
  'Notes',
]);

/**
 * `@David Lee` at the end of a line, before a comma, a bracket or Chinese text: the words look
 * like a first name and a surname, and nothing suggests an English sentence continues.
 * `@Tao Please check` and `@Wine93 Review` are left alone.
 */
function spacedSurname(text: string, handle: string, end: number): { word: string; end: number } | undefined {
  if (!GIVEN_NAME.test(handle)) return undefined;
  const lineEnd = text.indexOf('\n', end);
  const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
  const m = SURNAME_AFTER.exec(rest);
  if (!m || NOT_SURNAMES.has(m[1])) return undefined;
  // `@Min Adding [https://bids.example.org](…) to the federation`: a link or code in the sentence is
  // stepped over to the word that follows it.
  const after = rest.slice(m[0].length).replace(/^[ \t]+(?:\[[^\]\n]*\]\([^)\s]*\)|<[^>\s]*>|https?:\/\/\S+|`[^`\n]+`)/, '');
  // `@David Lee will send it`: a lowercase word next means an English sentence, where a
  // capitalised second word is no surname evidence.
  if (/^[ \t]+[a-z]/.test(after)) return undefined;
  return { word: m[1], end: end + m[0].length };
}

/** The mention whose `@handle` contains or touches the offset (for hovers, renames, references). */
export function mentionAt(mentions: readonly HandleMention[], offset: number): HandleMention | undefined {
  return mentions.find((m) => m.span.start <= offset && offset <= m.span.end);
}
