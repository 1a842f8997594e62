import type { z } from 'zod';
import type { Caller } from '../common/caller';
import { parseInput } from '../common/parse';
import type { Scope, TenantScope } from '../common/scope';
import { UNIT } from '../criteria/cfacsb9';
import { loadCriteriaChanges } from '../evidence/evidence-curation';
import type { EvidenceEvent } from '../evidence/evidence-event';
import { verifyChain, type ChainVerdict } from '../evidence/hash-chain';
import { PeopleResolver, visiblePeople } from '../people/people-resolver';
import type { Clock, Ids, Store } from '../ports';
import { ExportCode } from './export-code';
import { type ExportDocument, type ExportParts, type ItemGroup } from './export-document';
import { EXPORT_LAYOUT, type ExportHeader, type ExportItem } from './export-layout';
import type { SeqRange } from './export-parts';
import { PlannedItems, type ExportPlan } from './export-plan';
import type { ExportRecord } from './export-record';
import { ExportRequest, type ExportFilters } from './export-request';
import { Selection } from './export-selection';
import { Redactor } from './redaction';
import { TrailOutline } from './trail-outline';

/** An export request once parsed. */
type ExportRequestParsed = z.output<typeof ExportRequest>;

/** How many items one part of an export holds: parts are what worker threads build side by side. */
export const ITEMS_PER_PART = 500;

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

  constructor(
    private readonly deps: { store: Store; clock: Clock; ids: Ids },
    private readonly itemsPerPart = ITEMS_PER_PART,
  ) {
    this.people = new PeopleResolver(deps.ids);
  }

  /** Prepares an export for the caller and records that it was made (the audit of what left the system). */
  async prepare(
    caller: Caller,
    request: ExportRequest,
  ): Promise<{ document: ExportDocument; record: ExportRecord }> {
    const parsed = parseInput(ExportRequest, request);
    const read = this.deps.store.read;
    const { scope } = caller;
    const filters = await this.filtersFor(caller, parsed);
    const head = await read.evidence.head(scope);
    const changes = await loadCriteriaChanges(read, scope, head.seq);
    const selection = new Selection(read, scope, filters, head.seq, changes);
    const code = new ExportCode({ ...scope, asOfSeq: head.seq, headHash: head.hash, filters });
    const outline = await TrailOutline.of(selection, code, this.itemsPerPart, filters.learnerId);
    const record = await this.recordExport(caller, {
      format: parsed.format,
      filters,
      asOfSeq: head.seq,
      headHash: head.hash,
      items: outline.count,
      code: code.value(),
    });
    outline.name(record.requestedBy);

    const people = await visiblePeople(read, scope, [...outline.everyone]);
    const allPartners = (await read.partners.getMany(scope, [...outline.everyPartner])).map((p) => ({
      id: p.id,
      name: p.name,
    }));
    const redactor = new Redactor(parsed.redaction, people, allPartners);
    const partners = allPartners.filter((p) => outline.partners.has(p.id));
    const header = exportHeader(record, outline, redactor, partners, parsed.redaction);
    const plan: ExportPlan = {
      scope,
      filters,
      untilSeq: head.seq,
      changes,
      redaction: parsed.redaction,
      people,
      partners: allPartners,
      shown: { people: header.people, partners: header.partners },
    };
    const items = new PlannedItems(read, plan, redactor);
    const document = new StoredExport(header, items, { plan, ranges: outline.parts(head.seq) }, partners);
    return { document, record };
  }

  /** The request's filters, narrowed to the caller's own work when they asked for only theirs. */
  private async filtersFor(caller: Caller, parsed: ExportRequestParsed): Promise<ExportFilters> {
    if (!parsed.onlyMine) return parsed.filters;
    const me = await this.deps.store.read.people.findByAadObjectId(caller.scope, caller.user.aadObjectId);
    // Someone never recorded has no work here: an id no event mentions selects nothing.
    return { ...parsed.filters, learnerId: me?.id ?? 'per_none' };
  }

  /** Records that the caller exported this (who, when, what, and its code), in its own transaction. */
  private async recordExport(
    caller: Caller,
    what: Pick<ExportRecord, 'format' | 'filters' | 'asOfSeq' | 'headHash' | 'items' | 'code'>,
  ): Promise<ExportRecord> {
    const { scope } = caller;
    const exportedAt = this.deps.clock.now().toISOString();
    return this.deps.store.transaction(async (tx) => {
      const by = await this.people.user(tx, scope, caller.user, exportedAt);
      const record: ExportRecord = {
        id: this.deps.ids.next('exp'),
        tenantId: scope.tenantId,
        spaceId: scope.spaceId,
        requestedBy: by.id,
        ...what,
        createdAt: exportedAt,
      };
      await tx.exports.insert(record);
      return record;
    });
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

/** The export's first page: what it is, for whom, as of when, its code, coverage and who it names. */
function exportHeader(
  record: ExportRecord,
  outline: TrailOutline,
  redactor: Redactor,
  partners: readonly { id: string; name: string }[],
  redaction: ExportRequestParsed['redaction'],
): ExportHeader {
  const { filters } = record;
  return {
    layout: EXPORT_LAYOUT,
    unit: { code: UNIT.code, title: UNIT.title },
    tenantId: record.tenantId,
    spaceId: record.spaceId,
    title: `Evidence trail for ${UNIT.code}: ${UNIT.title}`,
    learner: filters.learnerId ? redactor.nameOf(filters.learnerId) : undefined,
    exportedBy: redactor.nameOf(record.requestedBy),
    exportedAt: record.createdAt,
    filters,
    redaction: {
      enabled: redaction.enabled,
      colleagues: redaction.colleagues,
      partners: redaction.partners,
      terms: redaction.terms.length,
    },
    asOfSeq: record.asOfSeq,
    headHash: record.headHash,
    code: record.code,
    itemCount: record.items,
    coverage: outline.coverage(),
    people: redactor.shownNames(outline.named),
    partners: Object.fromEntries(partners.map((p) => [p.id, redactor.partnerName(p.id, p.name)])),
  };
}

/** An export document whose items are read from the store each time a writer asks. */
class StoredExport implements ExportDocument {
  constructor(
    readonly header: ExportHeader,
    private readonly planned: PlannedItems,
    readonly parts: ExportParts,
    private readonly partners: readonly { id: string; name: string }[],
  ) {}

  itemsIn(range: SeqRange): AsyncIterable<ExportItem> {
    return this.planned.items(range);
  }

  async *groups(): AsyncIterable<ItemGroup> {
    const byShownName = [...this.partners].sort((a, b) =>
      this.header.partners[a.id]!.localeCompare(this.header.partners[b.id]!, 'en-GB'),
    );
    const { selection } = this.planned;
    for (const partner of byShownName) {
      const items = this.itemsWhere(partner.id, (e) => selection.groupOf(e) === partner.id);
      yield { title: this.header.partners[partner.id]!, items };
    }
    yield {
      title: 'Not about one partner',
      items: this.itemsWhere(undefined, (e) => selection.groupOf(e) === undefined),
    };
  }

  private async *itemsWhere(
    partnerId: string | undefined,
    keep: (e: EvidenceEvent) => boolean,
  ): AsyncIterable<ExportItem> {
    for await (const { event, criteria } of this.planned.selection.events(partnerId))
      if (keep(event)) yield this.planned.toItem(event, criteria);
  }
}
