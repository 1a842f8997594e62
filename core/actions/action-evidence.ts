import type { EvidenceDraft } from '../evidence/evidence-event';
import type { AgreedAction } from './agreed-action';

/** Evidence that an action was agreed: who owns what by when. */
export function actionCreatedEvidence(
  action: AgreedAction,
  actorId: string,
  partnerSides: readonly ('internal' | 'external')[],
  occurredAt: string,
): EvidenceDraft {
  return {
    kind: 'action.created',
    subject: { type: 'action', id: action.id },
    partnerIds: action.partnerId ? [action.partnerId] : [],
    actorId,
    occurredAt,
    snapshot: {
      title: action.title,
      ownerId: action.ownerId,
      dueDate: action.dueDate,
      status: action.status,
      meetingId: action.meetingId,
      partnerId: action.partnerId,
    },
    facets: { partnerSides },
  };
}
