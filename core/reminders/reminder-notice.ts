import type { Person } from '../people/person';
import type { DeliveryRoute, Reminder } from './reminder';

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
  /** Who gave the owner this work (the action's, partner's, agreement's or SLA's creator), told if nothing reaches the owner. */
  readonly assignedBy?: string;
  /** For an assignment notice: the assigner's name as shown now ("Sam Rivera assigned you …"). */
  readonly assignerName?: string;
  /** For an assignment notice of an action agreed at a partner meeting: when the meeting was. */
  readonly meetingAt?: string;
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

/** The routes a notifier can send by. */
export type SendRoute = Extract<
  DeliveryRoute,
  'personal' | 'installed-via-graph' | 'space' | 'mention-in-space'
>;

/** How sending went, as the notifier judges it. */
export type SendOutcome =
  | { readonly kind: 'sent'; readonly route: SendRoute; readonly statusCode?: number }
  /** Worth trying again later (throttled, a server error, a timeout); `retryAfterMs` when the service said. */
  | {
      readonly kind: 'retry';
      readonly statusCode?: number;
      readonly retryAfterMs?: number;
      readonly detail: string;
    }
  /**
   * No use trying again: refused for good, or nowhere to send it. `unreachable` says nothing at all reaches the
   * owner (no chat with the app, none could be made, no team or chat to mention them in): then whoever assigned
   * the work is told.
   */
  | {
      readonly kind: 'failed';
      readonly statusCode?: number;
      readonly detail: string;
      readonly unreachable?: boolean;
    };

/** A message to someone who assigned work to an owner nothing reaches. */
export interface AssignerMessage {
  readonly tenantId: string;
  readonly assigner: Person;
  readonly owner: Person;
  readonly items: readonly ReminderItem[];
}

/** Sends reminders to people. The Teams implementation lives with the bot. */
export interface Notifier {
  send(notice: ReminderNotice): Promise<SendOutcome>;
  /** Tells an assigner, in their own chat with the app, that an owner could not be reached; false if it could not. */
  tellAssigner(message: AssignerMessage): Promise<boolean>;
}
