import { CRITERIA, type CriterionCode } from '../criteria/cfacsb9';
import type { EvidenceEvent } from './evidence-event';
import { verifyChain, type ChainHead, type ChainVerdict } from './hash-chain';

/** Most recent events a summary can carry. */
export const MAX_RECENT_EVIDENCE = 20;

/** How a space's evidence stands: the newest events, whether the chain is intact, and criteria coverage. */
export interface EvidenceSummary {
  readonly total: number;
  /** Newest first. */
  readonly recent: readonly EvidenceEvent[];
  readonly verdict: ChainVerdict;
  /** Every criterion of the unit in the standard's order, with how many events are tagged with it. */
  readonly coverage: readonly { readonly code: CriterionCode; readonly events: number }[];
}

/**
 * Reads a whole chain once: it verifies the links, counts events per criterion and keeps the newest few, so a
 * summary costs one pass however long the log is and holds only `recentCount` events in memory. Counting goes
 * on past a broken link, so the totals describe everything stored.
 */
export async function summariseEvidence(
  events: AsyncIterable<EvidenceEvent>,
  recordedHead: ChainHead,
  recentCount: number,
): Promise<EvidenceSummary> {
  const keep = Math.max(0, Math.min(recentCount, MAX_RECENT_EVIDENCE));
  const counts = new Map<CriterionCode, number>();
  const recent: EvidenceEvent[] = [];
  let total = 0;
  const observe = (event: EvidenceEvent) => {
    total += 1;
    for (const code of event.criteria) counts.set(code, (counts.get(code) ?? 0) + 1);
    recent.push(event);
    if (recent.length > keep) recent.shift();
  };
  const source = events[Symbol.asyncIterator]();
  // No `return` method: verification stopping at a broken link must not close the stream counting still reads.
  const watched: AsyncIterable<EvidenceEvent> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        const step = await source.next();
        if (!step.done) observe(step.value);
        return step;
      },
    }),
  };
  const verdict = await verifyChain(watched, recordedHead);
  for (let step = await source.next(); !step.done; step = await source.next()) observe(step.value);
  return {
    total,
    recent: recent.reverse(),
    verdict,
    coverage: CRITERIA.map((c) => ({ code: c.code, events: counts.get(c.code) ?? 0 })),
  };
}
