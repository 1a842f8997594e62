import { utcDateOf } from '../common/dates';
import type { Cadence } from './cadence';
import { nextDueAfter } from './cadence';
import type { CheckInSchedule } from './check-in-schedule';

/**
 * The schedule a partner should have after its cadence or owner was set: the first check-in is one cadence
 * step from today; an existing schedule keeps its history and is re-timed from its last completion.
 */
export function planSchedule(
  existing: CheckInSchedule | undefined,
  fields: {
    id: string;
    tenantId: string;
    spaceId: string;
    partnerId: string;
    ownerId: string;
    cadence: Cadence;
  },
  now: string,
): CheckInSchedule {
  const from = existing?.lastCompletedOn ?? utcDateOf(now);
  return {
    ...existing,
    ...fields,
    id: existing?.id ?? fields.id,
    nextDueDate: nextDueAfter(from, fields.cadence),
    active: true,
    version: (existing?.version ?? 0) + 1,
    updatedAt: now,
  };
}

/**
 * A schedule after a meeting with the partner: the check-in is done and the next one is a cadence step after
 * the meeting. A meeting older than the last completion changes nothing (a backfilled log never moves the
 * next check-in earlier).
 */
export function completeWithMeeting(
  schedule: CheckInSchedule,
  meeting: { id: string; occurredAt: string },
  now: string,
): CheckInSchedule | undefined {
  const meetingDate = utcDateOf(meeting.occurredAt);
  if (schedule.lastCompletedOn !== undefined && meetingDate < schedule.lastCompletedOn) return undefined;
  return {
    ...schedule,
    lastCompletedOn: meetingDate,
    lastMeetingId: meeting.id,
    nextDueDate: nextDueAfter(meetingDate, schedule.cadence),
    version: schedule.version + 1,
    updatedAt: now,
  };
}

/** A schedule that no longer reminds anyone (cadence removed or partner archived). */
export function stopSchedule(schedule: CheckInSchedule, now: string): CheckInSchedule {
  return { ...schedule, active: false, version: schedule.version + 1, updatedAt: now };
}
