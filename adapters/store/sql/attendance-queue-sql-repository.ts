import type {
  AttendanceJob,
  AttendanceOccurrence,
  AttendanceQueue,
} from '../../../core/meetings/attendance-queue';
import type { SqlExecutor } from './sql-executor';

/** The attendance queue in SQL, the same for SQLite and PostgreSQL. */
export class AttendanceQueueSqlRepository implements AttendanceQueue {
  constructor(private readonly db: SqlExecutor) {}

  async enqueue(job: Omit<AttendanceJob, 'attempts'>, now: string): Promise<void> {
    this.db.write(
      `INSERT INTO attendance_jobs (tenant_id, space_id, online_meeting_id, organizer_aad_object_id, ended_at,
         queued_at, attempts, next_attempt_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, 0, $6, 'waiting')
       ON CONFLICT (tenant_id, online_meeting_id) DO UPDATE SET
         space_id = excluded.space_id, organizer_aad_object_id = excluded.organizer_aad_object_id,
         ended_at = excluded.ended_at, queued_at = excluded.queued_at, attempts = 0,
         next_attempt_at = excluded.next_attempt_at, status = 'waiting', last_error = NULL
       WHERE attendance_jobs.ended_at IS NULL OR attendance_jobs.ended_at <> excluded.ended_at`,
      [job.tenantId, job.spaceId, job.onlineMeetingId, job.organizerAadObjectId, job.endedAt, now],
    );
  }

  async claim(now: string, limit: number, leaseUntil: string): Promise<AttendanceJob[]> {
    const rows = await this.db.all<{
      tenant_id: string;
      space_id: string;
      online_meeting_id: string;
      organizer_aad_object_id: string;
      ended_at: string | null;
      queued_at: string;
      attempts: number;
      next_attempt_at: string;
    }>(
      `SELECT tenant_id, space_id, online_meeting_id, organizer_aad_object_id, ended_at, queued_at, attempts, next_attempt_at
       FROM attendance_jobs
       WHERE status = 'waiting' AND next_attempt_at <= $1 ORDER BY next_attempt_at, online_meeting_id LIMIT $2`,
      [now, limit],
    );
    const claimed: AttendanceJob[] = [];
    for (const r of rows) {
      // Taken only if nobody moved it since it was read: two processes claiming at once get one each.
      const taken = await this.db.run(
        `UPDATE attendance_jobs SET next_attempt_at = $1
         WHERE tenant_id = $2 AND online_meeting_id = $3 AND next_attempt_at = $4 AND status = 'waiting'`,
        [leaseUntil, r.tenant_id, r.online_meeting_id, r.next_attempt_at],
      );
      if (taken === 1)
        claimed.push({
          tenantId: r.tenant_id,
          spaceId: r.space_id,
          onlineMeetingId: r.online_meeting_id,
          organizerAadObjectId: r.organizer_aad_object_id,
          endedAt: r.ended_at ?? r.queued_at,
          attempts: Number(r.attempts),
        });
    }
    return claimed;
  }

  async done(job: AttendanceOccurrence): Promise<void> {
    this.db.write(
      `DELETE FROM attendance_jobs
       WHERE tenant_id = $1 AND online_meeting_id = $2 AND COALESCE(ended_at, queued_at) = $3`,
      [job.tenantId, job.onlineMeetingId, job.endedAt],
    );
  }

  async retryAt(job: AttendanceOccurrence, at: string, reason: string): Promise<void> {
    this.db.write(
      `UPDATE attendance_jobs SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2
       WHERE tenant_id = $3 AND online_meeting_id = $4 AND COALESCE(ended_at, queued_at) = $5`,
      [at, reason.slice(0, 500), job.tenantId, job.onlineMeetingId, job.endedAt],
    );
  }

  async hold(job: AttendanceOccurrence, reason: string): Promise<void> {
    this.db.write(
      `UPDATE attendance_jobs SET attempts = attempts + 1, status = 'held', last_error = $1
       WHERE tenant_id = $2 AND online_meeting_id = $3 AND COALESCE(ended_at, queued_at) = $4`,
      [reason.slice(0, 500), job.tenantId, job.onlineMeetingId, job.endedAt],
    );
  }
}
