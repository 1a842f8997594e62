import { renderInterimActionCard } from './action-card';
import { renderInterimMeetingCard } from './meeting-card';

/**
 * The renderers of logged items' cards, in one place: the tab shows each record with the card the bot posts for
 * it. MERGE: point these at the bot's pure renderers in `bot/cards/` and delete the interim ones.
 */
export const renderRecordCard = {
  action: renderInterimActionCard,
  meeting: renderInterimMeetingCard,
};
