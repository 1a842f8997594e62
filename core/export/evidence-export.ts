import { withKeysInOrder } from '../evidence/json';
import type { Caller } from '../common/caller';
import { parseInput } from '../common/parse';
import type { Scope, TenantScope } from '../common/scope';
import { UNIT } from '../criteria/cfacsb9';
import { CoverageTally } from '../evidence/coverage';
import { describeEvent } from '../evidence/describe-event';
import { effectiveCriteria, type CriteriaChanges } from '../evidence/effective-criteria';
import { loadCriteriaChanges } from '../evidence/evidence-curation';
import type { EvidenceEvent } from '../evidence/evidence-event';
import { META_KINDS } from '../evidence/evidence-item';
import type { EvidenceOutline } from '../evidence/evidence-outline';
import type { EvidenceQuery } from '../evidence/evidence-repository';
import { verifyChain, type ChainVerdict } from '../evidence/hash-chain';
import { involvedIdsOf } from '../evidence/person-ids';
import { PeopleResolver, visiblePeople } from '../people/people-resolver';
import type { Clock, Ids, StoreReaders, Store } from '../ports';
import { ExportCode } from './export-code';
import {
  EXPORT_LAYOUT,
  type ExportDocument,
  type ExportHeader,
  type ExportItem,
  type ItemGroup,
} from './export-document';
import type { ExportRecord } from './export-record';
import { ExportRequest, type ExportFilters } from './export-request';
import { Redactor } from './redaction';
import { nameFrom } from './shown-names';

/** The outcome of checking a printed verification code against the live chain. */
export type CodeVerdict =
  | { readonly found: false }
  | {
      readonly found: true;
      readonly record: ExportRecord;
      /** The chain up to the export's head is intact. */
      readonly chain: ChainVerdict;
      /** Recomputing the export from the chain gives the same code. */
      readonly codeMatches: boolean;
    };

/**
 * Turns a chosen part of a space's evidence trail into an export document. It reads the store in passes (one
 * over the whole trail's outlines, without snapshots, for the header, coverage, code and who is named; then the
 * chosen items, as often as a format needs), holding only per-person and per-criterion state, so memory stays
 * flat however long the trail is.
 */
export class EvidenceExporter {
  private readonly people: PeopleResolver;

  constructor(private readonly deps: { store: Store; clock: Clock; ids: Ids }) {
    this.people = new PeopleResolver(deps.ids);
  }

