import type { Scope } from '../../../core/common/scope';
import type {
  CapturedAction,
  MeetingDraftRecord,
  MeetingDraftRepository,
} from '../../../core/meetings/meeting-draft-repository';
import type { SqlExecutor } from './sql-executor';

interface DraftBody {
  partnerId?: string;
  agreementId?: string;
  actions: CapturedAction[];
  decisions: string[];
}

interface DraftRow {
  tenant_id: string;
  space_id: string;
  body: string;
  version: number;
  updated_at: string;
}

/** Meeting chats' drafts in SQL, the same for SQLite and PostgreSQL. */
export class MeetingDraftSqlRepository implements MeetingDraftRepository {
  constructor(private readonly db: SqlExecutor) {}

  async get(scope: Scope): Promise<MeetingDraftRecord | undefined> {
    const [row] = await this.db.all<DraftRow>(
      `SELECT tenant_id, space_id, body, version, updated_at FROM meeting_drafts
       WHERE tenant_id = $1 AND space_id = $2`,
      [scope.tenantId, scope.spaceId],
    );
    return row && this.#recordOf(row);
  }

  async save(draft: MeetingDraftRecord, expectedVersion: number): Promise<boolean> {
    const body: DraftBody = {
      partnerId: draft.partnerId,
      agreementId: draft.agreementId,
      actions: [...draft.actions],
      decisions: [...draft.decisions],
    };
    if (expectedVersion === 0) {
      const inserted = await this.db.run(
        `INSERT INTO meeting_drafts (tenant_id, space_id, body, version, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, space_id) DO NOTHING`,
        [draft.tenantId, draft.spaceId, JSON.stringify(body), draft.version, draft.updatedAt],
      );
      return inserted === 1;
    }
    const updated = await this.db.run(
      `UPDATE meeting_drafts SET body = $1, version = $2, updated_at = $3
       WHERE tenant_id = $4 AND space_id = $5 AND version = $6`,
      [JSON.stringify(body), draft.version, draft.updatedAt, draft.tenantId, draft.spaceId, expectedVersion],
    );
    return updated === 1;
  }

  async take(scope: Scope): Promise<MeetingDraftRecord | undefined> {
    const draft = await this.get(scope);
    if (draft)
      this.db.write('DELETE FROM meeting_drafts WHERE tenant_id = $1 AND space_id = $2 AND version = $3', [
        scope.tenantId,
        scope.spaceId,
        draft.version,
      ]);
    return draft;
  }

  #recordOf(row: DraftRow): MeetingDraftRecord {
    const body = JSON.parse(row.body) as DraftBody;
    return {
      tenantId: row.tenant_id,
      spaceId: row.space_id,
      ...(body.partnerId ? { partnerId: body.partnerId } : {}),
      ...(body.agreementId ? { agreementId: body.agreementId } : {}),
      actions: body.actions,
      decisions: body.decisions,
      version: Number(row.version),
      updatedAt: row.updated_at,
    };
  }
}
