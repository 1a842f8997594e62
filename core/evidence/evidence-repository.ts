import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import type { Scope } from '../common/scope';
import type { EvidenceEvent, EvidenceKind } from './evidence-event';
import type { EvidenceOutline } from './evidence-outline';
import type { ChainHead } from './hash-chain';

/** Filters for reading a space's evidence. */
export interface EvidenceQuery {
  readonly kinds?: readonly EvidenceKind[];
  readonly partnerId?: string;
  readonly actorId?: string;
  /** Inclusive bounds on when it happened. */
  readonly occurredFrom?: string;
  readonly occurredTo?: string;
  /** Only events after this sequence number (where one part of an export starts). */
  readonly afterSeq?: number;
  /** Only events up to this sequence number (an export's chain head, or where one part of it ends). */
  readonly untilSeq?: number;
}

/** Reads a space's evidence log. */
export interface EvidenceReader {
  get(scope: Scope, id: string): Promise<EvidenceEvent | undefined>;
  /** Events in chain order (oldest first). */
  list(scope: Scope, query: EvidenceQuery, page: PageRequest): Promise<Page<EvidenceEvent>>;
  /** Every matching event in chain order, fetched in batches so memory stays flat. */
  stream(scope: Scope, query: EvidenceQuery): AsyncIterable<EvidenceEvent>;
  /** The same events as {@link stream}, outlined: without their snapshots, which cost most of a read. */
  outline(scope: Scope, query: EvidenceQuery): AsyncIterable<EvidenceOutline>;
  /** The head the store recorded for the space's chain. */
  head(scope: Scope): Promise<ChainHead>;
}

/** Appends to evidence logs. There is no update and no delete. */
export interface EvidenceRepository extends EvidenceReader {
  /** Reads the space's chain head and holds it until the transaction ends, so appends are strictly serial. */
  lockHead(scope: Scope): Promise<ChainHead>;
  /** Stores sealed events of one space, in chain order, and makes the last one the space's head. */
  appendAll(events: readonly EvidenceEvent[]): Promise<void>;
}
