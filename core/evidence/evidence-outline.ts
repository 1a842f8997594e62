import type { EvidenceEvent } from './evidence-event';
import { involvedIdsOf, personIdsOf } from './person-ids';

/**
 * An event without its snapshot: what a pass over a whole trail needs (which items an export selects, who they
 * name, the code over their hashes), for a fraction of a full read. The people are those the snapshot names.
 */
export interface EvidenceOutline extends Pick<
  EvidenceEvent,
  'id' | 'seq' | 'kind' | 'occurredAt' | 'partnerIds' | 'actorId' | 'criteria' | 'hash'
> {
  /** Everyone the event names ({@link personIdsOf}). */
  readonly personIds: readonly string[];
  /** Those whose work it is ({@link involvedIdsOf}): what an export for one learner selects by. */
  readonly involvedIds: readonly string[];
}

/** The people an event names, as its outline records them (stores keep these beside the snapshot). */
export function outlinedPeople(
  event: Pick<EvidenceEvent, 'actorId' | 'snapshot'>,
): Pick<EvidenceOutline, 'personIds' | 'involvedIds'> {
  return { personIds: personIdsOf(event), involvedIds: involvedIdsOf(event) };
}
