import type { Scope, TenantScope } from '../common/scope';
import type { MeetingInsights } from './meeting-insights';

/** An ended Teams meeting whose AI insights are to be read: Graph's id, its organizer, its title and times. */
export interface InsightsMeeting {
  readonly onlineMeetingId: string;
  readonly organizerAadObjectId: string;
  readonly title: string;
  /** When it started (Teams' scheduled start when known, else its end). */
  readonly startedAt: string;
  readonly endedAt: string;
}

/**
 * Where a meeting's insights job stands: still asking Graph; insights kept as a proposal and the chat still to be
 * told; told; or held (refused, or given up), with the reason.
 */
export type InsightsJobStatus = 'waiting' | 'ready' | 'announced' | 'held';

/**
 * Which job: a meeting occurrence. A recurring meeting keeps one online-meeting id for all its occurrences, so
 * each is told apart by when it started.
 */
export interface InsightsJobKey extends TenantScope {
  readonly onlineMeetingId: string;
  readonly startedAt: string;
}

/** One meeting's insights job, in the chat (space) the meeting belongs to. */
export interface InsightsJob extends Scope, InsightsMeeting {
  readonly status: InsightsJobStatus;
  /** Failed or early attempts so far. */
  readonly attempts: number;
  /** The AI's proposal, once read: nothing is an agreed action until a supervisor logs it. */
  readonly proposal?: MeetingInsights;
  readonly lastError?: string;
}

/** Reads meetings' AI proposals. */
export interface InsightsProposalReader {
  /** One meeting occurrence's job and proposal, in the space it belongs to. */
  proposal(scope: Scope, onlineMeetingId: string, startedAt: string): Promise<InsightsJob | undefined>;
}

/**
 * The durable queue of meetings whose AI insights are read after they end: a job is written when the meeting
 * ends, claimed (with a lease, so two processes never work it at once) until Copilot has insights, which are then
 * kept as the meeting's proposal until its chat has been told.
 */
export interface MeetingInsightsQueue extends InsightsProposalReader {
  /** Queues a meeting occurrence once; queuing it again changes nothing. */
  enqueue(job: Scope & InsightsMeeting, now: string): Promise<void>;
  /**
   * Claims up to `limit` jobs due by `now` (waiting for Graph, or ready and not yet announced), across tenants,
   * earliest first: each is not due again before `leaseUntil`, so another process does not take it meanwhile.
   */
  claim(now: string, limit: number, leaseUntil: string): Promise<InsightsJob[]>;
  /** Tries again at `at`, noting why this attempt did not finish. */
  retryAt(job: InsightsJobKey, at: string, reason: string): Promise<void>;
  /** Stops trying (refused, or given up): kept with the reason, for an administrator to see. */
  hold(job: InsightsJobKey, reason: string): Promise<void>;
  /** Keeps the insights as the meeting's proposal; its chat is told next (due at `now`). */
  propose(job: InsightsJobKey, proposal: MeetingInsights, now: string): Promise<void>;
  /** The chat was told (or there is nowhere to tell it): the job is finished, the proposal kept for review. */
  announced(job: InsightsJobKey, now: string): Promise<void>;
  /**
   * Records that the tenant was told AI insights are refused there; false when it was told before (by any
   * process), so the refusal is said once per tenant however many meetings meet it.
   */
  noteRefusal(scope: TenantScope, reason: string, now: string): Promise<boolean>;
}
