import type { PageRequest } from '../../../core/common/paging';
import type { Page } from '../../../core/common/page';
import type { Scope, TenantScope } from '../../../core/common/scope';
import type {
  DeliveryAttempt,
  Reminder,
  ReminderStatus,
  ReminderSubjectType,
} from '../../../core/reminders/reminder';
import type { ReminderPreferences } from '../../../core/reminders/reminder-preferences';
import type { ReminderRepository } from '../../../core/reminders/reminder-repository';
import type { UnreachableOwner } from '../../../core/reminders/unreachable-owner';
import { fromJson, nullable, optional, toJson } from './columns';
import { pageOfRows } from './row-page';
import { Params, type SqlExecutor } from './sql-executor';

/** A reminders row. */
export interface ReminderRow {
  tenant_id: string;
  id: string;
  space_id: string;
  kind: Reminder['kind'];
  subject_type: ReminderSubjectType;
  subject_id: string;
  owner_id: string;
  occurs_on: string;
  key: string;
  due_at: string;
  status: ReminderStatus;
  attempts: number;
  next_attempt_at: string | null;
  lease_until: string | null;
  lease_owner: string | null;
  last_error: string | null;
  delivered_at: string | null;
  snooze_of: string | null;
  created_at: string;
  updated_at: string;
  /** See spreadOf. */
  spread: number;
}

