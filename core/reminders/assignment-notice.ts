import { OPEN_STATUSES, type AgreedAction } from '../actions/agreed-action';
import type { EvidenceDraft } from '../evidence/evidence-event';
import type { Person } from '../people/person';
import { sendTime } from './delivery-window';
import type { Reminder } from './reminder';
import { occurrenceKey } from './reminder-plan';
import type { ReminderPreferences } from './reminder-preferences';
import { wallClock } from '../common/zoned-time';

/** An action a unit of work created, and who created it. */
export interface Assignment {
  readonly actionId: string;
  readonly actorId: string;
}

/**
 * The actions a unit of work created (from `new action`, a logged meeting's agreed actions or the tab), read from
 * its evidence like every other reminder change. Whether their owner is someone else is decided on the stored
 * action.
 */
export function assignmentsIn(drafts: readonly EvidenceDraft[]): Assignment[] {
  return drafts.flatMap((d) =>
    d.kind === 'action.created' && d.subject.type === 'action'
      ? [{ actionId: d.subject.id, actorId: d.actorId }]
      : [],
  );
}

/** Whether an action might give its owner a notice, judged from the action alone (before its owner is read). */
export function mayNeedNotice(action: AgreedAction, assignment: Assignment): boolean {
  return action.ownerId !== assignment.actorId && OPEN_STATUSES.includes(action.status);
}

/**
 * The notice that tells an action's owner someone else gave it to them ("Sam assigned you …"), or undefined when
 * none is due: they gave it to themselves, it is no longer open, they stopped these notices, or the owner is a
 * partner's contact (someone outside Teams here, whom no chat reaches and no @mention names; the action's own
 * reminders still go the usual way). It goes the way
 * reminders go (personal chat, an installed chat, an @mention where the partner is managed, else the assigner is
 * told) and keeps the owner's window: sent at once inside their working hours, otherwise when the window next
 * opens. News of work is not urgent enough to wake someone at night, and the action's own reminders come anyway.
 */
export function assignmentNotice(
  action: AgreedAction,
  assignment: Assignment,
  owner: Pick<Person, 'kind'> | undefined,
  prefs: ReminderPreferences,
  now: string,
  id: string,
): Reminder | undefined {
  if (!mayNeedNotice(action, assignment)) return undefined;
  if (owner?.kind !== 'user') return undefined;
  if (prefs.stopped.includes('assignment')) return undefined;
  const at = new Date(now);
  // The day it was assigned in the owner's zone: one notice per action, whatever happens to it later.
  const occurrence = { kind: 'action_assigned' as const, date: wallClock(at, prefs.timeZone).date };
  return {
    id,
    tenantId: action.tenantId,
    spaceId: action.spaceId,
    kind: occurrence.kind,
    subjectType: 'action',
    subjectId: action.id,
    ownerId: action.ownerId,
    occursOn: occurrence.date,
    key: occurrenceKey(action.id, occurrence),
    dueAt: sendTime(occurrence.date, prefs, at).toISOString(),
    status: 'pending',
    attempts: 0,
    createdAt: now,
    updatedAt: now,
  };
}
