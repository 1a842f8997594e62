import { OPEN_STATUSES, type AgreedAction } from '../../../core/actions/agreed-action';
import type {
  ActionListQuery,
  ActionRepository,
  PartnerActionCounts,
} from '../../../core/actions/action-repository';
import type { PageRequest } from '../../../core/common/paging';
import type { Page } from '../../../core/common/page';
import type { Scope, TenantScope } from '../../../core/common/scope';
import { nullable, optional } from './columns';
import { containsPattern } from './like-pattern';
import { pageOfRows } from './row-page';
import { Params, type SqlExecutor } from './sql-executor';

interface ActionRow {
  tenant_id: string;
  space_id: string;
  id: string;
  title: string;
  owner_id: string;
  due_date: string;
  status: AgreedAction['status'];
  meeting_id: string | null;
  partner_id: string | null;
  completion_note: string | null;
  completed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string;
}

function toAction(r: ActionRow): AgreedAction {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    spaceId: r.space_id,
    title: r.title,
    ownerId: r.owner_id,
    dueDate: r.due_date,
    status: r.status,
    meetingId: optional(r.meeting_id),
    partnerId: optional(r.partner_id),
    completionNote: optional(r.completion_note),
    completedAt: optional(r.completed_at),
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
  };
}

/** Agreed actions in SQL. */
export class ActionSqlRepository implements ActionRepository {
  constructor(private readonly db: SqlExecutor) {}

  async insert(a: AgreedAction): Promise<void> {
    this.db.write(
      `INSERT INTO actions (tenant_id, space_id, id, title, owner_id, due_date, status, meeting_id, partner_id,
         completion_note, completed_at, version, created_at, updated_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        a.tenantId,
        a.spaceId,
        a.id,
        a.title,
        a.ownerId,
        a.dueDate,
        a.status,
        nullable(a.meetingId),
        nullable(a.partnerId),
        nullable(a.completionNote),
        nullable(a.completedAt),
        a.version,
        a.createdAt,
        a.updatedAt,
        a.createdBy,
      ],
    );
  }

  async update(a: AgreedAction, expectedVersion: number): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE actions SET title = $4, owner_id = $5, due_date = $6, status = $7, completion_note = $8,
         completed_at = $9, version = $10, updated_at = $11
       WHERE tenant_id = $1 AND space_id = $2 AND id = $3 AND version = $12`,
      [
        a.tenantId,
        a.spaceId,
        a.id,
        a.title,
        a.ownerId,
        a.dueDate,
        a.status,
        nullable(a.completionNote),
        nullable(a.completedAt),
        a.version,
        a.updatedAt,
        expectedVersion,
      ],
    );
    return changed === 1;
  }

  async get(scope: Scope, id: string): Promise<AgreedAction | undefined> {
    const [row] = await this.db.all<ActionRow>(
      'SELECT * FROM actions WHERE tenant_id = $1 AND space_id = $2 AND id = $3',
      [scope.tenantId, scope.spaceId, id],
    );
    return row && toAction(row);
  }

  list(scope: Scope, query: ActionListQuery, page: PageRequest): Promise<Page<AgreedAction>> {
    const p = new Params();
    return this.#query(
      p,
      [`tenant_id = ${p.add(scope.tenantId)}`, `space_id = ${p.add(scope.spaceId)}`],
      query,
      page,
    );
  }

  listForOwner(
    scope: TenantScope,
    ownerId: string,
    query: ActionListQuery,
    page: PageRequest,
  ): Promise<Page<AgreedAction>> {
    const p = new Params();
    return this.#query(
      p,
      [`tenant_id = ${p.add(scope.tenantId)}`, `owner_id = ${p.add(ownerId)}`],
      query,
      page,
    );
  }

  async openCountsByPartner(
    scope: Scope,
    partnerIds: readonly string[],
    today: string,
  ): Promise<PartnerActionCounts[]> {
    if (partnerIds.length === 0) return [];
    const p = new Params();
    const rows = await this.db.all<{ partner_id: string; open: number | string; overdue: number | string }>(
      `SELECT partner_id, COUNT(*) AS open, SUM(CASE WHEN due_date < ${p.add(today)} THEN 1 ELSE 0 END) AS overdue
       FROM actions
       WHERE tenant_id = ${p.add(scope.tenantId)} AND space_id = ${p.add(scope.spaceId)}
         AND partner_id IN (${p.list(partnerIds)}) AND status IN (${p.list(OPEN_STATUSES)})
       GROUP BY partner_id`,
      p.values,
    );
    // PostgreSQL returns COUNT and SUM as bigint text.
    return rows.map((r) => ({ partnerId: r.partner_id, open: Number(r.open), overdue: Number(r.overdue) }));
  }

  async #query(
    p: Params,
    where: string[],
    query: ActionListQuery,
    page: PageRequest,
  ): Promise<Page<AgreedAction>> {
    if (query.statuses?.length) where.push(`status IN (${p.list(query.statuses)})`);
    if (query.ownerId) where.push(`owner_id = ${p.add(query.ownerId)}`);
    if (query.partnerId) where.push(`partner_id = ${p.add(query.partnerId)}`);
    if (query.meetingId) where.push(`meeting_id = ${p.add(query.meetingId)}`);
    if (query.dueOnOrBefore) where.push(`due_date <= ${p.add(query.dueOnOrBefore)}`);
    if (query.titleContains)
      where.push(`LOWER(title) LIKE ${p.add(containsPattern(query.titleContains))} ESCAPE '\\'`);
    const [after, direction] = query.order === 'due_desc' ? ['<', 'DESC'] : ['>', 'ASC'];
    if (page.after) where.push(`(due_date, id) ${after} (${p.add(page.after.key)}, ${p.add(page.after.id)})`);
    const rows = await this.db.all<ActionRow>(
      `SELECT * FROM actions WHERE ${where.join(' AND ')}
       ORDER BY due_date ${direction}, id ${direction} LIMIT ${p.add(page.limit + 1)}`,
      p.values,
    );
    return pageOfRows(rows, page.limit, (r) => ({ key: r.due_date, id: r.id }), toAction);
  }
}
