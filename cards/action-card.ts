import { z } from 'zod';
import { CardRecordId } from './card-data';
import type { ActionView } from '../core/actions/action-tracker';
import { OPEN_STATUSES } from '../core/actions/agreed-action';
import {
  adaptiveCard,
  banner,
  facts,
  heading,
  MAX_REFRESH_USERS,
  verbAction,
  type AdaptiveCard,
  type CardElement,
} from './card-kit';
import { actionRow } from './action-rows';
import { nameOf } from './people-names';
import { pendingNaming, type NamingOffer } from './pending-naming';

/** The verb Teams calls to refresh an action card for one viewer. */
export const ACTION_REFRESH_VERB = 'action.refresh';

/** What an action card shows. */
export interface ActionCardModel {
  readonly view: Omit<ActionView, 'changed'>;
  readonly today: string;
  readonly partnerName?: string;
  /** The person looking: the owner gets "Mark done". Undefined for the card everyone sees. */
  readonly viewerId?: string;
  readonly refreshUserIds?: readonly string[];
  readonly notice?: { readonly text: string; readonly tone: 'good' | 'attention' };
  /** Offer to name a pending owner (the bot's cards; not the tab's). */
  readonly naming?: NamingOffer;
}

/** One agreed action: what, who, by when, and its status. */
export function renderActionCard(m: ActionCardModel): AdaptiveCard {
  const { action, people } = m.view;
  const body: CardElement[] = [
    ...(m.notice ? [banner(m.notice.text, m.notice.tone)] : []),
    ...heading('Agreed action', m.partnerName ? `With ${m.partnerName}` : undefined),
    actionRow(
      action,
      people,
      m.today,
      m.viewerId !== undefined && m.viewerId === action.ownerId
        ? { actionId: action.id, card: 'action' }
        : undefined,
    ),
    ...facts([['Agreed by', nameOf(people, action.createdBy)]]),
    ...pendingNaming(
      people,
      [action.ownerId, action.createdBy],
      { card: 'action', recordId: action.id },
      m.naming,
    ),
  ];
  // Clients that do not refresh cards ask for their own view, where the owner finds "Mark done".
  const askForMine =
    m.viewerId === undefined && OPEN_STATUSES.includes(action.status)
      ? [
          verbAction(
            'message',
            'Open my view',
            ACTION_REFRESH_VERB,
            { actionId: action.id },
            { validatesInputs: false },
          ),
        ]
      : [];
  return adaptiveCard(body, askForMine, {
    action: {
      type: 'Action.Execute',
      title: 'Refresh',
      verb: ACTION_REFRESH_VERB,
      data: { actionId: action.id, verb: ACTION_REFRESH_VERB },
    },
    ...(m.refreshUserIds?.length ? { userIds: m.refreshUserIds.slice(0, MAX_REFRESH_USERS) } : {}),
  });
}

/** The `data` of an action card's refresh. */
export const ActionRefreshData = z.looseObject({ actionId: CardRecordId });
