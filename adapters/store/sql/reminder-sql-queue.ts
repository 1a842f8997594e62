import type { ReminderQueue } from '../../../core/reminders/reminder-repository';
import type { Reminder } from '../../../core/reminders/reminder';
import { ReminderSqlRepository, toReminder, type ReminderRow } from './reminder-sql-repository';
import type { SqlExecutor } from './sql-executor';

/** Runs one write against the database on a connection that may write (a store supplies it). */
export type WriteRunner = <T>(work: (db: SqlExecutor) => Promise<T>) => Promise<T>;

/**
 * The scheduler's queue in SQL. A claim is an UPDATE … RETURNING over rows whose lease ran out, then the
 * soonest due ones; on PostgreSQL the rows are picked FOR UPDATE SKIP LOCKED, so processes claiming at once
 * split the work instead of waiting for or duplicating each other. SQLite has one writer, so its claims are
 * serial by nature.
 */
export class ReminderSqlQueue implements ReminderQueue {
  constructor(private readonly write: WriteRunner) {}

  claimDue(
    now: string,
    limit: number,
    leaseUntil: string,
    worker: string,
    tenants?: readonly string[],
  ): Promise<Reminder[]> {
    if (tenants?.length === 0) return Promise.resolve([]);
    return this.write(async (db) => {
      // Two claims, each walking the (status, due_at, spread, id) index in order and stopping at the limit:
      // one query with OR between them made both databases collect every due row and sort it, every batch.
      const expired = await this.claimWhere(
        db,
        `status = 'sending' AND lease_until < $1`,
        now,
        limit,
        leaseUntil,
        worker,
        tenants,
      );
      const due =
        expired.length < limit
          ? await this.claimWhere(
              db,
              `status = 'pending' AND due_at <= $1 AND (next_attempt_at IS NULL OR next_attempt_at <= $1)`,
              now,
              limit - expired.length,
              leaseUntil,
              worker,
              tenants,
            )
          : [];
      // RETURNING keeps no order: put the batch back in claim order.
      return [...expired, ...due]
        .sort((a, b) => (a.due_at < b.due_at ? -1 : a.due_at > b.due_at ? 1 : a.spread - b.spread))
        .map(toReminder);
    });
  }

  private claimWhere(
    db: SqlExecutor,
    condition: string,
    now: string,
    limit: number,
    leaseUntil: string,
    worker: string,
    tenants: readonly string[] | undefined,
  ): Promise<ReminderRow[]> {
    const skipLocked = db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
    const ofTenants = tenants ? ` AND tenant_id IN (${tenants.map((_, i) => `$${i + 5}`).join(', ')})` : '';
    return db.all<ReminderRow>(
      `UPDATE reminders SET status = 'sending', lease_until = $2, lease_owner = $3, updated_at = $1
       WHERE (tenant_id, id) IN (
         SELECT tenant_id, id FROM reminders WHERE ${condition}${ofTenants}
         ORDER BY status, due_at, spread, id LIMIT $4${skipLocked})
       RETURNING *`,
      [now, leaseUntil, worker, limit, ...(tenants ?? [])],
    );
  }

  /** Records an outcome and its attempt; false when this worker no longer holds the lease. */
  finish(...args: FinishArgs): Promise<boolean> {
    return this.write((db) => finishOne(db, ...args));
  }
}

/** What `finish` takes. */
type FinishArgs = Parameters<ReminderQueue['finish']>;

/** Records one outcome and its attempt; false when the worker no longer holds the lease. */
async function finishOne(
  db: SqlExecutor,
  ...[reminder, worker, outcome, now, attempt]: FinishArgs
): Promise<boolean> {
  await new ReminderSqlRepository(db).logAttempt(attempt);
  const base = [reminder.tenantId, reminder.id, worker, now];
  const lease = `WHERE tenant_id = $1 AND id = $2 AND lease_owner = $3 AND status = 'sending'`;
  let changed: number;
  if (outcome.status === 'delivered')
    changed = await db.run(
      `UPDATE reminders SET status = 'delivered', delivered_at = $5, lease_until = NULL, updated_at = $4, attempts = attempts + 1 ${lease}`,
      [...base, outcome.at],
    );
  else if (outcome.status === 'pending')
    changed = await db.run(
      `UPDATE reminders SET status = 'pending', next_attempt_at = $5, attempts = $6, last_error = $7, lease_until = NULL,
         lease_owner = NULL, updated_at = $4 ${lease}`,
      [...base, outcome.nextAttemptAt, outcome.attempts, outcome.error],
    );
  else
    changed = await db.run(
      `UPDATE reminders SET status = $5, attempts = $6, last_error = $7, lease_until = NULL, updated_at = $4 ${lease}`,
      [...base, outcome.status, outcome.attempts, outcome.error ?? null],
    );
  return changed === 1;
}
