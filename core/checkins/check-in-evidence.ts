import type { EvidenceDraft } from '../evidence/evidence-event';
import type { CheckInSchedule } from './check-in-schedule';

/** Evidence that a partner's check-ins were (re)scheduled: who owns them, how often, when next. */
export function checkInScheduledEvidence(
  schedule: CheckInSchedule,
  partnerName: string,
  actorId: string,
  at: string,
  hasCommunicationStyles: boolean,
): EvidenceDraft {
  return {
    kind: 'checkin.scheduled',
    subject: { type: 'checkin', id: schedule.id },
    partnerIds: [schedule.partnerId],
    actorId,
    occurredAt: at,
    snapshot: {
      partnerId: schedule.partnerId,
      partnerName,
      ownerId: schedule.ownerId,
      cadence: { ...schedule.cadence },
      nextDueDate: schedule.nextDueDate,
    },
    facets: { hasCommunicationStyles },
  };
}

/** Evidence that a meeting completed a partner's due check-in, and when the next one is due. */
export function checkInCompletedEvidence(
  completed: CheckInSchedule,
  partnerName: string,
  meeting: { id: string; occurredAt: string },
  actorId: string,
): EvidenceDraft {
  return {
    kind: 'checkin.completed',
    subject: { type: 'checkin', id: completed.id },
    partnerIds: [completed.partnerId],
    actorId,
    occurredAt: meeting.occurredAt,
    snapshot: {
      partnerId: completed.partnerId,
      partnerName,
      meetingId: meeting.id,
      completedOn: completed.lastCompletedOn,
      nextDueDate: completed.nextDueDate,
    },
  };
}
