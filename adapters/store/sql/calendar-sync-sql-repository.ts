import type { Scope, TenantScope } from '../../../core/common/scope';
import type {
  CalendarEventRef,
  CalendarState,
  CalendarSyncRepository,
  PendingCalendarSync,
} from '../../../core/checkins/calendar-sync-repository';
import { Params, type SqlExecutor } from './sql-executor';

/** The calendar outbox in SQL, the same for SQLite and PostgreSQL. */
export class CalendarSyncSqlRepository implements CalendarSyncRepository {
  constructor(private readonly db: SqlExecutor) {}

  async enqueue(scope: Scope, checkInId: string, now: string): Promise<void> {
    this.db.write(
      `INSERT INTO calendar_outbox (tenant_id, space_id, checkin_id, queued_at, attempts, next_attempt_at)
       VALUES ($1, $2, $3, $4, 0, $4)
       ON CONFLICT (tenant_id, checkin_id) DO UPDATE SET queued_at = $4, attempts = 0, next_attempt_at = $4,
         last_error = NULL`,
      [scope.tenantId, scope.spaceId, checkInId, now],
    );
  }

  async claim(now: string, limit: number, leaseUntil: string): Promise<PendingCalendarSync[]> {
    const rows = await this.db.all<{
      tenant_id: string;
      space_id: string;
      checkin_id: string;
      attempts: number;
      queued_at: string;
      next_attempt_at: string;
    }>(
      `SELECT tenant_id, space_id, checkin_id, attempts, queued_at, next_attempt_at FROM calendar_outbox
       WHERE next_attempt_at <= $1 ORDER BY next_attempt_at, checkin_id LIMIT $2`,
      [now, limit],
    );
    const claimed: PendingCalendarSync[] = [];
    for (const r of rows) {
      // Taken only if nobody moved it since it was read: two processes claiming at once get one each.
      const taken = await this.db.run(
        `UPDATE calendar_outbox SET next_attempt_at = $1
         WHERE tenant_id = $2 AND checkin_id = $3 AND next_attempt_at = $4`,
        [leaseUntil, r.tenant_id, r.checkin_id, r.next_attempt_at],
      );
      if (taken === 1)
        claimed.push({
          tenantId: r.tenant_id,
          spaceId: r.space_id,
          checkInId: r.checkin_id,
          attempts: Number(r.attempts),
          queuedAt: r.queued_at,
        });
    }
    return claimed;
  }

  async done(scope: TenantScope, checkInId: string, queuedAt?: string): Promise<void> {
    const sql = 'DELETE FROM calendar_outbox WHERE tenant_id = $1 AND checkin_id = $2';
    if (queuedAt === undefined) this.db.write(sql, [scope.tenantId, checkInId]);
    else this.db.write(`${sql} AND queued_at = $3`, [scope.tenantId, checkInId, queuedAt]);
  }

  async retryAt(scope: TenantScope, checkInId: string, at: string, error: string): Promise<void> {
    this.db.write(
      `UPDATE calendar_outbox SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2
       WHERE tenant_id = $3 AND checkin_id = $4`,
      [at, error.slice(0, 500), scope.tenantId, checkInId],
    );
  }

  async event(scope: TenantScope, checkInId: string): Promise<CalendarEventRef | undefined> {
    const [row] = await this.db.all<{ event_id: string; owner_aad_object_id: string }>(
      'SELECT event_id, owner_aad_object_id FROM calendar_events WHERE tenant_id = $1 AND checkin_id = $2',
      [scope.tenantId, checkInId],
    );
    return row && { eventId: row.event_id, ownerAadObjectId: row.owner_aad_object_id };
  }

  async saveEvent(scope: TenantScope, checkInId: string, ref: CalendarEventRef, now: string): Promise<void> {
    this.db.write(
      `INSERT INTO calendar_events (tenant_id, checkin_id, event_id, owner_aad_object_id, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, checkin_id) DO UPDATE SET event_id = $3, owner_aad_object_id = $4, updated_at = $5`,
      [scope.tenantId, checkInId, ref.eventId, ref.ownerAadObjectId, now],
    );
  }

  async forgetEvent(scope: TenantScope, checkInId: string): Promise<void> {
    this.db.write('DELETE FROM calendar_events WHERE tenant_id = $1 AND checkin_id = $2', [
      scope.tenantId,
      checkInId,
    ]);
  }

  async states(scope: TenantScope, checkInIds: readonly string[]): Promise<Map<string, CalendarState>> {
    const states = new Map<string, CalendarState>();
    if (checkInIds.length === 0) return states;
    const p = new Params();
    const tenant = p.add(scope.tenantId);
    const ids = p.list(checkInIds);
    const events = await this.db.all<{ checkin_id: string }>(
      `SELECT checkin_id FROM calendar_events WHERE tenant_id = ${tenant} AND checkin_id IN (${ids})`,
      p.values,
    );
    for (const e of events) states.set(e.checkin_id, { state: 'in_calendar' });
    // Work still to do outranks an event already made: the event may be about to move or go.
    const queued = await this.db.all<{
      checkin_id: string;
      next_attempt_at: string;
      last_error: string | null;
    }>(
      `SELECT checkin_id, next_attempt_at, last_error FROM calendar_outbox
       WHERE tenant_id = ${tenant} AND checkin_id IN (${ids})`,
      p.values,
    );
    for (const q of queued)
      states.set(
        q.checkin_id,
        q.last_error
          ? { state: 'failing', problem: q.last_error, nextAttemptAt: q.next_attempt_at }
          : { state: 'pending' },
      );
    return states;
  }
}
