import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import type { Scope, TenantScope } from '../common/scope';
import type { DeliveryAttempt, Reminder, ReminderStatus, ReminderSubjectType } from './reminder';
import type { ReminderPreferences } from './reminder-preferences';
import type { UnreachableOwner } from './unreachable-owner';

/** Reads reminders, their delivery logs and people's preferences. */
export interface ReminderReader {
  get(scope: TenantScope, id: string): Promise<Reminder | undefined>;
  /** One owner's reminders across the tenant, soonest first. */
  listForOwner(
    scope: TenantScope,
    ownerId: string,
    statuses: readonly ReminderStatus[],
    page: PageRequest,
  ): Promise<Page<Reminder>>;
  /** The attempts to deliver one reminder, in order. */
  deliveries(scope: TenantScope, reminderId: string): Promise<DeliveryAttempt[]>;
  preferences(scope: TenantScope, personId: string): Promise<ReminderPreferences | undefined>;
  /** Owners nothing could reach about work this person assigned them, newest first (their "My work" shows them). */
  unreachableAssigned(scope: TenantScope, assignerId: string, limit: number): Promise<UnreachableOwner[]>;
}

/** Reads and writes reminders. */
export interface ReminderRepository extends ReminderReader {
  /** Stores a planned reminder, unless its occurrence key was planned before (whatever became of it). */
  insert(reminder: Reminder): Promise<void>;
  /** Pending reminders about one subject of a space. */
  pendingForSubject(scope: Scope, subjectType: ReminderSubjectType, subjectId: string): Promise<Reminder[]>;
  /** One owner's pending reminders across the tenant. */
  pendingForOwner(scope: TenantScope, ownerId: string): Promise<Reminder[]>;
  /** Cancels reminders that are still pending. */
  cancel(scope: TenantScope, ids: readonly string[], now: string): Promise<void>;
  /** Moves a pending reminder to a new send time. */
  reschedule(scope: TenantScope, id: string, dueAt: string, now: string): Promise<void>;
  savePreferences(
    scope: TenantScope,
    personId: string,
    preferences: ReminderPreferences,
    now: string,
  ): Promise<void>;
  logAttempt(attempt: DeliveryAttempt): Promise<void>;
  /**
   * Records that an owner could not be reached about a piece of work; false when that was recorded before (for
   * the same work and owner, by any process), so the assigner is told once however often the reminder is retried.
   */
  recordUnreachable(owner: UnreachableOwner): Promise<boolean>;
}

/**
 * The scheduler's view: it works across tenants by design (one loop serves every tenant), so these are the only
 * store calls that do. Each takes the worker's name and touches only rows that worker holds the lease on.
 */
export interface ReminderQueue {
  /**
   * Leases up to `limit` reminders that are due (pending and past their send time, or leased by a worker whose
   * lease ran out), soonest first. Several processes can claim at once; each row goes to one. `tenants`, when
   * given, limits the claim to those tenants' reminders (the ones whose dispatch this worker owns).
   */
  claimDue(
    now: string,
    limit: number,
    leaseUntil: string,
    worker: string,
    tenants?: readonly string[],
  ): Promise<Reminder[]>;
  /**
   * Records the outcome of a leased reminder and logs the attempt, in one write; false when the lease was lost
   * meanwhile (the attempt is logged all the same: it happened).
   */
  finish(
    reminder: Pick<Reminder, 'tenantId' | 'id'>,
    worker: string,
    outcome:
      | { status: 'delivered'; at: string }
      | { status: 'pending'; nextAttemptAt: string; attempts: number; error: string }
      | { status: 'failed' | 'cancelled'; attempts: number; error?: string },
    now: string,
    attempt: DeliveryAttempt,
  ): Promise<boolean>;
}