  /** Prepares an export for the caller and records that it was made (the audit of what left the system). */
  async prepare(
    caller: Caller,
    request: ExportRequest,
  ): Promise<{ document: ExportDocument; record: ExportRecord }> {
    const parsed = parseInput(ExportRequest, request);
    const { format, redaction } = parsed;
    const read = this.deps.store.read;
    const { scope } = caller;
    const me = parsed.onlyMine
      ? await read.people.findByAadObjectId(scope, caller.user.aadObjectId)
      : undefined;
    // Someone never recorded has no work here: an id no event mentions selects nothing.
    const filters = parsed.onlyMine ? { ...parsed.filters, learnerId: me?.id ?? 'per_none' } : parsed.filters;
    const head = await read.evidence.head(scope);
    const changes = await loadCriteriaChanges(read, scope, head.seq);
    const selection = new Selection(read, scope, filters, head.seq, changes);

    const code = new ExportCode({
      tenantId: scope.tenantId,
      spaceId: scope.spaceId,
      asOfSeq: head.seq,
      headHash: head.hash,
      filters,
    });
    const tally = new CoverageTally();
    // Who the export's items name, for its tables, and who the space's trail names anywhere, for redaction: free
    // text in a narrowed export can name someone whom only the events it leaves out record.
    const personIds = new Set<string>(filters.learnerId ? [filters.learnerId] : []);
    const partnerIds = new Set<string>();
    const everyone = new Set<string>();
    const everyPartner = new Set<string>();
    let count = 0;
    for await (const { event, criteria } of selection.wholeTrail()) {
      event.personIds.forEach((id) => everyone.add(id));
      event.partnerIds.forEach((id) => everyPartner.add(id));
      if (!criteria) continue;
      count += 1;
      code.add(event.seq, event.hash);
      tally.add({ kind: event.kind, occurredAt: event.occurredAt, criteria });
      event.personIds.forEach((id) => personIds.add(id));
      event.partnerIds.forEach((id) => partnerIds.add(id));
    }

    const exportedAt = this.deps.clock.now().toISOString();
    const record = await this.deps.store.transaction(async (tx) => {
      const by = await this.people.user(tx, scope, caller.user, exportedAt);
      const exportRecord: ExportRecord = {
        id: this.deps.ids.next('exp'),
        tenantId: scope.tenantId,
        spaceId: scope.spaceId,
        requestedBy: by.id,
        format,
        filters,
        asOfSeq: head.seq,
        headHash: head.hash,
        items: count,
        code: code.value(),
        createdAt: exportedAt,
      };
      await tx.exports.insert(exportRecord);
      return exportRecord;
    });
    personIds.add(record.requestedBy);
    personIds.forEach((id) => everyone.add(id));

    const people = await visiblePeople(read, scope, [...everyone]);
    const allPartners = (await read.partners.getMany(scope, [...everyPartner])).map((p) => ({
      id: p.id,
      name: p.name,
    }));
    const redactor = new Redactor(redaction, people, allPartners);
    const partners = allPartners.filter((p) => partnerIds.has(p.id));
    const partnerNames = Object.fromEntries(partners.map((p) => [p.id, redactor.partnerName(p.id, p.name)]));
    const header: ExportHeader = {
      layout: EXPORT_LAYOUT,
      unit: { code: UNIT.code, title: UNIT.title },
      tenantId: scope.tenantId,
      spaceId: scope.spaceId,
      title: `Evidence trail for ${UNIT.code}: ${UNIT.title}`,
      learner: filters.learnerId ? redactor.nameOf(filters.learnerId) : undefined,
      exportedBy: redactor.nameOf(record.requestedBy),
      exportedAt,
      filters,
      redaction: {
        enabled: redaction.enabled,
        colleagues: redaction.colleagues,
        partners: redaction.partners,
        terms: redaction.terms.length,
      },
      asOfSeq: head.seq,
      headHash: head.hash,
      code: record.code,
      itemCount: count,
      coverage: tally.result(),
      people: redactor.shownNames(personIds),
      partners: partnerNames,
    };
    const toItem = (event: EvidenceEvent, criteria: ExportItem['criteria']) =>
      exportItemOf(event, criteria, redactor, header);
    return { document: new StoredExport(header, selection, toItem, partners), record };
  }

  /** Checks a printed verification code: is the chain intact up to that export, and does it still give that code? */
  async verifyCode(scope: TenantScope, code: string): Promise<CodeVerdict> {
    const read = this.deps.store.read;
    const record = await read.exports.findByCode(scope, code.trim().toUpperCase());
    if (!record) return { found: false };
    const space: Scope = { tenantId: record.tenantId, spaceId: record.spaceId };
    const chain = await verifyChain(read.evidence.stream(space, { untilSeq: record.asOfSeq }), {
      seq: record.asOfSeq,
      hash: record.headHash,
    });
    const changes = await loadCriteriaChanges(read, space, record.asOfSeq);
    const selection = new Selection(read, space, record.filters, record.asOfSeq, changes);
    const again = new ExportCode({
      ...space,
      asOfSeq: record.asOfSeq,
      headHash: record.headHash,
      filters: record.filters,
    });
    for await (const { event } of selection.events()) again.add(event.seq, event.hash);
    return { found: true, record, chain, codeMatches: again.value() === record.code };
  }
}

/** Builds the exported form of one event. */
function exportItemOf(
  event: EvidenceEvent,
  criteria: ExportItem['criteria'],
  redactor: Redactor,
  header: Pick<ExportHeader, 'people' | 'partners'>,
): ExportItem {
  const { hash, ...hashed } = event;
  // Items are built with their keys in canonical order: the JSON export hashes every one of them.
  const proofEvent = withKeysInOrder({ ...hashed, snapshot: redactor.snapshot(event.snapshot) });
  const nameOf = nameFrom(header.people);
  const partnerName = nameFrom(header.partners);
  return withKeysInOrder({
    seq: event.seq,
    id: event.id,
    kind: event.kind,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: nameOf(event.actorId),
    partners: event.partnerIds.map((id) => partnerName(id)),
    ...describeEvent(
      { kind: event.kind, snapshot: proofEvent.snapshot as EvidenceEvent['snapshot'] },
      nameOf,
    ),
    criteria,
    proof: { event: proofEvent, hash },
  });
}

/** Which events of a space an export holds, with their criteria as they stood at the export's head. */
class Selection {
  /** The date filters as bounds on `occurredAt`, inclusive. */
  private readonly occurredFrom?: string;
  private readonly occurredTo?: string;

