import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import type { Scope } from '../common/scope';
import type { Clock, Ids, Store } from '../ports';
import type { EvidenceEvent } from './evidence-event';
import { EvidenceLedger } from './evidence-ledger';
import type { EvidenceQuery } from './evidence-repository';
import { summariseEvidence, type EvidenceSummary } from './evidence-summary';
import type { ChainVerdict } from './hash-chain';

/** Reads a space's evidence log and checks that it is intact. */
export class EvidenceTrail {
  private readonly ledger: EvidenceLedger;

  constructor(private readonly deps: { store: Store; clock: Clock; ids: Ids }) {
    this.ledger = new EvidenceLedger(deps);
  }

  /** A page of events in chain order. */
  list(scope: Scope, query: EvidenceQuery, page: PageRequest): Promise<Page<EvidenceEvent>> {
    return this.deps.store.read.evidence.list(scope, query, page);
  }

  /** Recomputes the space's chain and names the first broken link, if any. */
  verify(scope: Scope): Promise<ChainVerdict> {
    return this.ledger.verify(this.deps.store.read, scope);
  }

  /** The newest `recentCount` events, the chain check and criteria coverage, in one pass over the log. */
  async summary(scope: Scope, recentCount = 5): Promise<EvidenceSummary> {
    const read = this.deps.store.read;
    const head = await read.evidence.head(scope);
    return summariseEvidence(read.evidence.stream(scope, {}), head, recentCount);
  }
}
