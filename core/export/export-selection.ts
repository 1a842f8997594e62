import type { Scope } from '../common/scope';
import { effectiveCriteria, type CriteriaChanges } from '../evidence/effective-criteria';
import type { EvidenceEvent } from '../evidence/evidence-event';
import { META_KINDS } from '../evidence/evidence-item';
import type { EvidenceOutline } from '../evidence/evidence-outline';
import type { EvidenceQuery } from '../evidence/evidence-repository';
import { involvedIdsOf } from '../evidence/person-ids';
import type { StoreReaders } from '../ports';
import type { ExportItem } from './export-layout';
import type { SeqRange } from './export-parts';
import type { ExportFilters } from './export-request';

/** Which events of a space an export holds, with their criteria as they stood at the export's head. */
export class Selection {
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

  /**
   * The selected events in chain order; `partnerId` narrows the read to one partner's events, `range` to one
   * part of the chain (never beyond the export's head).
   */
  async *events(
    partnerId?: string,
    range?: SeqRange,
  ): AsyncIterable<{ event: EvidenceEvent; criteria: ExportItem['criteria'] }> {
    const f = this.filters;
    // The store narrows what it can; criteriaIfSelected decides.
    const query: EvidenceQuery = {
      kinds: f.kinds.length ? f.kinds : undefined,
      partnerId: partnerId ?? (f.partnerIds.length === 1 ? f.partnerIds[0] : undefined),
      occurredFrom: this.occurredFrom,
      occurredTo: this.occurredTo,
      afterSeq: range?.afterSeq,
      untilSeq: Math.min(range?.untilSeq ?? this.untilSeq, this.untilSeq),
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

  /** The partner an event is grouped under: its first partner the filters allow. */
  groupOf(event: EvidenceEvent): string | undefined {
    const allowed = this.filters.partnerIds;
    return event.partnerIds.find((id) => !allowed.length || allowed.includes(id));
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
}
