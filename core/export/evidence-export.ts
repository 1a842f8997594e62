import type { Caller } from '../common/caller';
import { parseInput } from '../common/parse';
import type { Scope, TenantScope } from '../common/scope';
import { UNIT } from '../criteria/cfacsb9';
import { CoverageTally } from '../evidence/coverage';
import { loadCriteriaChanges } from '../evidence/evidence-curation';
import type { EvidenceEvent } from '../evidence/evidence-event';
import { verifyChain, type ChainVerdict } from '../evidence/hash-chain';
import { PeopleResolver, visiblePeople } from '../people/people-resolver';
import type { Clock, Ids, Store } from '../ports';
import { ExportCode } from './export-code';
import { type ExportDocument, type ExportParts, type ItemGroup } from './export-document';
import { EXPORT_LAYOUT, type ExportHeader, type ExportItem } from './export-layout';
import { PartCutter, type SeqRange } from './export-parts';
import { PlannedItems, type ExportPlan } from './export-plan';
import type { ExportRecord } from './export-record';
import { ExportRequest } from './export-request';
import { Selection } from './export-selection';
import { Redactor } from './redaction';

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
    const parts = new PartCutter(this.itemsPerPart);
    let count = 0;
    for await (const { event, criteria } of selection.wholeTrail()) {
      event.personIds.forEach((id) => everyone.add(id));
      event.partnerIds.forEach((id) => everyPartner.add(id));
      if (!criteria) continue;
      count += 1;
      parts.add(event.seq);
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
    const plan: ExportPlan = {
      scope,
      filters,
      untilSeq: head.seq,
      changes,
      redaction,
      people,
      partners: allPartners,
      shown: { people: header.people, partners: header.partners },
    };
    const items = new PlannedItems(read, plan, redactor);
    const document = new StoredExport(header, items, { plan, ranges: parts.result(head.seq) }, partners);
    return { document, record };
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
