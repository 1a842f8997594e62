import type { ActionView } from '../../../core/actions/action-tracker';
import { card, type AdaptiveCardJson } from './adaptive-card';

/** Words for action statuses on cards. */
const STATUS_WORDS: Record<string, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
};

/**
 * INTERIM: the card of one agreed action, until the bot's `bot/cards` renderer of the same card is merged
 * (see `card-renderers.ts`). Who owns what by when, and where it stands.
 */
export function renderInterimActionCard(view: Omit<ActionView, 'changed'>): AdaptiveCardJson {
  const { action, people } = view;
  return card([
    { type: 'TextBlock', text: 'Agreed action', size: 'Small', isSubtle: true, wrap: true },
    { type: 'TextBlock', text: action.title, weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Owner', value: people[action.ownerId]?.displayName ?? 'Someone no longer visible here' },
        { title: 'Due', value: action.dueDate },
        { title: 'Status', value: STATUS_WORDS[action.status] ?? action.status },
        ...(action.completionNote ? [{ title: 'Note', value: action.completionNote }] : []),
      ],
    },
  ]);
}
