import type { PageRequest } from '../../../core/common/paging';
import type { Page } from '../../../core/common/page';
import type { Scope } from '../../../core/common/scope';
import type { ServiceLevelAgreement, SlaReading } from '../../../core/slas/service-level-agreement';
import type { SlaLatestResult, SlaRepository } from '../../../core/slas/sla-repository';
import { fromFlag, nullable, optional, toFlag } from './columns';
import { pageOfRows } from './row-page';
import { Params, type SqlExecutor } from './sql-executor';

interface SlaRow {
  tenant_id: string;
  space_id: string;
  id: string;
  partner_id: string;
  metric: ServiceLevelAgreement['metric'];
  label: string | null;
  target_comparator: ServiceLevelAgreement['target']['comparator'];
  target_value: number;
  target_unit: ServiceLevelAgreement['target']['unit'];
  period: ServiceLevelAgreement['period'];
  review_date: string;
  status: ServiceLevelAgreement['status'];
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string;
}

interface ReadingRow {
  tenant_id: string;
  id: string;
  sla_id: string;
  period_start: string;
  period_end: string;
  value: number;
  met: number;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

function toSla(r: SlaRow): ServiceLevelAgreement {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    spaceId: r.space_id,
    partnerId: r.partner_id,
    metric: r.metric,
    label: optional(r.label),
    target: { comparator: r.target_comparator, value: Number(r.target_value), unit: r.target_unit },
    period: r.period,
    reviewDate: r.review_date,
    status: r.status,
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
  };
}

function toReading(r: ReadingRow): SlaReading {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    slaId: r.sla_id,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    value: Number(r.value),
    met: fromFlag(r.met),
    note: optional(r.note),
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  };
}

/** SLAs and readings in SQL. */
export class SlaSqlRepository implements SlaRepository {
  constructor(private readonly db: SqlExecutor) {}

  async insert(s: ServiceLevelAgreement): Promise<void> {
    this.db.write(
      `INSERT INTO slas (tenant_id, space_id, id, partner_id, metric, label, target_comparator, target_value,
         target_unit, period, review_date, status, version, created_at, updated_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        s.tenantId,
        s.spaceId,
        s.id,
        s.partnerId,
        s.metric,
        nullable(s.label),
        s.target.comparator,
        s.target.value,
        s.target.unit,
        s.period,
        s.reviewDate,
        s.status,
        s.version,
        s.createdAt,
        s.updatedAt,
        s.createdBy,
      ],
    );
  }

  async insertReading(scope: Scope, r: SlaReading): Promise<void> {
    this.db.write(
      `INSERT INTO sla_readings (tenant_id, space_id, id, sla_id, period_start, period_end, value, met, note,
         recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        scope.tenantId,
        scope.spaceId,
        r.id,
        r.slaId,
        r.periodStart,
        r.periodEnd,
        r.value,
        toFlag(r.met),
        nullable(r.note),
        r.recordedBy,
        r.recordedAt,
      ],
    );
  }

  async get(scope: Scope, id: string): Promise<ServiceLevelAgreement | undefined> {
    const [row] = await this.db.all<SlaRow>(
      'SELECT * FROM slas WHERE tenant_id = $1 AND space_id = $2 AND id = $3',
      [scope.tenantId, scope.spaceId, id],
    );
    return row && toSla(row);
  }

  async list(
    scope: Scope,
    query: { partnerId?: string },
    page: PageRequest,
  ): Promise<Page<ServiceLevelAgreement>> {
    const p = new Params();
    const where = [`tenant_id = ${p.add(scope.tenantId)}`, `space_id = ${p.add(scope.spaceId)}`];
    if (query.partnerId) where.push(`partner_id = ${p.add(query.partnerId)}`);
    if (page.after) where.push(`(created_at, id) > (${p.add(page.after.key)}, ${p.add(page.after.id)})`);
    const rows = await this.db.all<SlaRow>(
      `SELECT * FROM slas WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT ${p.add(page.limit + 1)}`,
      p.values,
    );
    return pageOfRows(rows, page.limit, (r) => ({ key: r.created_at, id: r.id }), toSla);
  }

  async listReadings(scope: Scope, slaId: string, page: PageRequest): Promise<Page<SlaReading>> {
    const p = new Params();
    const where = [
      `tenant_id = ${p.add(scope.tenantId)}`,
      `space_id = ${p.add(scope.spaceId)}`,
      `sla_id = ${p.add(slaId)}`,
    ];
    if (page.after) where.push(`(period_start, id) < (${p.add(page.after.key)}, ${p.add(page.after.id)})`);
    const rows = await this.db.all<ReadingRow>(
      `SELECT * FROM sla_readings WHERE ${where.join(' AND ')}
       ORDER BY period_start DESC, id DESC LIMIT ${p.add(page.limit + 1)}`,
      p.values,
    );
    return pageOfRows(rows, page.limit, (r) => ({ key: r.period_start, id: r.id }), toReading);
  }

  async latestResults(scope: Scope, partnerIds: readonly string[]): Promise<SlaLatestResult[]> {
    if (partnerIds.length === 0) return [];
    const p = new Params();
    const rows = await this.db.all<{ id: string; partner_id: string; met: number | string | null }>(
      `SELECT s.id, s.partner_id,
         (SELECT r.met FROM sla_readings r
          WHERE r.tenant_id = s.tenant_id AND r.space_id = s.space_id AND r.sla_id = s.id
          ORDER BY r.period_start DESC, r.id DESC LIMIT 1) AS met
       FROM slas s
       WHERE s.tenant_id = ${p.add(scope.tenantId)} AND s.space_id = ${p.add(scope.spaceId)}
         AND s.status = 'active' AND s.partner_id IN (${p.list(partnerIds)})
       ORDER BY s.created_at, s.id`,
      p.values,
    );
    return rows.map((r) => ({
      slaId: r.id,
      partnerId: r.partner_id,
      met: r.met === null ? undefined : fromFlag(r.met),
    }));
  }
}
