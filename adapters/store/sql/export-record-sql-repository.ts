import type { TenantScope } from '../../../core/common/scope';
import type { ExportRecord, ExportRecordRepository } from '../../../core/export/export-record';
import { fromJson, toJson } from './columns';
import type { SqlExecutor } from './sql-executor';

interface ExportRow {
  tenant_id: string;
  space_id: string;
  id: string;
  requested_by: string;
  format: string;
  filters: string;
  as_of_seq: number;
  head_hash: string;
  items: number;
  code: string;
  created_at: string;
}

/** The record of exports in SQL. */
export class ExportRecordSqlRepository implements ExportRecordRepository {
  constructor(private readonly db: SqlExecutor) {}

  async insert(r: ExportRecord): Promise<void> {
    this.db.write(
      `INSERT INTO evidence_exports (tenant_id, space_id, id, requested_by, format, filters, as_of_seq, head_hash,
         items, code, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        r.tenantId,
        r.spaceId,
        r.id,
        r.requestedBy,
        r.format,
        toJson(r.filters),
        r.asOfSeq,
        r.headHash,
        r.items,
        r.code,
        r.createdAt,
      ],
    );
  }

  async findByCode(scope: TenantScope, code: string): Promise<ExportRecord | undefined> {
    const [r] = await this.db.all<ExportRow>(
      'SELECT * FROM evidence_exports WHERE tenant_id = $1 AND code = $2 ORDER BY created_at DESC, id DESC LIMIT 1',
      [scope.tenantId, code],
    );
    if (!r) return undefined;
    return {
      id: r.id,
      tenantId: r.tenant_id,
      spaceId: r.space_id,
      requestedBy: r.requested_by,
      format: r.format,
      filters: fromJson(r.filters),
      asOfSeq: Number(r.as_of_seq),
      headHash: r.head_hash,
      items: Number(r.items),
      code: r.code,
      createdAt: r.created_at,
    };
  }
}
