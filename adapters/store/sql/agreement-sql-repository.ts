import type { AgreementListQuery, AgreementRepository } from '../../../core/agreements/agreement-repository';
import type { Acknowledgement, PriorityAgreement } from '../../../core/agreements/priority-agreement';
import type { PageRequest } from '../../../core/common/paging';
import type { Page } from '../../../core/common/page';
import type { Scope } from '../../../core/common/scope';
import { fromJson, nullable, optional, toJson } from './columns';
import { pageOfRows } from './row-page';
import { containsPattern } from './like-pattern';
import { Params, type SqlExecutor } from './sql-executor';

interface AgreementRow {
  tenant_id: string;
  space_id: string;
  id: string;
  series_id: string;
  version_no: number;
  title: string;
  parties: string;
  scenario: string;
  priority_rule: string;
  rationale: string | null;
  escalation_route: string;
  effective_from: string;
  review_date: string;
  status: PriorityAgreement['status'];
  supersedes_id: string | null;
  superseded_by_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string;
}

interface AcknowledgementRow {
  agreement_id: string;
  party_id: string;
  person_id: string;
  acknowledged_at: string;
  comment: string | null;
}

function toAgreement(r: AgreementRow, acks: readonly AcknowledgementRow[]): PriorityAgreement {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    spaceId: r.space_id,
    seriesId: r.series_id,
    versionNo: Number(r.version_no),
    title: r.title,
    parties: fromJson(r.parties),
    scenario: fromJson(r.scenario),
    priorityRule: fromJson(r.priority_rule),
    rationale: optional(r.rationale),
    escalationRoute: fromJson(r.escalation_route),
    effectiveFrom: r.effective_from,
    reviewDate: r.review_date,
    status: r.status,
    supersedesId: optional(r.supersedes_id),
    supersededById: optional(r.superseded_by_id),
    acknowledgements: acks
      .filter((a) => a.agreement_id === r.id)
      .map((a) => ({
        partyId: a.party_id,
        personId: a.person_id,
        at: a.acknowledged_at,
        comment: optional(a.comment),
      })),
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
  };
}

/** Conflict-priority agreements in SQL; one acknowledgement row per party, so a party cannot acknowledge twice. */
export class AgreementSqlRepository implements AgreementRepository {
  constructor(private readonly db: SqlExecutor) {}

  async insert(a: PriorityAgreement): Promise<void> {
    this.db.write(
      `INSERT INTO agreements (tenant_id, space_id, id, series_id, version_no, title, parties, scenario, priority_rule,
         rationale, escalation_route, effective_from, review_date, status, supersedes_id, superseded_by_id, version,
         created_at, updated_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
      [
        a.tenantId,
        a.spaceId,
        a.id,
        a.seriesId,
        a.versionNo,
        a.title,
        toJson(a.parties),
        toJson(a.scenario),
        toJson(a.priorityRule),
        nullable(a.rationale),
        toJson(a.escalationRoute),
        a.effectiveFrom,
        a.reviewDate,
        a.status,
        nullable(a.supersedesId),
        nullable(a.supersededById),
        a.version,
        a.createdAt,
        a.updatedAt,
        a.createdBy,
      ],
    );
    for (const party of a.parties.filter((p) => p.partnerId !== undefined)) {
      this.db.write(
        'INSERT INTO agreement_partners (tenant_id, space_id, partner_id, agreement_id) VALUES ($1, $2, $3, $4)',
        [a.tenantId, a.spaceId, party.partnerId, a.id],
      );
    }
  }

  async addAcknowledgement(scope: Scope, agreementId: string, ack: Acknowledgement): Promise<boolean> {
    const added = await this.db.run(
      `INSERT INTO agreement_acknowledgements (tenant_id, agreement_id, party_id, person_id, acknowledged_at, comment)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, agreement_id, party_id) DO NOTHING`,
      [scope.tenantId, agreementId, ack.partyId, ack.personId, ack.at, nullable(ack.comment)],
    );
    return added === 1;
  }

  async update(a: PriorityAgreement, expectedVersion: number): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE agreements SET status = $4, superseded_by_id = $5, version = $6, updated_at = $7
       WHERE tenant_id = $1 AND space_id = $2 AND id = $3 AND version = $8`,
      [
        a.tenantId,
        a.spaceId,
        a.id,
        a.status,
        nullable(a.supersededById),
        a.version,
        a.updatedAt,
        expectedVersion,
      ],
    );
    return changed === 1;
  }

  async get(scope: Scope, id: string): Promise<PriorityAgreement | undefined> {
    const [row] = await this.db.all<AgreementRow>(
      'SELECT * FROM agreements WHERE tenant_id = $1 AND space_id = $2 AND id = $3',
      [scope.tenantId, scope.spaceId, id],
    );
    if (!row) return undefined;
    return toAgreement(row, await this.#acknowledgementsOf(scope, [row.id]));
  }

  async list(scope: Scope, query: AgreementListQuery, page: PageRequest): Promise<Page<PriorityAgreement>> {
    const p = new Params();
    const where = [`a.tenant_id = ${p.add(scope.tenantId)}`, `a.space_id = ${p.add(scope.spaceId)}`];
    if (query.statuses?.length) where.push(`a.status IN (${p.list(query.statuses)})`);
    if (query.seriesId) where.push(`a.series_id = ${p.add(query.seriesId)}`);
    if (query.titleContains)
      where.push(`LOWER(a.title) LIKE ${p.add(containsPattern(query.titleContains))} ESCAPE '\\'`);
    if (query.partnerId)
      where.push(
        `EXISTS (SELECT 1 FROM agreement_partners ap WHERE ap.tenant_id = a.tenant_id AND ap.agreement_id = a.id
           AND ap.partner_id = ${p.add(query.partnerId)})`,
      );
    if (page.after) where.push(`(a.created_at, a.id) < (${p.add(page.after.key)}, ${p.add(page.after.id)})`);
    const rows = await this.db.all<AgreementRow>(
      `SELECT a.* FROM agreements a WHERE ${where.join(' AND ')}
       ORDER BY a.created_at DESC, a.id DESC LIMIT ${p.add(page.limit + 1)}`,
      p.values,
    );
    const acks = await this.#acknowledgementsOf(
      scope,
      rows.map((r) => r.id),
    );
    return pageOfRows(
      rows,
      page.limit,
      (r) => ({ key: r.created_at, id: r.id }),
      (r) => toAgreement(r, acks),
    );
  }

  async #acknowledgementsOf(scope: Scope, agreementIds: readonly string[]): Promise<AcknowledgementRow[]> {
    if (agreementIds.length === 0) return [];
    const p = new Params();
    return this.db.all<AcknowledgementRow>(
      `SELECT agreement_id, party_id, person_id, acknowledged_at, comment FROM agreement_acknowledgements
       WHERE tenant_id = ${p.add(scope.tenantId)} AND agreement_id IN (${p.list(agreementIds)})
       ORDER BY acknowledged_at, party_id`,
      p.values,
    );
  }
}
