import { ForbiddenError } from '../errors';
import type { Clock, Store } from '../ports';
import type { InsightsAnnouncer, InsightsReading, MeetingInsightsSource } from './meeting-insights';
import type { InsightsJob } from './meeting-insights-queue';

/** Meetings worked per run. */
const BATCH = 20;
/**
 * Waits after each attempt that found nothing or failed. Copilot's insights come after the transcript is
 * processed, minutes to hours after the meeting, so the waits grow from five minutes to six hours.
 */
const RETRY_MINUTES = [5, 10, 20, 30, 60, 60, 120, 120, 240, 240, 360, 360];
/** Attempts before giving up on a meeting Copilot never has insights for (about 27 hours of tries). */
const MAX_ATTEMPTS = RETRY_MINUTES.length;
/** How long a claimed job is left to this run: longer than Graph's calls and a message to Teams take. */
const LEASE_MS = 10 * 60_000;

/**
 * What one run did. `refused` holds the reasons said for the first time in a tenant: a refusal (no permission,
 * no access policy, no Copilot licence) is logged and told once per tenant, not on every meeting or retry.
 */
export interface MeetingInsightsSyncReport {
  readonly proposed: number;
  readonly announced: number;
  readonly waiting: number;
  readonly refused: readonly string[];
}

/**
 * Reads Microsoft 365 Copilot's insights of each Teams meeting that ended, keeps its action items and notes as the
 * meeting's proposal, and tells the meeting's chat they are ready for review. Nothing becomes an agreed action
 * here: a supervisor reviews the prefilled meeting form and logs it. The queue is durable: a job is retried with
 * growing waits while Copilot has nothing yet (or Graph is throttling, honouring its Retry-After), held when
 * refused, and a proposal kept until the chat has been told.
 */
export class MeetingInsightsSync {
  constructor(
    private readonly deps: { store: Store; clock: Clock },
    private readonly source: MeetingInsightsSource,
    private readonly announcer: InsightsAnnouncer,
  ) {}

  /** Works every meeting that is due. */
  async run(): Promise<MeetingInsightsSyncReport> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
    const jobs = await store.transaction((tx) =>
      tx.meetingInsightsQueue.claim(now.toISOString(), BATCH, leaseUntil),
    );
    const report = { proposed: 0, announced: 0, waiting: 0, refused: [] as string[] };
    for (const job of jobs) {
      if (job.status === 'ready') {
        await this.announce(job, report);
        continue;
      }
      let reading: InsightsReading;
      try {
        reading = await this.source.read(job.organizerAadObjectId, job.onlineMeetingId, job);
      } catch (err) {
        if (err instanceof ForbiddenError) {
          await this.refused(job, err.message, report);
          continue;
        }
        await this.later(job, err instanceof Error ? err.message : String(err));
        report.waiting += 1;
        continue;
      }
      if (reading.kind === 'not_ready') {
        await this.later(job, 'Copilot has no insights for this meeting yet');
        report.waiting += 1;
        continue;
      }
      if (reading.kind === 'unavailable') {
        await this.later(job, reading.detail, reading.retryAfterMs);
        report.waiting += 1;
        continue;
      }
      const proposal = reading.insights;
      await store.transaction((tx) =>
        tx.meetingInsightsQueue.propose(job, proposal, clock.now().toISOString()),
      );
      report.proposed += 1;
      await this.announce({ ...job, status: 'ready', proposal }, report);
    }
    return report;
  }

  /** Tells the chat; a send that fails for now is tried again later, the proposal kept meanwhile. */
  private async announce(job: InsightsJob, report: { announced: number; waiting: number }): Promise<void> {
    const proposal = job.proposal!;
    const outcome = await this.announcer.ready({
      tenantId: job.tenantId,
      spaceId: job.spaceId,
      onlineMeetingId: job.onlineMeetingId,
      startedAt: job.startedAt,
      organizerAadObjectId: job.organizerAadObjectId,
      meetingTitle: job.title,
      actionItems: proposal.actionItems,
      notes: proposal.notes.length,
    });
    if (outcome === 'retry') {
      await this.later(job, 'Teams did not take the message about the AI action items; trying again');
      report.waiting += 1;
      return;
    }
    await this.deps.store.transaction((tx) =>
      tx.meetingInsightsQueue.announced(job, this.deps.clock.now().toISOString()),
    );
    if (outcome === 'sent') report.announced += 1;
  }

  /** Holds the job; the first refusal in a tenant is said, in the meeting's chat and in the report. */
  private async refused(job: InsightsJob, reason: string, report: { refused: string[] }): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    const first = await this.deps.store.transaction(async (tx) => {
      await tx.meetingInsightsQueue.hold(job, reason);
      return tx.meetingInsightsQueue.noteRefusal(job, reason, now);
    });
    if (!first) return;
    report.refused.push(reason);
    await this.announcer.unavailable({
      tenantId: job.tenantId,
      spaceId: job.spaceId,
      organizerAadObjectId: job.organizerAadObjectId,
      meetingTitle: job.title,
      reason,
    });
  }

  /** Tries again after the next wait (or Graph's Retry-After, when longer); gives up after MAX_ATTEMPTS. */
  private async later(job: InsightsJob, reason: string, retryAfterMs?: number): Promise<void> {
    const { store, clock } = this.deps;
    if (job.attempts + 1 >= MAX_ATTEMPTS) {
      await store.transaction((tx) =>
        tx.meetingInsightsQueue.hold(job, `Gave up after ${MAX_ATTEMPTS} attempts: ${reason}`),
      );
      return;
    }
    const backoffMs = RETRY_MINUTES[Math.min(job.attempts, RETRY_MINUTES.length - 1)]! * 60_000;
    // Graph's Retry-After is the least wait; a short one does not make us ask sooner than the backoff would.
    const waitMs = Math.max(retryAfterMs ?? 0, backoffMs);
    const at = new Date(clock.now().getTime() + waitMs).toISOString();
    await store.transaction((tx) => tx.meetingInsightsQueue.retryAt(job, at, reason));
  }
}