  constructor(
    private readonly read: StoreReaders,
    private readonly scope: Scope,
    private readonly filters: ExportFilters,
    private readonly untilSeq: number,
    private readonly changes: CriteriaChanges,
  ) {
    this.occurredFrom = filters.from && `${filters.from}T00:00:00.000Z`;
    this.occurredTo = filters.to && `${filters.to}T23:59:59.999Z`;
  }

  /** The selected events in chain order; `partnerId` narrows the read to one partner's events. */
  async *events(
    partnerId?: string,
  ): AsyncIterable<{ event: EvidenceEvent; criteria: ExportItem['criteria'] }> {
    const f = this.filters;
    // The store narrows what it can; criteriaIfSelected decides.
    const query: EvidenceQuery = {
      kinds: f.kinds.length ? f.kinds : undefined,
      partnerId: partnerId ?? (f.partnerIds.length === 1 ? f.partnerIds[0] : undefined),
      occurredFrom: this.occurredFrom,
      occurredTo: this.occurredTo,
      untilSeq: this.untilSeq,
    };
    for await (const event of this.read.evidence.stream(this.scope, query)) {
      const criteria = this.criteriaIfSelected(event, () => involvedIdsOf(event));
      if (criteria) yield { event, criteria };
    }
  }

  /** Every event of the chain up to the export's head, outlined, with its criteria if the export holds it. */
  async *wholeTrail(): AsyncIterable<{ event: EvidenceOutline; criteria?: ExportItem['criteria'] }> {
    for await (const event of this.read.evidence.outline(this.scope, { untilSeq: this.untilSeq }))
      yield { event, criteria: this.criteriaIfSelected(event, () => event.involvedIds) };
  }

  /** The event's criteria if the export holds it; `involvedIds` is asked only when one learner's work is chosen. */
  private criteriaIfSelected(
    event: Pick<EvidenceOutline, 'id' | 'kind' | 'occurredAt' | 'partnerIds' | 'criteria'>,
    involvedIds: () => readonly string[],
  ): ExportItem['criteria'] | undefined {
    const f = this.filters;
    if (META_KINDS.has(event.kind)) return undefined;
    if (f.kinds.length && !f.kinds.includes(event.kind)) return undefined;
    if (this.occurredFrom && event.occurredAt < this.occurredFrom) return undefined;
    if (this.occurredTo && event.occurredAt > this.occurredTo) return undefined;
    if (f.learnerId && !involvedIds().includes(f.learnerId)) return undefined;
    if (f.partnerIds.length && !event.partnerIds.some((id) => f.partnerIds.includes(id))) return undefined;
    const criteria = effectiveCriteria(event, this.changes);
    if (f.criteria.length && !criteria.some((c) => f.criteria.includes(c))) return undefined;
    return criteria;
  }

  /** The partner an event is grouped under: its first partner the filters allow. */
  groupOf(event: EvidenceEvent): string | undefined {
    const allowed = this.filters.partnerIds;
    return event.partnerIds.find((id) => !allowed.length || allowed.includes(id));
  }
}

/** An export document whose items are read from the store each time a writer asks. */
class StoredExport implements ExportDocument {
  constructor(
    readonly header: ExportHeader,
    private readonly selection: Selection,
    private readonly toItem: (event: EvidenceEvent, criteria: ExportItem['criteria']) => ExportItem,
    private readonly partners: readonly { id: string; name: string }[],
  ) {}

  async *items(): AsyncIterable<ExportItem> {
    for await (const { event, criteria } of this.selection.events()) yield this.toItem(event, criteria);
  }

  async *groups(): AsyncIterable<ItemGroup> {
    const byShownName = [...this.partners].sort((a, b) =>
      this.header.partners[a.id]!.localeCompare(this.header.partners[b.id]!, 'en-GB'),
    );
    for (const partner of byShownName) {
      const items = this.itemsWhere(partner.id, (e) => this.selection.groupOf(e) === partner.id);
      yield { title: this.header.partners[partner.id]!, items };
    }
    yield {
      title: 'Not about one partner',
      items: this.itemsWhere(undefined, (e) => this.selection.groupOf(e) === undefined),
    };
  }

  private async *itemsWhere(
    partnerId: string | undefined,
    keep: (e: EvidenceEvent) => boolean,
  ): AsyncIterable<ExportItem> {
    for await (const { event, criteria } of this.selection.events(partnerId))
      if (keep(event)) yield this.toItem(event, criteria);
  }
}
