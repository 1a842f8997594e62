import { defaultCriteria } from '../criteria/default-criteria';
import type { Clock, Ids, Repositories, StoreReaders } from '../ports';
import type { Scope } from '../common/scope';
import type { EvidenceDraft, EvidenceEvent } from './evidence-event';
import type { EvidenceQuery } from './evidence-repository';
import { hashOf, verifyChain, type ChainHead, type ChainVerdict } from './hash-chain';

/** Appends evidence events to a space's hash chain and checks chains. */
export class EvidenceLedger {
  constructor(private readonly deps: { clock: Clock; ids: Ids }) {}

  /**
   * Seals drafts onto the end of the space's chain, inside the caller's transaction, so the change and its
   * evidence are stored together or not at all. `lockedHead` is the head as the caller already locked it in
   * this transaction (saves reading it again); without it, the head is locked here.
   */
  async record(
    tx: Repositories,
    scope: Scope,
    drafts: readonly EvidenceDraft[],
    lockedHead?: ChainHead,
  ): Promise<EvidenceEvent[]> {
    if (drafts.length === 0) return [];
    let head = lockedHead ?? (await tx.evidence.lockHead(scope));
    const recordedAt = this.deps.clock.now().toISOString();
    const sealed: EvidenceEvent[] = [];
    for (const draft of drafts) {
      const unsealed = {
        id: this.deps.ids.next('evt'),
        tenantId: scope.tenantId,
        spaceId: scope.spaceId,
        seq: head.seq + 1,
        kind: draft.kind,
        subject: draft.subject,
        partnerIds: draft.partnerIds,
        actorId: draft.actorId,
        occurredAt: draft.occurredAt,
        recordedAt,
        snapshot: draft.snapshot,
        criteria: defaultCriteria(draft),
        prevHash: head.hash,
      };
      const event: EvidenceEvent = { ...unsealed, hash: hashOf(unsealed) };
      sealed.push(event);
      head = { seq: event.seq, hash: event.hash };
    }
    await tx.evidence.appendAll(sealed);
    return sealed;
  }

  /** Recomputes the space's whole chain against its recorded head and names the first broken link. */
  async verify(read: StoreReaders, scope: Scope): Promise<ChainVerdict> {
    const recordedHead = await read.evidence.head(scope);
    return verifyChain(read.evidence.stream(scope, {} satisfies EvidenceQuery), recordedHead);
  }
}
