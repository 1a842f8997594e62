import type { Scope } from '../common/scope';
import { describeEvent } from '../evidence/describe-event';
import type { CriteriaChanges } from '../evidence/effective-criteria';
import type { EvidenceEvent } from '../evidence/evidence-event';
import type { HashInput } from '../evidence/hash-chain';
import type { Person } from '../people/person';
import type { StoreReaders } from '../ports';
import type { ExportHeader, ExportItem } from './export-layout';
import type { SeqRange } from './export-parts';
import type { ExportFilters, RedactionOptions } from './export-request';
import { Selection } from './export-selection';
import { Redactor } from './redaction';
import { nameFrom } from './shown-names';

/**
 * What building an export's items takes besides the store, as plain data that can be copied to a worker
 * thread: with its own connection to the same store, it builds exactly the items this thread would.
 */
export interface ExportPlan {
  readonly scope: Scope;
  readonly filters: ExportFilters;
  /** The chain head the export covers. */
  readonly untilSeq: number;
  readonly changes: CriteriaChanges;
  readonly redaction: RedactionOptions;
  /** Everyone the space's trail names, and its partners: pseudonyms and scrubbing depend on all of them. */
  readonly people: readonly Person[];
  readonly partners: readonly { readonly id: string; readonly name: string }[];
  /** The names the export shows, as its header lists them. */
  readonly shown: Pick<ExportHeader, 'people' | 'partners'>;
}

/** An export's items, built from its plan. */
export class PlannedItems {
  readonly selection: Selection;
  private readonly nameOf: (personId: string | undefined) => string;
  private readonly partnerName: (partnerId: string) => string;

  constructor(
    read: StoreReaders,
    plan: ExportPlan,
    private readonly redactor = new Redactor(plan.redaction, plan.people, plan.partners),
  ) {
    this.selection = new Selection(read, plan.scope, plan.filters, plan.untilSeq, plan.changes);
    this.nameOf = nameFrom(plan.shown.people);
    this.partnerName = nameFrom(plan.shown.partners);
  }

  /** The items of one part, in chain order. */
  async *items(range: SeqRange): AsyncIterable<ExportItem> {
    for await (const { event, criteria } of this.selection.events(undefined, range))
      yield this.toItem(event, criteria);
  }

  /**
   * Builds the exported form of one event. The JSON export hashes every item, and canonical JSON is cheapest
   * for objects whose keys are already in code-unit order (see canonicalJson), so both objects are written
   * in that order here. HashInput's type makes the compiler ask for every field the proof hashes.
   */
  toItem(event: EvidenceEvent, criteria: ExportItem['criteria']): ExportItem {
    const snapshot = this.redactor.snapshot(event.snapshot);
    const proofEvent: HashInput = {
      actorId: event.actorId,
      criteria: event.criteria,
      id: event.id,
      kind: event.kind,
      occurredAt: event.occurredAt,
      partnerIds: event.partnerIds,
      prevHash: event.prevHash,
      recordedAt: event.recordedAt,
      seq: event.seq,
      snapshot,
      spaceId: event.spaceId,
      subject: event.subject,
      tenantId: event.tenantId,
    };
    const { title, details } = describeEvent(
      { kind: event.kind, snapshot: snapshot as EvidenceEvent['snapshot'] },
      this.nameOf,
    );
    return {
      actor: this.nameOf(event.actorId),
      criteria,
      details,
      id: event.id,
      kind: event.kind,
      occurredAt: event.occurredAt,
      partners: event.partnerIds.map((id) => this.partnerName(id)),
      proof: { event: proofEvent, hash: event.hash },
      recordedAt: event.recordedAt,
      seq: event.seq,
      title,
    };
  }
}
