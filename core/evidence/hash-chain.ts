import { sha256Hex } from '../common/sha256';
import { canonicalJson } from './json';
import { commitment } from './leaf-commitment';
import type { EvidenceEvent } from './evidence-event';

/** The `prevHash` of a space's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Version of the hashed layout, part of every hash so the layout can evolve without ambiguity. Version 2
 * commits to each snapshot string by its digest (see {@link commitment}), so exports can redact text and stay
 * verifiable.
 */
const HASH_LAYOUT_VERSION = 2;

/** The last sealed event of a space's chain (seq 0 and the genesis hash when the chain is empty). */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

/** The head of a chain with no events yet. */
export const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH };

/** What {@link hashOf} needs: an event without its hash, whose snapshot may hold redacted strings. */
export type HashInput = Omit<EvidenceEvent, 'hash' | 'snapshot'> & { readonly snapshot: unknown };

/** SHA-256 (hex) of an event's canonical content and its predecessor's hash. */
export function hashOf(event: HashInput): string {
  // Written in canonical key order, so the canonical text is the engine's own JSON of it, with no sorted copy.
  const hashed = {
    actorId: event.actorId,
    criteria: event.criteria,
    id: event.id,
    kind: event.kind,
    occurredAt: event.occurredAt,
    partnerIds: event.partnerIds,
    prevHash: event.prevHash,
    recordedAt: event.recordedAt,
    seq: event.seq,
    snapshot: commitment(event.snapshot),
    spaceId: event.spaceId,
    subject: event.subject,
    tenantId: event.tenantId,
    v: HASH_LAYOUT_VERSION,
  };
  return sha256Hex(canonicalJson(hashed));
}

/** Why a chain check failed at an event. */
export type BreakReason =
  /** The stored hash does not match the event's content: a field was changed. */
  | 'content_changed'
  /** The event does not point at its predecessor's hash: an event before it was changed or replaced. */
  | 'link_broken'
  /** A sequence number is missing: an event was deleted. */
  | 'event_missing'
  /** The chain ends before its recorded head: the latest events were deleted. */
  | 'tail_missing'
  /** The chain's last event is not the head the store recorded: it was rewritten. */
  | 'head_mismatch';

/** The outcome of checking one space's chain. */
export type ChainVerdict =
  | { readonly intact: true; readonly checked: number; readonly head: ChainHead }
  | {
      readonly intact: false;
      readonly checked: number;
      /** The first broken link: the seq where the chain stops holding, and the event found there, if any. */
      readonly brokenAt: { readonly seq: number; readonly eventId?: string; readonly reason: BreakReason };
    };

/**
 * Walks a chain in seq order and reports the first broken link. `recordedHead`, when given, is the head the
 * store keeps beside the events, which reveals deletion of the newest events.
 */
export async function verifyChain(
  events: AsyncIterable<EvidenceEvent> | Iterable<EvidenceEvent>,
  recordedHead?: ChainHead,
): Promise<ChainVerdict> {
  let head = EMPTY_HEAD;
  let checked = 0;
  for await (const event of events) {
    const expectedSeq = head.seq + 1;
    if (event.seq !== expectedSeq)
      return {
        intact: false,
        checked,
        brokenAt: { seq: expectedSeq, eventId: event.id, reason: 'event_missing' },
      };
    if (event.prevHash !== head.hash)
      return {
        intact: false,
        checked,
        brokenAt: { seq: event.seq, eventId: event.id, reason: 'link_broken' },
      };
    if (hashOf(event) !== event.hash)
      return {
        intact: false,
        checked,
        brokenAt: { seq: event.seq, eventId: event.id, reason: 'content_changed' },
      };
    head = { seq: event.seq, hash: event.hash };
    checked += 1;
  }
  if (recordedHead && recordedHead.seq > head.seq)
    return { intact: false, checked, brokenAt: { seq: head.seq + 1, reason: 'tail_missing' } };
  if (recordedHead && (recordedHead.seq !== head.seq || recordedHead.hash !== head.hash))
    return { intact: false, checked, brokenAt: { seq: head.seq, reason: 'head_mismatch' } };
  return { intact: true, checked, head };
}
