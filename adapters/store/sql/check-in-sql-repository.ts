import type { CheckInRepository } from '../../../core/checkins/check-in-repository';
import type { CheckInSchedule } from '../../../core/checkins/check-in-schedule';
import type { PageRequest } from '../../../core/common/paging';
import type { Page } from '../../../core/common/page';
import type { Scope, TenantScope } from '../../../core/common/scope';
import { fromFlag, nullable, optional, toFlag } from './columns';
import { pageOfRows } from './row-page';
import { Params, type SqlExecutor } from './sql-executor';

interface CheckInRow {
  tenant_id: string;
  space_id: string;
  id: string;
  partner_id: string;
  owner_id: string;
  cadence_every: number;
  cadence_unit: CheckInSchedule['cadence']['unit'];
  next_due_date: string;
  last_completed_on: string | null;
  last_meeting_id: string | null;
  active: number;
  version: number;
  updated_at: string;
}

function toSchedule(r: CheckInRow): CheckInSchedule {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    spaceId: r.space_id,
    partnerId: r.partner_id,
    ownerId: r.owner_id,
    cadence: { every: Number(r.cadence_every), unit: r.cadence_unit },
    nextDueDate: r.next_due_date,
    lastCompletedOn: optional(r.last_completed_on),
    lastMeetingId: optional(r.last_meeting_id),
    active: fromFlag(r.active),
    version: Number(r.version),
    updatedAt: r.updated_at,
  };
}

/** Check-in schedules in SQL, one row per partner. */
export class CheckInSqlRepository implements CheckInRepository {
  constructor(private readonly db: SqlExecutor) {}

  async save(s: CheckInSchedule): Promise<void> {
    this.db.write(
      `INSERT INTO checkins (tenant_id, space_id, id, partner_id, owner_id, cadence_every, cadence_unit, next_due_date,
         last_completed_on, last_meeting_id, active, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (tenant_id, space_id, partner_id) DO UPDATE SET
         owner_id = excluded.owner_id, cadence_every = excluded.cadence_every, cadence_unit = excluded.cadence_unit,
         next_due_date = excluded.next_due_date, last_completed_on = excluded.last_completed_on,
         last_meeting_id = excluded.last_meeting_id, active = excluded.active, version = excluded.version,
         updated_at = excluded.updated_at`,
      [
        s.tenantId,
        s.spaceId,
        s.id,
        s.partnerId,
        s.ownerId,
        s.cadence.every,
        s.cadence.unit,
        s.nextDueDate,
        nullable(s.lastCompletedOn),
        nullable(s.lastMeetingId),
        toFlag(s.active),
        s.version,
        s.updatedAt,
      ],
    );
  }

  async get(scope: Scope, id: string): Promise<CheckInSchedule | undefined> {
    const [row] = await this.db.all<CheckInRow>(
      'SELECT * FROM checkins WHERE tenant_id = $1 AND space_id = $2 AND id = $3',
      [scope.tenantId, scope.spaceId, id],
    );
    return row && toSchedule(row);
  }

  async getForPartner(scope: Scope, partnerId: string): Promise<CheckInSchedule | undefined> {
    const [row] = await this.db.all<CheckInRow>(
      'SELECT * FROM checkins WHERE tenant_id = $1 AND space_id = $2 AND partner_id = $3',
      [scope.tenantId, scope.spaceId, partnerId],
    );
    return row && toSchedule(row);
  }

  async getForPartners(scope: Scope, partnerIds: readonly string[]): Promise<CheckInSchedule[]> {
    if (partnerIds.length === 0) return [];
    const p = new Params();
    const rows = await this.db.all<CheckInRow>(
      `SELECT * FROM checkins WHERE tenant_id = ${p.add(scope.tenantId)} AND space_id = ${p.add(scope.spaceId)}
       AND partner_id IN (${p.list(partnerIds)})`,
      p.values,
    );
    return rows.map(toSchedule);
  }

  list(scope: Scope, query: { dueOnOrBefore?: string }, page: PageRequest): Promise<Page<CheckInSchedule>> {
    const p = new Params();
    const where = [`tenant_id = ${p.add(scope.tenantId)}`, `space_id = ${p.add(scope.spaceId)}`];
    if (query.dueOnOrBefore) where.push(`next_due_date <= ${p.add(query.dueOnOrBefore)}`);
    return this.#query(p, where, page);
  }

  listForOwner(scope: TenantScope, ownerId: string, page: PageRequest): Promise<Page<CheckInSchedule>> {
    const p = new Params();
    return this.#query(p, [`tenant_id = ${p.add(scope.tenantId)}`, `owner_id = ${p.add(ownerId)}`], page);
  }

  async #query(p: Params, where: string[], page: PageRequest): Promise<Page<CheckInSchedule>> {
    where.push('active = 1');
    if (page.after) where.push(`(next_due_date, id) > (${p.add(page.after.key)}, ${p.add(page.after.id)})`);
    const rows = await this.db.all<CheckInRow>(
      `SELECT * FROM checkins WHERE ${where.join(' AND ')} ORDER BY next_due_date, id LIMIT ${p.add(page.limit + 1)}`,
      p.values,
    );
    return pageOfRows(rows, page.limit, (r) => ({ key: r.next_due_date, id: r.id }), toSchedule);
  }
}
