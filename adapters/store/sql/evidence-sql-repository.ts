import type { PageRequest } from '../../../core/common/paging';
import type { Page } from '../../../core/common/page';
import type { Scope } from '../../../core/common/scope';
import type { EvidenceEvent } from '../../../core/evidence/evidence-event';
import type { EvidenceQuery, EvidenceRepository } from '../../../core/evidence/evidence-repository';
import { outlinedPeople, type EvidenceOutline } from '../../../core/evidence/evidence-outline';
import { EMPTY_HEAD, type ChainHead } from '../../../core/evidence/hash-chain';
import { nextTurn } from '../../system/next-turn';
import { fromJson, toCanonicalJson, toJson } from './columns';
import { pageOfRows } from './row-page';
import { Params, type SqlExecutor } from './sql-executor';

interface EventRow {
  tenant_id: string;
  space_id: string;
  seq: number;
  id: string;
  kind: EvidenceEvent['kind'];
  subject_type: EvidenceEvent['subject']['type'];
  subject_id: string;
  partner_ids: string;
  actor_id: string;
  occurred_at: string;
  recorded_at: string;
  snapshot: string;
  criteria: string;
  prev_hash: string;
  hash: string;
}

function toEvent(r: EventRow): EvidenceEvent {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    spaceId: r.space_id,
    seq: Number(r.seq),
    kind: r.kind,
    subject: { id: r.subject_id, type: r.subject_type },
    partnerIds: fromJson(r.partner_ids),
    actorId: r.actor_id,
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
    snapshot: fromJson(r.snapshot),
    criteria: fromJson(r.criteria),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** The columns of a whole event (the outline's people are not part of it). */
const EVENT_COLUMNS = `e.tenant_id, e.space_id, e.seq, e.id, e.kind, e.subject_type, e.subject_id, e.partner_ids,
  e.actor_id, e.occurred_at, e.recorded_at, e.snapshot, e.criteria, e.prev_hash, e.hash`;

/** An event's outline columns; `snapshot` only where the people it names were not stored beside it. */
interface OutlineRow {
  seq: number;
  id: string;
  kind: EvidenceEvent['kind'];
  partner_ids: string;
  actor_id: string;
  occurred_at: string;
  criteria: string;
  hash: string;
  person_ids: string | null;
  involved_ids: string | null;
  snapshot: string | null;
}

const OUTLINE_COLUMNS = `e.seq, e.id, e.kind, e.partner_ids, e.actor_id, e.occurred_at, e.criteria, e.hash,
  e.person_ids, e.involved_ids,
  CASE WHEN e.person_ids IS NULL OR e.involved_ids IS NULL THEN e.snapshot END AS snapshot`;

function toOutline(r: OutlineRow): EvidenceOutline {
  const people =
    r.person_ids !== null && r.involved_ids !== null
      ? { personIds: fromJson<string[]>(r.person_ids), involvedIds: fromJson<string[]>(r.involved_ids) }
      : outlinedPeople({ actorId: r.actor_id, snapshot: fromJson(r.snapshot!) });
  return {
    id: r.id,
    seq: Number(r.seq),
    kind: r.kind,
    partnerIds: fromJson(r.partner_ids),
    actorId: r.actor_id,
    occurredAt: r.occurred_at,
    criteria: fromJson(r.criteria),
    hash: r.hash,
    ...people,
  };
}

/** Events per batch when streaming a whole log. */
const STREAM_BATCH = 500;

/** Evidence logs in SQL: append-only rows keyed by (tenant, space, seq), and one head row per space. */
export class EvidenceSqlRepository implements EvidenceRepository {
  constructor(private readonly db: SqlExecutor) {}

  async lockHead(scope: Scope): Promise<ChainHead> {
    // SQLite's BEGIN IMMEDIATE already holds the one write lock; PostgreSQL locks just this space's row.
    const forUpdate = this.db.dialect === 'postgres' ? ' FOR UPDATE' : '';
    const select = `SELECT seq, hash FROM evidence_heads WHERE tenant_id = $1 AND space_id = $2${forUpdate}`;
    let [row] = await this.db.all<{ seq: number; hash: string }>(select, [scope.tenantId, scope.spaceId]);
    if (!row) {
      // A space's first write creates its head; of two first writers, one inserts and both then lock that row.
      this.db.write(
        `INSERT INTO evidence_heads (tenant_id, space_id, seq, hash) VALUES ($1, $2, 0, $3)
         ON CONFLICT (tenant_id, space_id) DO NOTHING`,
        [scope.tenantId, scope.spaceId, EMPTY_HEAD.hash],
      );
      [row] = await this.db.all<{ seq: number; hash: string }>(select, [scope.tenantId, scope.spaceId]);
    }
    return { seq: Number(row!.seq), hash: row!.hash };
  }

  async appendAll(events: readonly EvidenceEvent[]): Promise<void> {
    const last = events.at(-1);
    if (!last) return;
    // One multi-row INSERT per table and one head update for the whole unit of work: on PostgreSQL each
    // statement is a round trip.
    const rows = new Params();
    const eventValues = events.map((e) => {
      const people = outlinedPeople(e);
      const values = [
        e.tenantId,
        e.spaceId,
        e.seq,
        e.id,
        e.kind,
        e.subject.type,
        e.subject.id,
        toJson(e.partnerIds),
        e.actorId,
        e.occurredAt,
        e.recordedAt,
        toCanonicalJson(e.snapshot),
        toJson(e.criteria),
        e.prevHash,
        e.hash,
        toJson(people.personIds),
        toJson(people.involvedIds),
      ];
      return `(${rows.list(values)})`;
    });
    this.db.write(
      `INSERT INTO evidence_events (tenant_id, space_id, seq, id, kind, subject_type, subject_id, partner_ids, actor_id,
         occurred_at, recorded_at, snapshot, criteria, prev_hash, hash, person_ids, involved_ids)
       VALUES ${eventValues.join(', ')}`,
      rows.values,
    );
    const links = new Params();
    const linkValues = events.flatMap((e) =>
      [...new Set(e.partnerIds)].map(
        (partnerId) => `(${links.list([e.tenantId, e.spaceId, partnerId, e.seq])})`,
      ),
    );
    if (linkValues.length > 0)
      this.db.write(
        `INSERT INTO evidence_partners (tenant_id, space_id, partner_id, seq) VALUES ${linkValues.join(', ')}`,
        links.values,
      );
    this.db.write('UPDATE evidence_heads SET seq = $3, hash = $4 WHERE tenant_id = $1 AND space_id = $2', [
      last.tenantId,
      last.spaceId,
      last.seq,
      last.hash,
    ]);
  }

  async head(scope: Scope): Promise<ChainHead> {
    const [row] = await this.db.all<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM evidence_heads WHERE tenant_id = $1 AND space_id = $2',
      [scope.tenantId, scope.spaceId],
    );
    return row ? { seq: Number(row.seq), hash: row.hash } : EMPTY_HEAD;
  }

  async get(scope: Scope, id: string): Promise<EvidenceEvent | undefined> {
    const [row] = await this.db.all<EventRow>(
      'SELECT * FROM evidence_events WHERE tenant_id = $1 AND space_id = $2 AND id = $3',
      [scope.tenantId, scope.spaceId, id],
    );
    return row && toEvent(row);
  }

  async list(scope: Scope, query: EvidenceQuery, page: PageRequest): Promise<Page<EvidenceEvent>> {
    const afterSeq = Math.max(page.after ? Number(page.after.key) : 0, query.afterSeq ?? 0);
    const rows = await this.#fetch(scope, query, afterSeq, page.limit + 1, EVENT_COLUMNS, 'each kind apart');
    return pageOfRows(rows, page.limit, (r) => ({ key: Number(r.seq), id: r.id }), toEvent);
  }

  stream(scope: Scope, query: EvidenceQuery): AsyncIterable<EvidenceEvent> {
    return this.#inBatches(scope, query, EVENT_COLUMNS, toEvent);
  }

  outline(scope: Scope, query: EvidenceQuery): AsyncIterable<EvidenceOutline> {
    return this.#inBatches(scope, query, OUTLINE_COLUMNS, toOutline);
  }

  async *#inBatches<Row extends { seq: number }, T>(
    scope: Scope,
    query: EvidenceQuery,
    columns: string,
    convert: (row: Row) => T,
  ): AsyncIterable<T> {
    let afterSeq = query.afterSeq ?? 0;
    for (;;) {
      const rows = await this.#fetch<Row>(scope, query, afterSeq, STREAM_BATCH, columns);
      for (const row of rows) yield convert(row);
      if (rows.length < STREAM_BATCH) return;
      afterSeq = Number(rows[rows.length - 1]!.seq);
      // SQLite answers synchronously: without this, reading a long trail would hold the event loop throughout.
      await nextTurn();
    }
  }

  /**
   * Events after `afterSeq` in chain order, at most `limit`. Several kinds are read either in one walk of the
   * trail in chain order, which reads every event until enough match (streams, which read most of a trail),
   * or `each kind apart`: each through the index `evidence_events_by_kind`, a page at most, merged in order
   * (pages, where a walk for rare kinds would read the whole trail to fill one).
   */
  #fetch<Row extends { seq: number } = EventRow>(
    scope: Scope,
    query: EvidenceQuery,
    afterSeq: number,
    limit: number,
    columns = EVENT_COLUMNS,
    kinds: 'in one walk' | 'each kind apart' = 'in one walk',
  ): Promise<Row[]> {
    const p = new Params();
    const where = [
      `e.tenant_id = ${p.add(scope.tenantId)}`,
      `e.space_id = ${p.add(scope.spaceId)}`,
      `e.seq > ${p.add(afterSeq)}`,
    ];
    if (query.actorId) where.push(`e.actor_id = ${p.add(query.actorId)}`);
    if (query.occurredFrom) where.push(`e.occurred_at >= ${p.add(query.occurredFrom)}`);
    if (query.occurredTo) where.push(`e.occurred_at <= ${p.add(query.occurredTo)}`);
    if (query.untilSeq !== undefined) where.push(`e.seq <= ${p.add(query.untilSeq)}`);
    if (query.partnerId)
      where.push(
        `EXISTS (SELECT 1 FROM evidence_partners ep WHERE ep.tenant_id = e.tenant_id AND ep.space_id = e.space_id
           AND ep.partner_id = ${p.add(query.partnerId)} AND ep.seq = e.seq)`,
      );
    const top = p.add(limit);
    const select = (kindFilter: string) =>
      `SELECT ${columns} FROM evidence_events e WHERE ${[...where, kindFilter].filter(Boolean).join(' AND ')}
       ORDER BY e.seq LIMIT ${top}`;
    const chosen = query.kinds ?? [];
    if (chosen.length > 1 && kinds === 'each kind apart') {
      // Placeholders repeat across the branches: both dialects bind a numbered parameter wherever it appears.
      const branches = chosen.map(
        (kind, i) => `SELECT * FROM (${select(`e.kind = ${p.add(kind)}`)}) AS k${i}`,
      );
      return this.db.all<Row>(
        `SELECT * FROM (${branches.join(' UNION ALL ')}) AS e ORDER BY e.seq LIMIT ${top}`,
        p.values,
      );
    }
    return this.db.all<Row>(select(chosen.length ? `e.kind IN (${p.list(chosen)})` : ''), p.values);
  }
}
