import type { Scope, TenantScope } from '../../../core/common/scope';
import type { MeetingInsights } from '../../../core/meetings/meeting-insights';
import type {
  InsightsJob,
  InsightsJobKey,
  InsightsJobStatus,
  InsightsMeeting,
  MeetingInsightsQueue,
} from '../../../core/meetings/meeting-insights-queue';
import type { SqlExecutor } from './sql-executor';

interface JobRow {
  tenant_id: string;
  space_id: string;
  online_meeting_id: string;
  organizer_aad_object_id: string;
  title: string;
  started_at: string;
  ended_at: string;
  attempts: number;
  next_attempt_at: string;
  status: string;
  proposal: string | null;
  last_error: string | null;
}

const COLUMNS = `tenant_id, space_id, online_meeting_id, organizer_aad_object_id, title, started_at, ended_at,
  attempts, next_attempt_at, status, proposal, last_error`;

/** Meetings' AI insights queue and proposals in SQL, the same for SQLite and PostgreSQL. */
export class MeetingInsightsSqlRepository implements MeetingInsightsQueue {
  constructor(private readonly db: SqlExecutor) {}

  async proposal(scope: Scope, onlineMeetingId: string, startedAt: string): Promise<InsightsJob | undefined> {
    const [row] = await this.db.all<JobRow>(
      `SELECT ${COLUMNS} FROM meeting_insight_jobs
       WHERE tenant_id = $1 AND space_id = $2 AND online_meeting_id = $3 AND started_at = $4`,
      [scope.tenantId, scope.spaceId, onlineMeetingId, startedAt],
    );
    return row && this.#jobOf(row);
  }

  async enqueue(job: Scope & InsightsMeeting, now: string): Promise<void> {
    this.db.write(
      `INSERT INTO meeting_insight_jobs (tenant_id, space_id, online_meeting_id, organizer_aad_object_id, title,
         started_at, ended_at, queued_at, attempts, next_attempt_at, status, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $8, 'waiting', $8)
       ON CONFLICT (tenant_id, online_meeting_id, started_at) DO NOTHING`,
      [
        job.tenantId,
        job.spaceId,
        job.onlineMeetingId,
        job.organizerAadObjectId,
        job.title,
        job.startedAt,
        job.endedAt,
        now,
      ],
    );
  }

  async claim(now: string, limit: number, leaseUntil: string): Promise<InsightsJob[]> {
    const rows = await this.db.all<JobRow>(
      `SELECT ${COLUMNS} FROM meeting_insight_jobs
       WHERE status IN ('waiting', 'ready') AND next_attempt_at <= $1
       ORDER BY next_attempt_at, online_meeting_id LIMIT $2`,
      [now, limit],
    );
    const claimed: InsightsJob[] = [];
    for (const row of rows) {
      // Taken only if nobody moved it since it was read: two processes claiming at once get one each.
      const taken = await this.db.run(
        `UPDATE meeting_insight_jobs SET next_attempt_at = $1
         WHERE tenant_id = $2 AND online_meeting_id = $3 AND started_at = $4 AND next_attempt_at = $5
           AND status = $6`,
        [leaseUntil, row.tenant_id, row.online_meeting_id, row.started_at, row.next_attempt_at, row.status],
      );
      if (taken === 1) claimed.push(this.#jobOf(row));
    }
    return claimed;
  }

  async retryAt(job: InsightsJobKey, at: string, reason: string): Promise<void> {
    this.db.write(
      `UPDATE meeting_insight_jobs SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2
       WHERE tenant_id = $3 AND online_meeting_id = $4 AND started_at = $5`,
      [at, reason.slice(0, 500), job.tenantId, job.onlineMeetingId, job.startedAt],
    );
  }

  async hold(job: InsightsJobKey, reason: string): Promise<void> {
    this.db.write(
      `UPDATE meeting_insight_jobs SET attempts = attempts + 1, status = 'held', last_error = $1
       WHERE tenant_id = $2 AND online_meeting_id = $3 AND started_at = $4`,
      [reason.slice(0, 500), job.tenantId, job.onlineMeetingId, job.startedAt],
    );
  }

  async propose(job: InsightsJobKey, proposal: MeetingInsights, now: string): Promise<void> {
    this.db.write(
      `UPDATE meeting_insight_jobs SET status = 'ready', proposal = $1, next_attempt_at = $2, updated_at = $2,
         last_error = NULL
       WHERE tenant_id = $3 AND online_meeting_id = $4 AND started_at = $5`,
      [JSON.stringify(proposal), now, job.tenantId, job.onlineMeetingId, job.startedAt],
    );
  }

  async announced(job: InsightsJobKey, now: string): Promise<void> {
    this.db.write(
      `UPDATE meeting_insight_jobs SET status = 'announced', updated_at = $1
       WHERE tenant_id = $2 AND online_meeting_id = $3 AND started_at = $4`,
      [now, job.tenantId, job.onlineMeetingId, job.startedAt],
    );
  }

  async noteRefusal(scope: TenantScope, reason: string, now: string): Promise<boolean> {
    const inserted = await this.db.run(
      `INSERT INTO meeting_insight_refusals (tenant_id, reason, said_at) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO NOTHING`,
      [scope.tenantId, reason.slice(0, 500), now],
    );
    return inserted === 1;
  }

  #jobOf(row: JobRow): InsightsJob {
    return {
      tenantId: row.tenant_id,
      spaceId: row.space_id,
      onlineMeetingId: row.online_meeting_id,
      organizerAadObjectId: row.organizer_aad_object_id,
      title: row.title,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      status: row.status as InsightsJobStatus,
      attempts: Number(row.attempts),
      ...(row.proposal ? { proposal: JSON.parse(row.proposal) as MeetingInsights } : {}),
      ...(row.last_error ? { lastError: row.last_error } : {}),
    };
  }
}
