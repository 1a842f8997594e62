import type { EvidenceDraft, EvidenceKind } from '../evidence/evidence-event';
import { inStandardOrder, type CriterionCode } from './cfacsb9';

/** Criteria every event of a kind is evidence for, whatever its content. */
const BY_KIND: Record<EvidenceKind, readonly CriterionCode[]> = {
  // Naming a partner and placing it in the chain defines and identifies the chain's partners.
  'partner.added': ['P1', 'P2', 'K1'],
  'partner.updated': ['P1', 'P2'],
  'partner.archived': [],
  // A logged meeting is contact that maintains the relationship and shows what the partnership contributes.
  'meeting.logged': ['P8', 'K2'],
  // Who took part, and for how long, is contact that maintains the relationship.
  'meeting.attended': ['P8'],
  'action.created': ['P12'],
  'action.status_changed': [],
  'agreement.drafted': ['P13', 'K6'],
  'agreement.proposed': ['P13', 'K6', 'P10'],
  'agreement.acknowledged': ['P13'],
  'agreement.agreed': ['P13', 'K6', 'P10', 'K8'],
  'agreement.superseded': ['P13'],
  'sla.defined': ['P11', 'K4'],
  'sla.reading_recorded': ['P11'],
  'checkin.scheduled': ['P8', 'K10'],
  'checkin.completed': ['P8'],
  // A tag change is about another event; its own criteria would double-count.
  'evidence.criteria_changed': [],
  // A reflective account evidences what its items evidence (inherited below).
  'reflection.written': [],
  // Seeking and acting on a partner's feedback maintains the relationship and adapts to their style.
  'feedback.received': ['P8', 'K10'],
  'witness.confirmed': [],
};

/**
 * The criteria an event is evidence for by default: its kind's criteria plus those its content shows
 * (e.g. a negotiation meeting shows negotiating, P10/K8; recording who decides shows P9/K9).
 * The learner can add or remove tags later; that change is itself an event.
 */
export function defaultCriteria(draft: Pick<EvidenceDraft, 'kind' | 'facets'>): CriterionCode[] {
  const codes: CriterionCode[] = [...BY_KIND[draft.kind]];
  const f = draft.facets ?? {};
  const sides = new Set(f.partnerSides ?? []);
  const about = draft.kind.split('.')[0];

  if (about === 'meeting' || about === 'action') {
    if (sides.has('internal')) codes.push('P5', 'P6', 'K3');
    if (sides.has('external')) codes.push('P7');
  }
  if (f.meetingType === 'negotiation') codes.push('P10', 'K8');
  if (f.meetingType === 'escalation') codes.push('P9', 'K9');
  if (f.meetingType === 'joint_planning') codes.push('P12', 'P3');
  if (f.hasCustomerImpact) codes.push('P3');
  if (f.hasAuthority) codes.push('P9', 'K9');
  if (f.hasCommunicationStyles) codes.push('K10');
  if (f.hasInformationSources) codes.push('K11');
  if (draft.kind === 'action.status_changed' && f.toStatus === 'done') codes.push('P8', 'P12');
  if (draft.kind === 'feedback.received') {
    if (sides.has('internal')) codes.push('P5');
    if (sides.has('external')) codes.push('P7');
  }
  codes.push(...(f.inheritedCriteria ?? []));
  return inStandardOrder(codes);
}
