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
      ctx.report({
        span: attendee.span,
        message: ctx.t('duplicate', { name, line: ctx.doc.lines.position(first.span.start).line + 1 }),
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
