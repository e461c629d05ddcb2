import { normalizeName, withoutNote } from '../text/names';

/**
 * What communities call the list of who attended, whatever their template: the one table of
 * synonyms every template shares. Compared by `normalizeName` (case, spaces, a trailing colon
 * and a trailing note in brackets do not count: `参会人员(应超过TC总人数的一半)：`).
 */
const ATTENDANCE_NAMES = [
  'attendance',
  'attendees',
  'attendee',
  'attendee list',
  'attendees list',
  'present',
  'participants',
  'participant',
  'members present',
  'in attendance',
  'people present',
  'who was there',
  'roll call',
  '与会人',
  '与会人员',
  '与会者',
  '与会成员',
  '参会人',
  '参会人员',
  '参会者',
  '参会成员',
  '出席',
  '出席人',
  '出席人员',
  '出席者',
  '出席成员',
  '参加人员',
  '参与人员',
  '到会人员',
  '会议成员',
];

const NAMES = new Set(ATTENDANCE_NAMES.map(normalizeName));
const QUALIFIED_LAST_WORDS = new Set(['attendance', 'attendees', 'participants']);
// Words that qualify an attendance list; `Introduction of attendees` is an agenda item.
const QUALIFIERS = new Set([
  'voting',
  'non-voting',
  'member',
  'members',
  'representative',
  'representatives',
  'remote',
  'in-person',
  'online',
  'onsite',
  'on-site',
  'virtual',
  'physical',
  'additional',
  'other',
  'guest',
  'tsc',
  'tc',
  'wg',
  'sig',
  'committee',
  'core',
  'team',
  'staff',
  'regular',
  'meeting',
]);
const QUALIFIED_CJK_ENDINGS = ['与会人员', '与会人', '与会者', '参会人员', '参会人', '参会者', '参会成员', '出席人员', '出席者'];

/**
 * Does this section title, field label or table cell name the attendance list? Qualified
 * lists count too: `Voting member attendance`, `Remote attendees`, `Additional Attendees`,
 * `TSC members present`, `Voting Representative Attendees`, `线上参会人员`, `TC 参会人员`; the qualifier is short, so a sentence
 * that ends in "present" is no label.
 */
export function isAttendanceLabel(label: string): boolean {
  const name = normalizeName(label);
  if (!name || name.length > 40) return false;
  if (NAMES.has(name)) return true;
  const words = withoutNote(label).trim().toLowerCase().split(/\s+/);
  const last = words[words.length - 1];
  if (words.length <= 4 && words.slice(0, -1).every((w) => QUALIFIERS.has(w))) {
    if (QUALIFIED_LAST_WORDS.has(last)) return true;
    if (last === 'present' && words[words.length - 2] === 'members') return true;
  }
  const ending = QUALIFIED_CJK_ENDINGS.find((e) => name.endsWith(e));
  return ending !== undefined && name.length - ending.length <= 6 && /^[\p{Script=Han}a-z0-9]*$/u.test(name.slice(0, -ending.length));
}
