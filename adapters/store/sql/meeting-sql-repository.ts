import type { PageRequest } from '../../../core/common/paging';
import type { Page } from '../../../core/common/page';
import type { Scope } from '../../../core/common/scope';
import type { Meeting } from '../../../core/meetings/meeting';
import type { MeetingListQuery, MeetingRepository } from '../../../core/meetings/meeting-repository';
import { fromJson, nullable, optional, toJson } from './columns';
import { pageOfRows } from './row-page';
import { Params, type SqlExecutor } from './sql-executor';

interface MeetingRow {
  tenant_id: string;
  space_id: string;
  id: string;
  title: string;
  occurred_at: string;
  duration_minutes: number | null;
  type: Meeting['type'];
  medium: Meeting['medium'];
  partner_ids: string;
  attendee_ids: string;
  minutes: string | null;
  decisions: string;
  issues_raised: string;
  customer_impact: string | null;
  action_ids: string;
  agreement_id: string | null;
  source: string;
  logged_by: string;
  created_at: string;
}

function toMeeting(r: MeetingRow): Meeting {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    spaceId: r.space_id,
    title: r.title,
    occurredAt: r.occurred_at,
    durationMinutes: optional(r.duration_minutes),
    partnerIds: fromJson(r.partner_ids),
    attendeeIds: fromJson(r.attendee_ids),
    type: r.type,
    medium: r.medium,
    minutes: optional(r.minutes),
    decisions: fromJson(r.decisions),
    issuesRaised: fromJson(r.issues_raised),
    customerImpact: optional(r.customer_impact),
    actionIds: fromJson(r.action_ids),
    agreementId: optional(r.agreement_id),
    source: fromJson(r.source),
    loggedBy: r.logged_by,
    createdAt: r.created_at,
  };
}

/** Meetings in SQL, with a partner index so a partner's timeline is one range scan. */
export class MeetingSqlRepository implements MeetingRepository {
  constructor(private readonly db: SqlExecutor) {}

  async insert(m: Meeting): Promise<void> {
    this.db.write(
      `INSERT INTO meetings (tenant_id, space_id, id, title, occurred_at, duration_minutes, type, medium, partner_ids,
         attendee_ids, minutes, decisions, issues_raised, customer_impact, action_ids, agreement_id, source,
         logged_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
      [
        m.tenantId,
        m.spaceId,
        m.id,
        m.title,
        m.occurredAt,
        nullable(m.durationMinutes),
        m.type,
        m.medium,
        toJson(m.partnerIds),
        toJson(m.attendeeIds),
        nullable(m.minutes),
        toJson(m.decisions),
        toJson(m.issuesRaised),
        nullable(m.customerImpact),
        toJson(m.actionIds),
        nullable(m.agreementId),
        toJson(m.source),
        m.loggedBy,
        m.createdAt,
      ],
    );
    for (const partnerId of m.partnerIds) {
      this.db.write(
        `INSERT INTO meeting_partners (tenant_id, space_id, partner_id, occurred_at, meeting_id)
         VALUES ($1, $2, $3, $4, $5)`,
        [m.tenantId, m.spaceId, partnerId, m.occurredAt, m.id],
      );
    }
  }

  async get(scope: Scope, id: string): Promise<Meeting | undefined> {
    const [row] = await this.db.all<MeetingRow>(
      'SELECT * FROM meetings WHERE tenant_id = $1 AND space_id = $2 AND id = $3',
      [scope.tenantId, scope.spaceId, id],
    );
    return row && toMeeting(row);
  }

  async list(scope: Scope, query: MeetingListQuery, page: PageRequest): Promise<Page<Meeting>> {
    const p = new Params();
    // Filtering by partner walks the partner index and joins; otherwise the space index alone serves.
    const from = query.partnerId
      ? `meeting_partners mp JOIN meetings m ON m.tenant_id = mp.tenant_id AND m.id = mp.meeting_id`
      : 'meetings m';
    const t = query.partnerId ? 'mp' : 'm';
    const where = [`${t}.tenant_id = ${p.add(scope.tenantId)}`, `${t}.space_id = ${p.add(scope.spaceId)}`];
    if (query.partnerId) where.push(`mp.partner_id = ${p.add(query.partnerId)}`);
    if (query.from) where.push(`${t}.occurred_at >= ${p.add(query.from)}`);
    if (query.to) where.push(`${t}.occurred_at <= ${p.add(query.to)}`);
    if (page.after) where.push(`(m.occurred_at, m.id) < (${p.add(page.after.key)}, ${p.add(page.after.id)})`);
    const rows = await this.db.all<MeetingRow>(
      `SELECT m.* FROM ${from} WHERE ${where.join(' AND ')}
       ORDER BY m.occurred_at DESC, m.id DESC LIMIT ${p.add(page.limit + 1)}`,
      p.values,
    );
    return pageOfRows(rows, page.limit, (r) => ({ key: r.occurred_at, id: r.id }), toMeeting);
  }
}
