import type { TenantScope } from '../../../core/common/scope';
import type {
  ConversationKind,
  ConversationReference,
} from '../../../core/conversations/conversation-reference';
import type { ConversationRepository } from '../../../core/conversations/conversation-repository';
import { nullable, optional } from './columns';
import { Params, type SqlExecutor } from './sql-executor';

interface ConversationRow {
  tenant_id: string;
  kind: ConversationKind;
  key: string;
  service_url: string;
  channel_id: string;
  bot_id: string;
  conversation_id: string | null;
  user_id: string | null;
  team_id: string | null;
  status: ConversationReference['status'];
  updated_at: string;
  welcomed_at: string | null;
}

function toReference(r: ConversationRow): ConversationReference {
  return {
    tenantId: r.tenant_id,
    kind: r.kind,
    key: r.key,
    serviceUrl: r.service_url,
    channelId: r.channel_id,
    botId: r.bot_id,
    conversationId: optional(r.conversation_id),
    userId: optional(r.user_id),
    teamId: optional(r.team_id),
    status: r.status,
    updatedAt: r.updated_at,
    welcomedAt: optional(r.welcomed_at),
  };
}

/** Conversation references in SQL, one row per tenant, kind and key. */
export class ConversationSqlRepository implements ConversationRepository {
  constructor(private readonly db: SqlExecutor) {}

  async save(c: ConversationReference): Promise<void> {
    this.db.write(
      `INSERT INTO conversation_references (tenant_id, kind, key, service_url, channel_id, bot_id, conversation_id,
         user_id, team_id, status, updated_at, welcomed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (tenant_id, kind, key) DO UPDATE SET
         service_url = excluded.service_url, channel_id = excluded.channel_id, bot_id = excluded.bot_id,
         conversation_id = excluded.conversation_id, user_id = excluded.user_id, team_id = excluded.team_id,
         status = excluded.status, updated_at = excluded.updated_at, welcomed_at = excluded.welcomed_at`,
      [
        c.tenantId,
        c.kind,
        c.key,
        c.serviceUrl,
        c.channelId,
        c.botId,
        nullable(c.conversationId),
        nullable(c.userId),
        nullable(c.teamId),
        c.status,
        c.updatedAt,
        nullable(c.welcomedAt),
      ],
    );
  }

  async markWelcomed(scope: TenantScope, kind: ConversationKind, key: string, at: string): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE conversation_references SET welcomed_at = $4
       WHERE tenant_id = $1 AND kind = $2 AND key = $3 AND status = 'active' AND welcomed_at IS NULL`,
      [scope.tenantId, kind, key, at],
    );
    return changed === 1;
  }

  async get(
    scope: TenantScope,
    kind: ConversationKind,
    key: string,
  ): Promise<ConversationReference | undefined> {
    const [row] = await this.db.all<ConversationRow>(
      'SELECT * FROM conversation_references WHERE tenant_id = $1 AND kind = $2 AND key = $3',
      [scope.tenantId, kind, key],
    );
    return row && toReference(row);
  }

  async findUsers(scope: TenantScope, aadObjectIds: readonly string[]): Promise<ConversationReference[]> {
    if (aadObjectIds.length === 0) return [];
    const p = new Params();
    const rows = await this.db.all<ConversationRow>(
      `SELECT * FROM conversation_references WHERE tenant_id = ${p.add(scope.tenantId)} AND kind = 'user'
       AND key IN (${p.list(aadObjectIds)}) ORDER BY key`,
      p.values,
    );
    return rows.map(toReference);
  }
}
