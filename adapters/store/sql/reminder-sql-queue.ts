import type { ReminderQueue } from '../../../core/reminders/reminder-repository';
import type { Reminder } from '../../../core/reminders/reminder';
import { toReminder, type ReminderRow } from './reminder-sql-repository';
import type { SqlExecutor } from './sql-executor';

/** Runs one write against the database on a connection that may write (a store supplies it). */
export type WriteRunner = <T>(work: (db: SqlExecutor) => Promise<T>) => Promise<T>;

/**
 * The scheduler's queue in SQL. A claim is one UPDATE … RETURNING over the soonest due rows; on PostgreSQL
 * the rows are picked FOR UPDATE SKIP LOCKED, so processes claiming at once split the work instead of waiting
 * for or duplicating each other. SQLite has one writer, so its claims are serial by nature.
 */
export class ReminderSqlQueue implements ReminderQueue {
  constructor(private readonly write: WriteRunner) {}

  claimDue(now: string, limit: number, leaseUntil: string, worker: string): Promise<Reminder[]> {
    return this.write(async (db) => {
      const skipLocked = db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
      const rows = await db.all<ReminderRow>(
        `UPDATE reminders SET status = 'sending', lease_until = $2, lease_owner = $3, updated_at = $1
         WHERE (tenant_id, id) IN (
           SELECT tenant_id, id FROM reminders
           WHERE (status = 'pending' AND due_at <= $1 AND (next_attempt_at IS NULL OR next_attempt_at <= $1))
              OR (status = 'sending' AND lease_until < $1)
           ORDER BY due_at, id LIMIT $4${skipLocked})
         RETURNING *`,
        [now, leaseUntil, worker, limit],
      );
      return rows.map(toReminder).sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
    });
  }

  finish(
    reminder: Pick<Reminder, 'tenantId' | 'id'>,
    worker: string,
    outcome: Parameters<ReminderQueue['finish']>[2],
    now: string,
  ): Promise<boolean> {
    return this.write(async (db) => {
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
    });
  }
}
