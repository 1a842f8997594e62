import type { ReminderFamily } from './reminder-preferences';

/**
 * What a reminder is about: a check-in, an action coming due (the day before, on the day, overdue), a review,
 * or (`action_assigned`) the notice that someone else gave the owner an action.
 */
export const REMINDER_KINDS = [
  'checkin_due',
  'action_assigned',
  'action_due_soon',
  'action_due_today',
  'action_overdue',
  'agreement_review',
  'sla_review',
] as const;
/** What a reminder is about. */
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The family a kind belongs to (what "stop these reminders" stops). */
export function familyOf(kind: ReminderKind): ReminderFamily {
  if (kind === 'checkin_due') return 'checkin';
  if (kind === 'action_assigned') return 'assignment';
  if (kind.startsWith('action_')) return 'action';
  return 'review';
}

/** The records reminders are about. */
export type ReminderSubjectType = 'checkin' | 'action' | 'agreement' | 'sla';

/** Where a reminder stands: waiting, being sent (leased), or finished one way or another. */
export const REMINDER_STATUSES = ['pending', 'sending', 'delivered', 'failed', 'cancelled'] as const;
/** Where a reminder stands. */
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** One reminder to one owner about one occurrence: a row the scheduler claims, sends and records. */
export interface Reminder {
  readonly id: string;
  readonly tenantId: string;
  readonly spaceId: string;
  readonly kind: ReminderKind;
  readonly subjectType: ReminderSubjectType;
  readonly subjectId: string;
  readonly ownerId: string;
  /** The business date it is about (the check-in's or action's due date, a review date). */
  readonly occursOn: string;
  /** Idempotency key of the occurrence: the same occurrence is never planned twice. */
  readonly key: string;
  /** When to send: the owner's window on the right day, in their time zone. */
  readonly dueAt: string;
  readonly status: ReminderStatus;
  readonly attempts: number;
  readonly nextAttemptAt?: string;
  readonly leaseUntil?: string;
  readonly leaseOwner?: string;
  readonly lastError?: string;
  readonly deliveredAt?: string;
  /** The reminder this one repeats after a snooze. */
  readonly snoozeOf?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * Which way a reminder went, or why it went nowhere: the owner's personal chat; a personal chat made by installing
 * the app for them through Microsoft Graph; the team or chat where the partner is managed (with an @mention of the
 * owner when Teams can mention them); or, when nothing reaches the owner, the person who assigned the work was told
 * (once), or nobody could be (already told, or nobody assigned it but the owner).
 */
export const DELIVERY_ROUTES = [
  'personal',
  'installed-via-graph',
  'space',
  'mention-in-space',
  'assigner-told',
  'unreachable',
] as const;
/** Which way a reminder went, or why it went nowhere. */
export type DeliveryRoute = (typeof DELIVERY_ROUTES)[number];

/** How one send attempt went: the delivery log the tab shows per reminder. */
export interface DeliveryAttempt {
  readonly tenantId: string;
  readonly reminderId: string;
  readonly attempt: number;
  readonly at: string;
  readonly outcome: 'sent' | 'retry' | 'failed' | 'cancelled' | 'stale';
  /** Where it went or was tried (see {@link DELIVERY_ROUTES}). */
  readonly route?: DeliveryRoute;
  readonly statusCode?: number;
  readonly detail?: string;
}
