import type { Scope, TenantScope } from '../../../core/common/scope';
import type {
  PrivacyAuditEntry,
  PrivacyRepository,
  RemovedSpace,
} from '../../../core/privacy/privacy-repository';
import { fromJson, toCanonicalJson, toJson } from './columns';
import { Params, type SqlExecutor } from './sql-executor';

/**
 * Every column of free text a person can be named in, by table: plain text, and JSON whose strings are text
 * (lists of decisions, agreement wording, contact roles, remembered answers of repeated writes).
 */
const FREE_TEXT: readonly {
  table: string;
  key: readonly string[];
  text: readonly string[];
  json: readonly string[];
}[] = [
  {
    table: 'meetings',
    key: ['id'],
    text: ['title', 'minutes', 'customer_impact'],
    json: ['decisions', 'issues_raised'],
  },
  { table: 'actions', key: ['id'], text: ['title', 'completion_note'], json: [] },
  // Copilot's proposals name people as it heard them (owners, notes) until a supervisor reviews them.
  {
    table: 'meeting_insight_jobs',
    key: ['online_meeting_id', 'started_at'],
    text: ['title'],
    json: ['proposal'],
  },
  {
    table: 'agreements',
    key: ['id'],
    text: ['title', 'rationale'],
    json: ['parties', 'scenario', 'priority_rule', 'escalation_route'],
  },
  { table: 'agreement_acknowledgements', key: ['agreement_id', 'party_id'], text: ['comment'], json: [] },
  {
    table: 'partners',
    key: ['id'],
    text: ['notes', 'authority_notes'],
    json: ['contacts', 'information_sources'],
  },
  { table: 'evidence_requests', key: ['id'], text: ['question'], json: [] },
  { table: 'slas', key: ['id'], text: ['label'], json: [] },
  { table: 'sla_readings', key: ['id'], text: ['note'], json: [] },
  { table: 'idempotency_keys', key: ['key'], text: [], json: ['result'] },
  // What a meeting's side panel captured and nobody has logged yet: decisions and actions typed as they happen.
  { table: 'meeting_drafts', key: ['space_id'], text: [], json: ['body'] },
];

/** Tables whose rows belong to one space, deleted with it. */
const SPACE_TABLES = [
  'partners',
  'meetings',
  'meeting_partners',
  'actions',
  'agreements',
  'agreement_partners',
  'slas',
  'sla_readings',
  'checkins',
  'evidence_events',
  'evidence_partners',
  'evidence_heads',
  'evidence_requests',
  'meeting_drafts',
  'attendance_jobs',
  'meeting_insight_jobs',
  'evidence_exports',
  'calendar_outbox',
  'unreachable_owners',
];

/** Every string inside a JSON value passed through `scrub`. */
function scrubJson(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, scrub));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, scrub)]));
  return value;
}

/** Data-rights work in SQL, the same for SQLite and PostgreSQL. */
export class PrivacySqlRepository implements PrivacyRepository {
  constructor(private readonly db: SqlExecutor) {}

  async pseudonymisePerson(
    scope: TenantScope,
    personId: string,
    pseudonym: string,
    now: string,
  ): Promise<void> {
    this.db.write(
      `UPDATE people SET display_name = $1, email = NULL, phone = NULL, job_title = NULL, aad_object_id = NULL,
         updated_at = $2 WHERE tenant_id = $3 AND id = $4`,
      [pseudonym, now, scope.tenantId, personId],
    );
  }

  async scrubRecordTexts(scope: TenantScope, scrub: (text: string) => string): Promise<number> {
    let changed = 0;
    for (const { table, key, text, json } of FREE_TEXT) {
      const columns = [...key, ...text, ...json];
      const rows = await this.db.all<Record<string, string | null>>(
        `SELECT ${columns.join(', ')} FROM ${table} WHERE tenant_id = $1`,
        [scope.tenantId],
      );
      for (const row of rows) {
        const updates: [string, string][] = [];
        for (const column of text) {
          const value = row[column];
          if (value && scrub(value) !== value) updates.push([column, scrub(value)]);
        }
        for (const column of json) {
          const value = row[column];
          if (!value) continue;
          const scrubbed = toJson(scrubJson(fromJson(value), scrub));
          if (scrubbed !== toJson(fromJson(value))) updates.push([column, scrubbed]);
        }
        if (updates.length === 0) continue;
        const p = new Params();
        const set = updates.map(([column, value]) => `${column} = ${p.add(value)}`).join(', ');
        const where = [`tenant_id = ${p.add(scope.tenantId)}`, ...key.map((k) => `${k} = ${p.add(row[k])}`)];
        this.db.write(`UPDATE ${table} SET ${set} WHERE ${where.join(' AND ')}`, p.values);
        changed += updates.length;
      }
    }
    return changed;
  }

  async evidenceSpaces(scope: TenantScope): Promise<Scope[]> {
    const rows = await this.db.all<{ space_id: string }>(
      'SELECT space_id FROM evidence_heads WHERE tenant_id = $1 ORDER BY space_id',
      [scope.tenantId],
    );
    return rows.map((r) => ({ tenantId: scope.tenantId, spaceId: r.space_id }));
  }

