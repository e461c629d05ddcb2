import { AttendeeIndex, listAttendees } from '../../views/attendees';
import type { Rule } from '../types';

export const duplicateAttendee: Rule = {
  id: 'attendee/duplicate',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'The same person is listed twice among the attendees.',
    zh: '与会人名单中同一人出现了两次。',
  },
  messages: {
    duplicate: {
      en: '"{name}" is already listed among the attendees (line {line}).',
      zh: '「{name}」已在与会人名单中（第 {line} 行）。',
    },
    sharedHandle: {
      en: '"{name}" is given the account @{handle} of "{other}" (line {line}): one of the two accounts is wrong.',
      zh: '「{name}」写的账号 @{handle} 与第 {line} 行「{other}」的相同：其中一个账号有误。',
    },
    fix: { en: 'Remove the second "{name}"', zh: '删除重复的「{name}」' },
  },
  check(ctx) {
    // Each meeting of a consolidated file has its own list.
    const seen = new Map<number, AttendeeIndex>();
    for (const attendee of listAttendees(ctx.doc, ctx.template)) {
      let index = seen.get(attendee.meeting);
      if (!index) seen.set(attendee.meeting, (index = new AttendeeIndex()));
      const first = index.find(attendee);
      if (!first) {
        index.add(attendee);
        continue;
      }
      const name = attendee.name || `@${attendee.handle}`;
      const line = ctx.doc.lines.position(first.span.start).line + 1;
      // `| 赵鹏 | [@futianfu](…) |` under `| 付天福 | [@futianfu](…) |`: two people, one account copied.
      if (attendee.handle && attendee.name && first.name && !namesAlike(attendee.name, first.name)) {
        ctx.report({ span: attendee.span, message: ctx.t('sharedHandle', { name, handle: attendee.handle, other: first.name, line }) });
        continue;
      }
      ctx.report({
        span: attendee.span,
        message: ctx.t('duplicate', { name, line }),
        // Within one list the second mention is redundant; across lists (present and excused,
        // say) a person must choose which one is right, so the fix is only offered, not applied.
        fixes: [
          {
            title: ctx.t('fix', { name }),
            edits: [{ ...attendee.removal, newText: '' }],
            preferred: true,
            safe: first.source.kind === attendee.source.kind && first.source.id === attendee.source.id,
          },
        ],
      });
    }
  },
};

/**
 * `Ana Silva` and `Ana S.` may be one person written twice, and so may `Chris Hiller` and
 * `Christopher Hiller` (a short form of the first name, the same surname); `付天福` and `赵鹏` are two.
 */
function namesAlike(a: string, b: string): boolean {
  const [x, y] = [a, b].map((n) =>
    n
      .toLowerCase()
      .replace(/[.\s]+/g, ' ')
      .trim(),
  );
  if (x.includes(y) || y.includes(x)) return true;
  const [xs, ys] = [x.split(' '), y.split(' ')];
  if (xs[0] === ys[0]) return true;
  const [short, long] = xs[0].length <= ys[0].length ? [xs[0], ys[0]] : [ys[0], xs[0]];
  return xs.length > 1 && ys.length > 1 && xs[xs.length - 1] === ys[ys.length - 1] && short.length >= 3 && long.startsWith(short);
}
