import { z } from 'zod';
import { IsoDate } from '../common/dates';
import { optionalText, requiredText } from '../common/text';
import { PersonRef } from '../people/person';

/** Where an agreed action stands. */
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'blocked', 'cancelled'] as const;
/** Where an agreed action stands. */
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * Which status changes make sense. Done and cancelled can be reopened: a correction is a new event,
 * never an edit of the old one.
 */
const ALLOWED_TRANSITIONS: Record<ActionStatus, readonly ActionStatus[]> = {
  open: ['in_progress', 'done', 'blocked', 'cancelled'],
  in_progress: ['open', 'done', 'blocked', 'cancelled'],
  blocked: ['open', 'in_progress', 'done', 'cancelled'],
  done: ['open'],
  cancelled: ['open'],
};

/** Whether an action may move from one status to another. */
export function canMove(from: ActionStatus, to: ActionStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** Statuses in which an action still needs doing. */
export const OPEN_STATUSES: readonly ActionStatus[] = ['open', 'in_progress', 'blocked'];

/** What someone enters to create an agreed action outside a meeting log. */
export const ActionInput = z.object({
  title: requiredText(300, 'Action'),
  owner: PersonRef,
  dueDate: IsoDate,
  partnerId: z.string().min(1).max(64).optional(),
  meetingId: z.string().min(1).max(64).optional(),
});
/** What someone enters to create an agreed action. */
export type ActionInput = z.input<typeof ActionInput>;

/** A status change as entered: to what, with an optional note (required to say why it is blocked). */
export const StatusChangeInput = z
  .object({
    actionId: z.string().min(1).max(64),
    status: z.enum(ACTION_STATUSES),
    note: optionalText(2000, 'Note'),
  })
  .refine((c) => c.status !== 'blocked' || c.note !== undefined, {
    path: ['note'],
    message: 'Say what blocks it',
  });
/** A status change as entered. */
export type StatusChangeInput = z.input<typeof StatusChangeInput>;

/** An action agreed with a partner: who does what by when. */
export interface AgreedAction {
  readonly id: string;
  readonly tenantId: string;
  readonly spaceId: string;
  readonly title: string;
  readonly ownerId: string;
  readonly dueDate: string;
  readonly status: ActionStatus;
  readonly meetingId?: string;
  readonly partnerId?: string;
  readonly completionNote?: string;
  readonly completedAt?: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: string;
}
