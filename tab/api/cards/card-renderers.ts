import type { ActionView } from '../../../core/actions/action-tracker';
import type { MeetingView } from '../../../core/meetings/meeting-log';
import { renderActionCard } from '../../../cards/action-card';
import { renderMeetingSummaryCard } from '../../../cards/meeting-summary-card';
import { wallClockIn } from '../../../cards/local-time';
import type { AdaptiveCard } from '../../../cards/card-kit';

/** The time a record's card is drawn for: the page's zone, and now. */
export interface CardTime {
  readonly timeZone: string;
  readonly now: Date;
}

/**
 * The tab shows each logged record with the card the bot posts for it (the view everyone in the chat sees:
 * changes happen on the tab's own board, not through card buttons).
 */
export const renderRecordCard = {
  action: (view: Omit<ActionView, 'changed'>, time: CardTime): AdaptiveCard =>
    renderActionCard({ view, today: wallClockIn(time.now, time.timeZone).date }),
  meeting: (view: MeetingView, time: CardTime): AdaptiveCard =>
    renderMeetingSummaryCard({
      view,
      timeZone: time.timeZone,
      today: wallClockIn(time.now, time.timeZone).date,
    }),
};
