import { z } from 'zod';
import { SpaceId } from '../core/common/scope';
import { CardRecordId } from './card-data';
import { OPEN_STATUSES, type AgreedAction } from '../core/actions/agreed-action';
import type { PeopleIndex } from '../core/people/people-resolver';
import { actionSet, clip, container, literal, plain, styled, verbAction, type CardElement } from './card-kit';
import { ACTION_STATUS_LABELS, formatDate } from './labels';
import { nameOf } from './people-names';

/** The verb that marks an action done. */
export const MARK_DONE_VERB = 'action.done';

/** Longest action title a card shows. */
const MAX_TITLE = 200;

/** Whether an action still needs doing and its due date has passed. */
export function isOverdue(action: AgreedAction, today: string): boolean {
  return OPEN_STATUSES.includes(action.status) && action.dueDate < today;
}

/**
 * One action as a row: what, who and when, its status, and "Mark done" for its owner when it is still open.
 * `markDoneData` is the button's data (it says which card to re-render); undefined shows no button.
 */
export function actionRow(
  action: AgreedAction,
  people: PeopleIndex,
  today: string,
  markDoneData: Record<string, unknown> | undefined,
): CardElement {
  const overdue = isOverdue(action, today);
  const status =
    action.status === 'done' && action.completedAt
      ? `Done ${formatDate(action.completedAt.slice(0, 10))}`
      : overdue
        ? `Overdue since ${formatDate(action.dueDate)}`
        : ACTION_STATUS_LABELS[action.status];
  const items: CardElement[] = [
    plain(clip(action.title, MAX_TITLE), { spacing: 'None' }),
    styled(`${literal(nameOf(people, action.ownerId))} · due ${formatDate(action.dueDate)} · **${status}**`, {
      size: 'Small',
      isSubtle: !overdue,
      color: overdue ? 'attention' : action.status === 'done' ? 'good' : 'default',
      spacing: 'None',
    }),
  ];
  if (markDoneData && OPEN_STATUSES.includes(action.status))
    items.push(
      actionSet([verbAction('message', 'Mark done', MARK_DONE_VERB, markDoneData, { style: 'positive' })], {
        spacing: 'Small',
      }),
    );
  return container(items, { separator: true, spacing: 'Small' });
}

/** The `data` of a "Mark done" button. */
export const MarkDoneData = z.looseObject({
  actionId: CardRecordId,
  /** Which card the button was on, so the answer re-renders that card. */
  card: z.enum(['meeting', 'action', 'mine'], { error: 'This button belongs to no known card; reload it' }),
  meetingId: CardRecordId.optional(),
  /** The space of an action listed in "my actions" (which spans the caller's conversations). */
  spaceId: SpaceId.optional(),
  cursor: z.string().max(400).optional(),
});
