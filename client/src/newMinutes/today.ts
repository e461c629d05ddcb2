import type { MeetingDate } from '../../../server/src/core';

/** The user's calendar day (local time), as the core's dates are written. */
export function meetingDateOf(date: Date): MeetingDate {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}
