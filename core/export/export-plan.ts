import type { Scope } from '../common/scope';
import { describeEvent } from '../evidence/describe-event';
import type { CriteriaChanges } from '../evidence/effective-criteria';
import type { EvidenceEvent } from '../evidence/evidence-event';
import { withKeysInOrder } from '../evidence/json';
import type { Person } from '../people/person';
import type { StoreReaders } from '../ports';
import type { ExportHeader, ExportItem } from './export-document';
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

  /** Builds the exported form of one event. */
  toItem(event: EvidenceEvent, criteria: ExportItem['criteria']): ExportItem {
    const { hash, ...hashed } = event;
    // Items are built with their keys in canonical order: the JSON export hashes every one of them.
    const proofEvent = withKeysInOrder({ ...hashed, snapshot: this.redactor.snapshot(event.snapshot) });
    const { nameOf, partnerName } = this;
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
}
