import type { PageRequest } from '../../../core/common/paging';
import type { Page } from '../../../core/common/page';
import type { Scope, TenantScope } from '../../../core/common/scope';
import type { EvidenceRequest, EvidenceRequestStatus } from '../../../core/evidence/evidence-request';
import type { EvidenceRequestRepository } from '../../../core/evidence/evidence-request-repository';
import { fromJson, nullable, optional, toJson } from './columns';
import { pageOfRows } from './row-page';
import { Params, type SqlExecutor } from './sql-executor';

interface RequestRow {
  tenant_id: string;
  space_id: string;
  id: string;
  kind: EvidenceRequest['kind'];
  requested_by: string;
  recipient_id: string;
  partner_id: string | null;
  item_ids: string;
  question: string | null;
  status: EvidenceRequestStatus;
  requested_at: string;
  answered_at: string | null;
}

function toRequest(r: RequestRow): EvidenceRequest {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    spaceId: r.space_id,
    kind: r.kind,
    requestedBy: r.requested_by,
    recipientId: r.recipient_id,
    partnerId: optional(r.partner_id),
    itemIds: fromJson(r.item_ids),
    question: optional(r.question),
    status: r.status,
    requestedAt: r.requested_at,
    answeredAt: optional(r.answered_at),
  };
}

/** Feedback and witness requests in SQL. */
export class EvidenceRequestSqlRepository implements EvidenceRequestRepository {
  constructor(private readonly db: SqlExecutor) {}

  async insert(r: EvidenceRequest): Promise<void> {
    this.db.write(
      `INSERT INTO evidence_requests (tenant_id, space_id, id, kind, requested_by, recipient_id, partner_id, item_ids,
         question, status, requested_at, answered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        r.tenantId,
        r.spaceId,
        r.id,
        r.kind,
        r.requestedBy,
        r.recipientId,
        nullable(r.partnerId),
        toJson(r.itemIds),
        nullable(r.question),
        r.status,
        r.requestedAt,
        nullable(r.answeredAt),
      ],
    );
  }

  async close(
    scope: Scope,
    id: string,
    outcome: { status: 'answered' | 'declined'; answeredAt: string },
  ): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE evidence_requests SET status = $4, answered_at = $5
       WHERE tenant_id = $1 AND space_id = $2 AND id = $3 AND status = 'pending'`,
      [scope.tenantId, scope.spaceId, id, outcome.status, outcome.answeredAt],
    );
    return changed === 1;
  }

  async get(scope: Scope, id: string): Promise<EvidenceRequest | undefined> {
    const [row] = await this.db.all<RequestRow>(
      'SELECT * FROM evidence_requests WHERE tenant_id = $1 AND space_id = $2 AND id = $3',
      [scope.tenantId, scope.spaceId, id],
    );
    return row && toRequest(row);
  }

  async listForRecipient(
    scope: TenantScope,
    recipientId: string,
    status: EvidenceRequestStatus,
    page: PageRequest,
  ): Promise<Page<EvidenceRequest>> {
    const p = new Params();
    const where = [
      `tenant_id = ${p.add(scope.tenantId)}`,
      `recipient_id = ${p.add(recipientId)}`,
      `status = ${p.add(status)}`,
    ];
    if (page.after) where.push(`(requested_at, id) < (${p.add(page.after.key)}, ${p.add(page.after.id)})`);
    const rows = await this.db.all<RequestRow>(
      `SELECT * FROM evidence_requests WHERE ${where.join(' AND ')}
       ORDER BY requested_at DESC, id DESC LIMIT ${p.add(page.limit + 1)}`,
      p.values,
    );
    return pageOfRows(rows, page.limit, (r) => ({ key: r.requested_at, id: r.id }), toRequest);
  }
}
