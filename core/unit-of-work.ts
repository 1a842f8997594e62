import type { Scope } from './common/scope';
import type { EvidenceDraft, EvidenceEvent } from './evidence/evidence-event';
import type { ChainHead } from './evidence/hash-chain';
import { EvidenceLedger } from './evidence/evidence-ledger';
import { ReminderPlanner } from './reminders/reminder-planner';
import { RememberedActions } from './actions/remembered-actions';
import { RememberedCheckIns } from './checkins/remembered-check-ins';
import type { Clock, Ids, Repositories, Store } from './ports';

/** What a write use case gets inside its transaction. */
export interface SpaceWork {
  readonly tx: Repositories;
  /** One clock reading for the whole unit: every record and event of it carries the same time. */
  readonly now: string;
  /** Queues an evidence event; it is sealed onto the space's chain just before commit. */
  evidence(draft: EvidenceDraft): void;
}

/** What a unit of work produced. */
export interface WorkOutcome<T> {
  readonly result: T;
  readonly events: readonly EvidenceEvent[];
  /** True when an earlier request with the same idempotency key already did this work. */
  readonly replayed: boolean;
}

/**
 * Runs one change to a space as one transaction that also appends its evidence (house rule 4).
 *
 * The space's chain head is locked first, so writers to one space are serial: read-modify-write in a use case
 * needs no further locking, and the chain never forks. Writers to different spaces run in parallel.
 */
export class SpaceWriter {
  private readonly ledger: EvidenceLedger;
  private readonly reminders: ReminderPlanner;

  constructor(private readonly deps: { store: Store; clock: Clock; ids: Ids }) {
    this.ledger = new EvidenceLedger(deps);
    this.reminders = new ReminderPlanner(deps.ids);
  }

  /** Runs `work` once; the result must be an id (or other text) for idempotent replays. */
  async run<T>(scope: Scope, work: (w: SpaceWork) => Promise<T>): Promise<WorkOutcome<T>> {
    return this.deps.store.transaction(async (tx) => {
      const head = await tx.evidence.lockHead(scope);
      return this.perform(tx, scope, head, work);
    });
  }

  /**
   * Like {@link run}, but a second call with the same key returns the first call's result (a text, typically
   * the created record's id) without doing the work again.
   */
  async runOnce(
    scope: Scope,
    idempotencyKey: string | undefined,
    work: (w: SpaceWork) => Promise<string>,
  ): Promise<WorkOutcome<string>> {
    if (idempotencyKey === undefined) return this.run(scope, work);
    return this.deps.store.transaction(async (tx) => {
      const now = this.deps.clock.now().toISOString();
      // Issued together (one round trip on PostgreSQL): the claim needs nothing the lock answers, nor the lock
      // itself, since its key is unique and a second claim of one key waits for the first one's transaction.
      const [head, earlier] = await Promise.all([
        tx.evidence.lockHead(scope),
        tx.idempotency.claim(scope, idempotencyKey, now),
      ]);
      if (earlier !== undefined) return { result: earlier, events: [], replayed: true };
      const outcome = await this.perform(tx, scope, head, work);
      await tx.idempotency.complete(scope, idempotencyKey, outcome.result);
      return outcome;
    });
  }

  /** `head` is the space's chain head as locked at the start of the transaction: only the ledger moves it. */
  private async perform<T>(
    store: Repositories,
    scope: Scope,
    head: ChainHead,
    work: (w: SpaceWork) => Promise<T>,
  ): Promise<WorkOutcome<T>> {
    // The planner reads back the actions and check-ins the change wrote; they come from memory.
    const tx: Repositories = {
      ...store,
      actions: new RememberedActions(store.actions),
      checkIns: new RememberedCheckIns(store.checkIns),
    };
    const drafts: EvidenceDraft[] = [];
    const now = this.deps.clock.now().toISOString();
    const result = await work({ tx, now, evidence: (d) => drafts.push(d) });
    // What the change touched is in its evidence; its reminders move in the same transaction.
    await this.reminders.afterChange(tx, scope, drafts, now);
    const events = await this.ledger.record(tx, scope, drafts, head);
    return { result, events, replayed: false };
  }
}