/** A reminder from its row. */
export function toReminder(r: ReminderRow): Reminder {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    spaceId: r.space_id,
    kind: r.kind,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    ownerId: r.owner_id,
    occursOn: r.occurs_on,
    key: r.key,
    dueAt: r.due_at,
    status: r.status,
    attempts: Number(r.attempts),
    nextAttemptAt: optional(r.next_attempt_at),
    leaseUntil: optional(r.lease_until),
    leaseOwner: optional(r.lease_owner),
    lastError: optional(r.last_error),
    deliveredAt: optional(r.delivered_at),
    snoozeOf: optional(r.snooze_of),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

interface DeliveryRow {
  tenant_id: string;
  reminder_id: string;
  attempt: number;
  at: string;
  outcome: DeliveryAttempt['outcome'];
  route: DeliveryAttempt['route'] | null;
  status_code: number | null;
  detail: string | null;
}

/** Reminders, their delivery log and preferences in SQL. */
export class ReminderSqlRepository implements ReminderRepository {
  constructor(private readonly db: SqlExecutor) {}

  async insert(r: Reminder): Promise<void> {
    this.db.write(
      `INSERT INTO reminders (tenant_id, id, space_id, kind, subject_type, subject_id, owner_id, occurs_on, key, due_at,
         status, attempts, next_attempt_at, lease_until, lease_owner, last_error, delivered_at, snooze_of, created_at,
         updated_at, spread)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
       ON CONFLICT (tenant_id, key) DO NOTHING`,
      [
        r.tenantId,
        r.id,
        r.spaceId,
        r.kind,
        r.subjectType,
        r.subjectId,
        r.ownerId,
        r.occursOn,
        r.key,
        r.dueAt,
        r.status,
        r.attempts,
        nullable(r.nextAttemptAt),
        nullable(r.leaseUntil),
        nullable(r.leaseOwner),
        nullable(r.lastError),
        nullable(r.deliveredAt),
        nullable(r.snoozeOf),
        r.createdAt,
        r.updatedAt,
        spreadOf(r.id),
      ],
    );
  }

  async get(scope: TenantScope, id: string): Promise<Reminder | undefined> {
    const [row] = await this.db.all<ReminderRow>('SELECT * FROM reminders WHERE tenant_id = $1 AND id = $2', [
      scope.tenantId,
      id,
    ]);
    return row && toReminder(row);
  }

  async pendingForSubject(
    scope: Scope,
    subjectType: ReminderSubjectType,
    subjectId: string,
  ): Promise<Reminder[]> {
    const rows = await this.db.all<ReminderRow>(
      `SELECT * FROM reminders WHERE tenant_id = $1 AND space_id = $2 AND subject_type = $3 AND subject_id = $4
         AND status = 'pending' ORDER BY due_at, id`,
      [scope.tenantId, scope.spaceId, subjectType, subjectId],
    );
    return rows.map(toReminder);
  }

  async pendingForOwner(scope: TenantScope, ownerId: string): Promise<Reminder[]> {
    const rows = await this.db.all<ReminderRow>(
      `SELECT * FROM reminders WHERE tenant_id = $1 AND owner_id = $2 AND status = 'pending' ORDER BY due_at, id`,
      [scope.tenantId, ownerId],
    );
    return rows.map(toReminder);
  }

  async listForOwner(
    scope: TenantScope,
    ownerId: string,
    statuses: readonly ReminderStatus[],
    page: PageRequest,
  ): Promise<Page<Reminder>> {
    const p = new Params();
    const where = [`tenant_id = ${p.add(scope.tenantId)}`, `owner_id = ${p.add(ownerId)}`];
    if (statuses.length) where.push(`status IN (${p.list(statuses)})`);
    if (page.after) where.push(`(due_at, id) > (${p.add(page.after.key)}, ${p.add(page.after.id)})`);
    const rows = await this.db.all<ReminderRow>(
      `SELECT * FROM reminders WHERE ${where.join(' AND ')} ORDER BY due_at, id LIMIT ${p.add(page.limit + 1)}`,
      p.values,
    );
    return pageOfRows(rows, page.limit, (r) => ({ key: r.due_at, id: r.id }), toReminder);
  }

  async cancel(scope: TenantScope, ids: readonly string[], now: string): Promise<void> {
    if (ids.length === 0) return;
    const p = new Params();
    this.db.write(
      `UPDATE reminders SET status = 'cancelled', updated_at = ${p.add(now)}
       WHERE tenant_id = ${p.add(scope.tenantId)} AND id IN (${p.list(ids)}) AND status = 'pending'`,
      p.values,
    );
  }

  async reschedule(scope: TenantScope, id: string, dueAt: string, now: string): Promise<void> {
    this.db.write(
      `UPDATE reminders SET due_at = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
      [scope.tenantId, id, dueAt, now],
    );
  }

  async preferences(scope: TenantScope, personId: string): Promise<ReminderPreferences | undefined> {
    const [row] = await this.db.all<{ preferences: string }>(
      'SELECT preferences FROM reminder_preferences WHERE tenant_id = $1 AND person_id = $2',
      [scope.tenantId, personId],
    );
    return row && fromJson(row.preferences);
  }

  async savePreferences(
    scope: TenantScope,
    personId: string,
    preferences: ReminderPreferences,
    now: string,
  ): Promise<void> {
    this.db.write(
      `INSERT INTO reminder_preferences (tenant_id, person_id, preferences, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, person_id) DO UPDATE SET preferences = excluded.preferences, updated_at = excluded.updated_at`,
      [scope.tenantId, personId, toJson(preferences), now],
    );
  }

  async logAttempt(a: DeliveryAttempt): Promise<void> {
    this.db.write(
      `INSERT INTO reminder_deliveries (tenant_id, reminder_id, attempt, at, outcome, route, status_code, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [
        a.tenantId,
        a.reminderId,
        a.attempt,
        a.at,
        a.outcome,
        nullable(a.route),
        nullable(a.statusCode),
        nullable(a.detail),
      ],
    );
  }

  async recordUnreachable(u: UnreachableOwner): Promise<boolean> {
    const added = await this.db.run(
      `INSERT INTO unreachable_owners (tenant_id, subject_id, owner_id, space_id, reminder_id, assigner_id, title,
         occurs_on, partner_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
      [
        u.tenantId,
        u.subjectId,
        u.ownerId,
        u.spaceId,
        u.reminderId,
        u.assignerId,
        u.title,
        u.date,
        nullable(u.partnerId),
        u.at,
      ],
    );
    return added > 0;
  }

  async unreachableAssigned(
    scope: TenantScope,
    assignerId: string,
    limit: number,
  ): Promise<UnreachableOwner[]> {
    const rows = await this.db.all<{
      tenant_id: string;
      subject_id: string;
      owner_id: string;
      space_id: string;
      reminder_id: string;
      assigner_id: string;
      title: string;
      occurs_on: string;
      partner_id: string | null;
      at: string;
    }>(
      `SELECT * FROM unreachable_owners WHERE tenant_id = $1 AND assigner_id = $2
       ORDER BY at DESC, subject_id LIMIT $3`,
      [scope.tenantId, assignerId, limit],
    );
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      spaceId: r.space_id,
      subjectId: r.subject_id,
      reminderId: r.reminder_id,
      ownerId: r.owner_id,
      assignerId: r.assigner_id,
      title: r.title,
      date: r.occurs_on,
      partnerId: optional(r.partner_id),
      at: r.at,
    }));
  }

  async deliveries(scope: TenantScope, reminderId: string): Promise<DeliveryAttempt[]> {
    const rows = await this.db.all<DeliveryRow>(
      'SELECT * FROM reminder_deliveries WHERE tenant_id = $1 AND reminder_id = $2 ORDER BY at, attempt',
      [scope.tenantId, reminderId],
    );
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      reminderId: r.reminder_id,
      attempt: Number(r.attempt),
      at: r.at,
      outcome: r.outcome,
      route: optional(r.route),
      statusCode: r.status_code === null ? undefined : Number(r.status_code),
      detail: optional(r.detail),
    }));
  }
}

/**
 * Where a reminder falls among those due at the same instant: a hash of its id (FNV-1a, 31 bits), so claims
 * ordered by it mix tenants and conversations instead of following the order reminders were planned in.
 */
export function spreadOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) & 0x7fffffff;
}
