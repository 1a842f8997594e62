import type { CriterionCode } from '../criteria/cfacsb9';
import type { JsonObject } from './json';

/** Every kind of thing the evidence log records. */
export const EVIDENCE_KINDS = [
  'partner.added',
  'partner.updated',
  'partner.archived',
  'meeting.logged',
  'meeting.attended',
  'action.created',
  'action.status_changed',
  'agreement.drafted',
  'agreement.proposed',
  'agreement.acknowledged',
  'agreement.agreed',
  'agreement.superseded',
  'sla.defined',
  'sla.reading_recorded',
  'checkin.scheduled',
  'checkin.completed',
  'evidence.criteria_changed',
  'reflection.written',
  'feedback.received',
  'witness.confirmed',
] as const;
/** A kind of evidence event. */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** What an evidence event is about. */
export interface EvidenceSubject {
  readonly type:
    | 'partner'
    | 'meeting'
    | 'action'
    | 'agreement'
    | 'sla'
    | 'checkin'
    | 'evidence'
    | 'reflection'
    | 'feedback'
    | 'witness';
  readonly id: string;
}

/** Facts about the change that choose its default criteria; not stored. */
export interface CriteriaFacets {
  readonly partnerSides?: readonly ('internal' | 'external')[];
  readonly meetingType?: string;
  readonly hasAuthority?: boolean;
  readonly hasCommunicationStyles?: boolean;
  readonly hasInformationSources?: boolean;
  readonly hasCustomerImpact?: boolean;
  readonly toStatus?: string;
  /** Criteria carried over from the items a reflection or witness confirmation is about. */
  readonly inheritedCriteria?: readonly CriterionCode[];
}

/** An event as a use case describes it, before the ledger dates, tags, numbers and seals it. */
export interface EvidenceDraft {
  readonly kind: EvidenceKind;
  readonly subject: EvidenceSubject;
  readonly partnerIds: readonly string[];
  /** The person who made the change. */
  readonly actorId: string;
  /** When it happened in the business sense (the meeting's time, the acknowledgement's time). */
  readonly occurredAt: string;
  /** The content as it was at that moment. People appear by id only: personal data stays erasable. */
  readonly snapshot: JsonObject;
  readonly facets?: CriteriaFacets;
}

/**
 * One sealed entry of a space's evidence log. `hash` covers every other field and `prevHash`, so editing
 * or deleting any stored event breaks the chain from that point on.
 */
export interface EvidenceEvent {
  readonly id: string;
  readonly tenantId: string;
  readonly spaceId: string;
  /** Position in the space's chain, from 1, without gaps. */
  readonly seq: number;
  readonly kind: EvidenceKind;
  readonly subject: EvidenceSubject;
  readonly partnerIds: readonly string[];
  readonly actorId: string;
  readonly occurredAt: string;
  /** When the server recorded it. */
  readonly recordedAt: string;
  readonly snapshot: JsonObject;
  /** Criteria of the unit this event is evidence for, as tagged when recorded. */
  readonly criteria: readonly CriterionCode[];
  readonly prevHash: string;
  readonly hash: string;
}
