import type { PageRequest } from '../../../core/common/paging';
import type { Page } from '../../../core/common/page';
import type { Scope } from '../../../core/common/scope';
import { ConflictError } from '../../../core/errors';
import type { Partner } from '../../../core/partners/partner';
import type { PartnerListQuery, PartnerRepository } from '../../../core/partners/partner-repository';
import { fromJson, nameKey, nullable, optional, toJson } from './columns';
import { pageOfRows } from './row-page';
import { Params, UniqueViolation, type SqlExecutor } from './sql-executor';

interface PartnerRow {
  tenant_id: string;
  space_id: string;
  id: string;
  name: string;
  name_key: string;
  kind: Partner['kind'];
  side: Partner['side'];
  chain_direction: Partner['chain']['direction'];
  chain_stage: number;
  contacts: string;
  authority_notes: string | null;
  relationship_owner_id: string;
  notes: string | null;
  information_sources: string;
  status: Partner['status'];
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string;
}

function toPartner(r: PartnerRow): Partner {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    spaceId: r.space_id,
    name: r.name,
    kind: r.kind,
    side: r.side,
    chain: { direction: r.chain_direction, stage: Number(r.chain_stage) },
    contacts: fromJson(r.contacts),
    authorityNotes: optional(r.authority_notes),
    relationshipOwnerId: r.relationship_owner_id,
    notes: optional(r.notes),
    informationSources: fromJson(r.information_sources),
    status: r.status,
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
  };
}

function insertValues(p: Partner): unknown[] {
  return [
    p.tenantId,
    p.spaceId,
    p.id,
    p.name,
    nameKey(p.name),
    p.kind,
    p.side,
    p.chain.direction,
    p.chain.stage,
    toJson(p.contacts),
    nullable(p.authorityNotes),
    p.relationshipOwnerId,
    nullable(p.notes),
    toJson(p.informationSources),
    p.status,
    p.version,
    p.createdAt,
    p.updatedAt,
    p.createdBy,
  ];
}

function duplicateName(err: unknown): never {
  if (err instanceof UniqueViolation) throw new ConflictError('A partner with this name already exists here');
  throw err;
}

/** Partners in SQL. */
export class PartnerSqlRepository implements PartnerRepository {
  constructor(private readonly db: SqlExecutor) {}

  async insert(partner: Partner): Promise<void> {
    await this.db
      .run(
        `INSERT INTO partners (tenant_id, space_id, id, name, name_key, kind, side, chain_direction, chain_stage,
           contacts, authority_notes, relationship_owner_id, notes, information_sources, status, version,
           created_at, updated_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
        insertValues(partner),
      )
      .catch(duplicateName);
  }

  async update(partner: Partner, expectedVersion: number): Promise<boolean> {
    const p = new Params();
    const changed = await this.db
      .run(
        `UPDATE partners SET name = ${p.add(partner.name)}, name_key = ${p.add(nameKey(partner.name))},
           kind = ${p.add(partner.kind)}, side = ${p.add(partner.side)},
           chain_direction = ${p.add(partner.chain.direction)}, chain_stage = ${p.add(partner.chain.stage)},
           contacts = ${p.add(toJson(partner.contacts))}, authority_notes = ${p.add(nullable(partner.authorityNotes))},
           relationship_owner_id = ${p.add(partner.relationshipOwnerId)}, notes = ${p.add(nullable(partner.notes))},
           information_sources = ${p.add(toJson(partner.informationSources))}, status = ${p.add(partner.status)},
           version = ${p.add(partner.version)}, updated_at = ${p.add(partner.updatedAt)}
         WHERE tenant_id = ${p.add(partner.tenantId)} AND space_id = ${p.add(partner.spaceId)}
           AND id = ${p.add(partner.id)} AND version = ${p.add(expectedVersion)}`,
        p.values,
      )
      .catch(duplicateName);
    return changed === 1;
  }

  async get(scope: Scope, id: string): Promise<Partner | undefined> {
    const [row] = await this.db.all<PartnerRow>(
      'SELECT * FROM partners WHERE tenant_id = $1 AND space_id = $2 AND id = $3',
      [scope.tenantId, scope.spaceId, id],
    );
    return row && toPartner(row);
  }

  async getMany(scope: Scope, ids: readonly string[]): Promise<Partner[]> {
    if (ids.length === 0) return [];
    const p = new Params();
    const rows = await this.db.all<PartnerRow>(
      `SELECT * FROM partners WHERE tenant_id = ${p.add(scope.tenantId)} AND space_id = ${p.add(scope.spaceId)}
       AND id IN (${p.list(ids)})`,
      p.values,
    );
    return rows.map(toPartner);
  }

  async list(scope: Scope, query: PartnerListQuery, page: PageRequest): Promise<Page<Partner>> {
    const p = new Params();
    const where = [`tenant_id = ${p.add(scope.tenantId)}`, `space_id = ${p.add(scope.spaceId)}`];
    if (query.status) where.push(`status = ${p.add(query.status)}`);
    if (query.namePrefix) {
      const key = nameKey(query.namePrefix);
      // Prefix match as a range, which uses the index in both dialects and needs no LIKE escaping.
      where.push(`name_key >= ${p.add(key)}`, `name_key < ${p.add(`${key}\uffff`)}`);
    }
    if (page.after) where.push(`(name_key, id) > (${p.add(page.after.key)}, ${p.add(page.after.id)})`);
    const rows = await this.db.all<PartnerRow>(
      `SELECT * FROM partners WHERE ${where.join(' AND ')} ORDER BY name_key, id LIMIT ${p.add(page.limit + 1)}`,
      p.values,
    );
    return pageOfRows(rows, page.limit, (r) => ({ key: r.name_key, id: r.id }), toPartner);
  }
}
