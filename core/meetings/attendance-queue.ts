import type { Scope } from '../common/scope';

/** A meeting whose attendance is still to be read, in the chat (space) the meeting belongs to. */
export interface AttendanceJob extends Scope {
  /** Microsoft Graph's id of the online meeting. */
  readonly onlineMeetingId: string;
  readonly organizerAadObjectId: string;
  /** When the meeting ended, as Teams said: which occurrence of a recurring meeting it is. */
  readonly endedAt: string;
  /** Failed or early attempts so far. */
  readonly attempts: number;
}

/** Which job: a meeting occurrence (a recurring meeting keeps its online-meeting id for every occurrence). */
export type AttendanceOccurrence = Pick<AttendanceJob, 'tenantId' | 'onlineMeetingId' | 'endedAt'>;

/**
 * The durable queue of meetings whose attendance is read after they end: a job is written when the meeting
 * ends, tried until the report is there, and done in the transaction that records the attendance. A meeting has
 * one job at a time: a recurring meeting's next occurrence replaces the last one's job, even a held one (an
 * administrator may have granted the permission since).
 */
export interface AttendanceQueue {
  /** Queues a meeting occurrence; queuing the same occurrence again changes nothing. */
  enqueue(job: Omit<AttendanceJob, 'attempts'>, now: string): Promise<void>;
  /**
   * Takes jobs due by `now`, across tenants, earliest first: each is this caller's until `leaseUntil`, so a
   * run in another process skips it (two processes would otherwise record one meeting's attendance twice).
   */
  claim(now: string, limit: number, leaseUntil: string): Promise<AttendanceJob[]>;
  /** The occurrence's attendance was recorded: its job is finished (a later occurrence's job stays). */
  done(job: AttendanceOccurrence): Promise<void>;
  /** Tries again at `at`, noting why this attempt did not finish. */
  retryAt(job: AttendanceOccurrence, at: string, reason: string): Promise<void>;
  /** Stops trying (permission refused): kept with the reason, for an administrator to see. */
  hold(job: AttendanceOccurrence, reason: string): Promise<void>;
}
