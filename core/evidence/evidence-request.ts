import { z } from 'zod';
import { optionalText, requiredParagraphs, requiredText } from '../common/text';
import { TeamsUser } from '../people/person';

/** What a learner can ask someone in Teams for: partner feedback, or a witness confirmation of items. */
export type EvidenceRequestKind = 'feedback' | 'witness';

/** Where a request stands. */
export type EvidenceRequestStatus = 'pending' | 'answered' | 'declined';

/** Asking a colleague or a partner contact who uses Teams for short feedback on working with a partner. */
export const FeedbackRequestInput = z.object({
  partnerId: z.string().min(1).max(64),
  recipient: TeamsUser,
  question: optionalText(500, 'Question'),
});
/** A feedback request as entered. */
export type FeedbackRequestInput = z.input<typeof FeedbackRequestInput>;

/** A feedback answer: a rating from 1 (poor) to 5 (excellent) and a comment. */
export const FeedbackAnswerInput = z.object({
  requestId: z.string().min(1).max(64),
  rating: z
    .number({ error: 'Choose a rating from 1 to 5' })
    .int()
    .min(1, 'Choose a rating from 1 to 5')
    .max(5, 'Choose a rating from 1 to 5'),
  comment: optionalText(2000, 'Comment'),
});
/** A feedback answer as entered. */
export type FeedbackAnswerInput = z.input<typeof FeedbackAnswerInput>;

/** Asking a colleague or partner contact to confirm, as a witness, that chosen items happened as recorded. */
export const WitnessRequestInput = z.object({
  itemIds: z.array(z.string().min(1).max(64)).min(1, 'Choose at least one item').max(20, 'At most 20 items'),
  witness: TeamsUser,
  note: optionalText(500, 'Note'),
});
/** A witness request as entered. */
export type WitnessRequestInput = z.input<typeof WitnessRequestInput>;

/** A witness's confirmation: their role and statement. */
export const WitnessConfirmationInput = z.object({
  requestId: z.string().min(1).max(64),
  role: requiredText(200, 'Your role'),
  statement: requiredParagraphs(2000, 'Statement'),
});
/** A witness confirmation as entered. */
export type WitnessConfirmationInput = z.input<typeof WitnessConfirmationInput>;

/** A request for feedback or a witness confirmation, and what came of it. */
export interface EvidenceRequest {
  readonly id: string;
  readonly tenantId: string;
  readonly spaceId: string;
  readonly kind: EvidenceRequestKind;
  readonly requestedBy: string;
  /** Who is asked (a person id of a Teams user). */
  readonly recipientId: string;
  readonly partnerId?: string;
  /** The items a witness is asked to confirm. */
  readonly itemIds: readonly string[];
  readonly question?: string;
  readonly status: EvidenceRequestStatus;
  readonly requestedAt: string;
  readonly answeredAt?: string;
}