  async replaceSnapshot(scope: Scope, seq: number, snapshot: unknown): Promise<void> {
    this.db.write(
      // The people recorded beside the snapshot are read from the new one from now on.
      `UPDATE evidence_events SET snapshot = $1, person_ids = NULL, involved_ids = NULL
       WHERE tenant_id = $2 AND space_id = $3 AND seq = $4`,
      [toCanonicalJson(snapshot), scope.tenantId, scope.spaceId, seq],
    );
  }

  async forgetTeamsUser(scope: TenantScope, personId: string, aadObjectId: string): Promise<void> {
    const tenant = scope.tenantId;
    this.db.write("DELETE FROM conversation_references WHERE tenant_id = $1 AND kind = 'user' AND key = $2", [
      tenant,
      aadObjectId.toLowerCase(),
    ]);
    this.db.write('DELETE FROM reminder_preferences WHERE tenant_id = $1 AND person_id = $2', [
      tenant,
      personId,
    ]);
    this.db.write(
      `DELETE FROM reminder_deliveries WHERE tenant_id = $1 AND reminder_id IN
         (SELECT id FROM reminders WHERE tenant_id = $1 AND owner_id = $2)`,
      [tenant, personId],
    );
    this.db.write('DELETE FROM reminders WHERE tenant_id = $1 AND owner_id = $2', [tenant, personId]);
    this.db.write(
      'DELETE FROM unreachable_owners WHERE tenant_id = $1 AND (owner_id = $2 OR assigner_id = $2)',
      [tenant, personId],
    );
    this.db.write('DELETE FROM calendar_events WHERE tenant_id = $1 AND owner_aad_object_id = $2', [
      tenant,
      aadObjectId,
    ]);
  }

  async removedBefore(before: string): Promise<RemovedSpace[]> {
    const rows = await this.db.all<{
      tenant_id: string;
      kind: 'team' | 'chat';
      key: string;
      updated_at: string;
    }>(
      `SELECT tenant_id, kind, key, updated_at FROM conversation_references
       WHERE kind IN ('team', 'chat') AND status = 'gone' AND updated_at < $1 ORDER BY updated_at`,
      [before],
    );
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      spaceId: `${r.kind}:${r.key}`,
      removedAt: r.updated_at,
    }));
  }

  async purgeSpace(space: Scope): Promise<number> {
    const { tenantId, spaceId } = space;
    let rows = 0;
    // Rows keyed by a record of the space rather than by the space itself go first.
    rows += await this.db.run(
      `DELETE FROM agreement_acknowledgements WHERE tenant_id = $1 AND agreement_id IN
         (SELECT id FROM agreements WHERE tenant_id = $1 AND space_id = $2)`,
      [tenantId, spaceId],
    );
    rows += await this.db.run(
      `DELETE FROM reminder_deliveries WHERE tenant_id = $1 AND reminder_id IN
         (SELECT id FROM reminders WHERE tenant_id = $1 AND space_id = $2)`,
      [tenantId, spaceId],
    );
    rows += await this.db.run('DELETE FROM reminders WHERE tenant_id = $1 AND space_id = $2', [
      tenantId,
      spaceId,
    ]);
    for (const table of SPACE_TABLES)
      rows += await this.db.run(`DELETE FROM ${table} WHERE tenant_id = $1 AND space_id = $2`, [
        tenantId,
        spaceId,
      ]);
    const [kind, key] = [spaceId.slice(0, spaceId.indexOf(':')), spaceId.slice(spaceId.indexOf(':') + 1)];
    rows += await this.db.run(
      'DELETE FROM conversation_references WHERE tenant_id = $1 AND kind = $2 AND key = $3',
      [tenantId, kind, key],
    );
    return rows;
  }

  async contactsOfPartnersArchivedBefore(before: string): Promise<{ tenantId: string; personId: string }[]> {
    const rows = await this.db.all<{ tenant_id: string; id: string }>(
      `SELECT pe.tenant_id, pe.id FROM people pe
       JOIN partners pa ON pa.tenant_id = pe.tenant_id AND pa.id = pe.partner_id
       WHERE pe.kind = 'contact' AND pa.status = 'archived' AND pa.updated_at < $1
         AND pe.display_name NOT LIKE 'Erased contact %'
       ORDER BY pe.tenant_id, pe.id`,
      [before],
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, personId: r.id }));
  }

  async audit(entry: PrivacyAuditEntry): Promise<void> {
    this.db.write(
      `INSERT INTO privacy_audit (tenant_id, id, at, actor, action, subject, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [entry.tenantId, entry.id, entry.at, entry.actor, entry.action, entry.subject, toJson(entry.detail)],
    );
  }

  async auditLog(scope: TenantScope, limit: number): Promise<PrivacyAuditEntry[]> {
    const rows = await this.db.all<{
      tenant_id: string;
      id: string;
      at: string;
      actor: string;
      action: PrivacyAuditEntry['action'];
      subject: string;
      detail: string;
    }>('SELECT * FROM privacy_audit WHERE tenant_id = $1 ORDER BY at DESC, id DESC LIMIT $2', [
      scope.tenantId,
      limit,
    ]);
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      subject: r.subject,
      detail: fromJson(r.detail),
    }));
  }
}
