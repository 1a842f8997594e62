import type { Scope, TenantScope } from '../common/scope';

/** A check-in whose calendar event must catch up with its schedule. */
export interface PendingCalendarSync extends Scope {
  readonly checkInId: string;
  readonly attempts: number;
  /** When the change being synced was queued: a change queued after it is synced on its own. */
  readonly queuedAt: string;
}

/** A check-in's event in its owner's calendar. */
export interface CalendarEventRef {
  readonly eventId: string;
  readonly ownerAadObjectId: string;
}

/**
 * Where a check-in stands with its owner's calendar: in it, on its way, or held up by a problem worth telling
 * the owner (Graph refused for lack of a permission, or did not answer), with when it is tried again.
 */
export type CalendarState =
  | { readonly state: 'in_calendar' }
  | { readonly state: 'pending' }
  | { readonly state: 'failing'; readonly problem: string; readonly nextAttemptAt: string };

/** The calendar outbox and the events it has made. */
export interface CalendarSyncRepository {
  /** Marks a check-in for syncing (again); idempotent. */
  enqueue(scope: Scope, checkInId: string, now: string): Promise<void>;
  /**
   * Takes check-ins due for syncing across tenants, oldest first: each is this caller's until `leaseUntil`, so
   * another process's run skips it.
   */
  claim(now: string, limit: number, leaseUntil: string): Promise<PendingCalendarSync[]>;
  /**
   * Done: the check-in's calendar matches its schedule as it was when queued at `queuedAt` (default: whatever is
   * queued). A change queued again meanwhile stays queued.
   */
  done(scope: TenantScope, checkInId: string, queuedAt?: string): Promise<void>;
  /** Failed: try again at `at` (the error is kept for whoever looks). */
  retryAt(scope: TenantScope, checkInId: string, at: string, error: string): Promise<void>;
  event(scope: TenantScope, checkInId: string): Promise<CalendarEventRef | undefined>;
  saveEvent(scope: TenantScope, checkInId: string, ref: CalendarEventRef, now: string): Promise<void>;
  forgetEvent(scope: TenantScope, checkInId: string): Promise<void>;
  /** Each given check-in's calendar state; check-ins that have nothing to do with a calendar are left out. */
  states(scope: TenantScope, checkInIds: readonly string[]): Promise<Map<string, CalendarState>>;
}
