import type { Person } from '../people/person';
import type { Reminder } from './reminder';

/** One thing a reminder is about, in words. */
export interface ReminderItem {
  readonly reminderId: string;
  readonly kind: Reminder['kind'];
  readonly spaceId: string;
  readonly subjectId: string;
  /** "Check in with Northwind Logistics", "Share the revised rota", an agreement's or SLA's name. */
  readonly title: string;
  readonly partnerId?: string;
  readonly partnerName?: string;
  /** The date it is about (due date, review date). */
  readonly date: string;
}

/** A message to send: one reminder, or several for someone who chose a daily digest. */
export interface ReminderNotice {
  readonly tenantId: string;
  readonly owner: Person;
  readonly items: readonly ReminderItem[];
  readonly digest: boolean;
  /**
   * When the claim on these reminders runs out. A message still waiting for its turn under Teams' limits then
   * is not sent: another process may have taken the reminders over, and would send them too.
   */
  readonly leaseUntil: Date;
}

/** How sending went, as the notifier judges it. */
export type SendOutcome =
  | { readonly kind: 'sent'; readonly route: 'personal' | 'space'; readonly statusCode?: number }
  /** Worth trying again later (throttled, a server error, a timeout); `retryAfterMs` when the service said. */
  | {
      readonly kind: 'retry';
      readonly statusCode?: number;
      readonly retryAfterMs?: number;
      readonly detail: string;
    }
  /** No use trying again: nowhere to send it, or refused for good. */
  | { readonly kind: 'failed'; readonly statusCode?: number; readonly detail: string };

/** Sends reminders to people. The Teams implementation lives with the bot. */
export interface Notifier {
  send(notice: ReminderNotice): Promise<SendOutcome>;
}
