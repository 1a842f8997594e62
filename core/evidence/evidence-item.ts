import type { CriterionCode } from '../criteria/cfacsb9';
import { describeEvent, type ItemDescription, type NameOf } from './describe-event';
import { effectiveCriteria, type CriteriaChanges } from './effective-criteria';
import type { EvidenceEvent } from './evidence-event';

/** Kinds that are about other items rather than evidence in their own right. */
export const META_KINDS: ReadonlySet<EvidenceEvent['kind']> = new Set(['evidence.criteria_changed']);

/**
 * One evidence item as a learner and an assessor read it: what happened, when it happened, when it was
 * recorded, who did it, which partners, and the criteria it now evidences.
 */
export interface EvidenceItem extends ItemDescription {
  readonly id: string;
  readonly seq: number;
  readonly kind: EvidenceEvent['kind'];
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actorId: string;
  readonly partnerIds: readonly string[];
  /** Criteria now: as recorded, with the learner's later changes applied. */
  readonly criteria: readonly CriterionCode[];
  /** Criteria as tagged when the item was recorded. */
  readonly recordedCriteria: readonly CriterionCode[];
  readonly hash: string;
}

/** Builds the item view of an event. */
export function toEvidenceItem(event: EvidenceEvent, changes: CriteriaChanges, nameOf: NameOf): EvidenceItem {
  return {
    id: event.id,
    seq: event.seq,
    kind: event.kind,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actorId: event.actorId,
    partnerIds: event.partnerIds,
    criteria: effectiveCriteria(event, changes),
    recordedCriteria: event.criteria,
    hash: event.hash,
    ...describeEvent(event, nameOf),
  };
}
