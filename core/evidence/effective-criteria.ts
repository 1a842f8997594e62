import { inStandardOrder, type CriterionCode } from '../criteria/cfacsb9';
import type { EvidenceEvent } from './evidence-event';

/** One learner change of an item's criteria, as an `evidence.criteria_changed` snapshot records it. */
export interface CriteriaChange {
  readonly eventId: string;
  readonly added: readonly CriterionCode[];
  readonly removed: readonly CriterionCode[];
}

/** The criteria changes recorded in a space, by the id of the item they change, in chain order. */
export type CriteriaChanges = ReadonlyMap<string, readonly CriteriaChange[]>;

/** Collects the criteria changes among events (pass every `evidence.criteria_changed` event, in chain order). */
export function collectCriteriaChanges(events: Iterable<EvidenceEvent>): Map<string, CriteriaChange[]> {
  const changes = new Map<string, CriteriaChange[]>();
  for (const event of events) {
    if (event.kind !== 'evidence.criteria_changed') continue;
    const change = event.snapshot as unknown as CriteriaChange;
    changes.set(change.eventId, [...(changes.get(change.eventId) ?? []), change]);
  }
  return changes;
}

/** An item's criteria now: as tagged when recorded, then every later change applied in order. */
export function effectiveCriteria(
  event: Pick<EvidenceEvent, 'id' | 'criteria'>,
  changes: CriteriaChanges,
): CriterionCode[] {
  const codes = new Set<CriterionCode>(event.criteria);
  for (const change of changes.get(event.id) ?? []) {
    change.added.forEach((c) => codes.add(c));
    change.removed.forEach((c) => codes.delete(c));
  }
  return inStandardOrder(codes);
}
