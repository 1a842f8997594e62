import { z } from 'zod';
import { IsoDateTime } from '../core/common/dates';
import type { AiActionItem, AiMeetingNote } from '../core/meetings/meeting-insights';
import { adaptiveCard, bullets, heading, literal, text, verbAction, type AdaptiveCard } from './card-kit';

/** The verb that opens a meeting's AI proposal for review, as a prefilled form. */
export const REVIEW_INSIGHTS_VERB = 'meeting.insights.review';

/** Action items the card lists before "…and n more" (the form holds the rest). */
const LISTED_ITEMS = 8;
/** Characters of one listed item. */
const ITEM_LENGTH = 160;

/** The `data` the review button sends: which meeting occurrence's proposal. */
export const ReviewInsightsData = z.looseObject({
  onlineMeetingId: z
    .string({ error: 'This card names no meeting; it may be from an older version' })
    .min(1)
    .max(300),
  startedAt: IsoDateTime,
});

/** What the "AI action items are ready" card shows. */
export interface MeetingInsightsCardModel {
  readonly meetingTitle: string;
  readonly onlineMeetingId: string;
  /** When the occurrence started: with the id, which occurrence of a recurring meeting. */
  readonly startedAt: string;
  readonly actionItems: readonly AiActionItem[];
  readonly notes: number;
}

/**
 * "AI action items are ready for <meeting>: review and log": what Microsoft 365 Copilot noted, owners as it
 * named them, and one button that opens the meeting form prefilled with them. Nothing is stored until then.
 */
export function renderMeetingInsightsCard(m: MeetingInsightsCardModel): AdaptiveCard {
  const n = m.actionItems.length;
  const lines = m.actionItems.map(
    (a) => `${a.title || a.text} (${a.ownerDisplayName ? `owner: ${a.ownerDisplayName}` : 'no owner named'})`,
  );
  const noted =
    n === 0
      ? `Copilot noted no action items${m.notes ? `, and ${m.notes} meeting note${m.notes === 1 ? '' : 's'}` : ''}.`
      : `Copilot noted ${n} action item${n === 1 ? '' : 's'}${m.notes ? ` and ${m.notes} meeting note${m.notes === 1 ? '' : 's'}` : ''}.`;
  return adaptiveCard(
    [
      ...heading(
        n
          ? `AI action items are ready for “${m.meetingTitle}”`
          : `AI notes are ready for “${m.meetingTitle}”`,
        'Review and log',
      ),
      text(
        `${noted} Nothing is stored until you check them: owners are matched to the meeting's people where the ` +
          'names fit, due dates are yours to set.',
        { isSubtle: true },
      ),
      ...bullets(lines, LISTED_ITEMS, ITEM_LENGTH),
    ],
    [
      verbAction(
        'message',
        'Review and log',
        REVIEW_INSIGHTS_VERB,
        { onlineMeetingId: m.onlineMeetingId, startedAt: m.startedAt },
        {
          style: 'positive',
        },
      ),
    ],
  );
}

/** What the meeting's chat is told, once per tenant, when AI action items are not available there. */
export function insightsUnavailableText(meetingTitle: string, reason: string): string {
  return (
    `AI action items are not available for “${literal(meetingTitle)}”: ${reason} ` +
    'Log meetings as before; the meeting form works the same. This is said once.'
  );
}

/** Characters of the minutes a proposal fills (the meeting form's own limit cuts the rest). */
const MINUTES_LENGTH = 1500;

/**
 * The meeting form's minutes from Copilot's notes (topics, what was said, sub-points), and the action items the
 * form has no row for, so none is lost from view.
 */
export function insightsMinutes(
  notes: readonly AiMeetingNote[],
  moreActions: readonly { readonly title: string; readonly aiOwnerName?: string }[],
): string {
  const lines: string[] = [];
  if (notes.length) lines.push("Microsoft 365 Copilot's meeting notes:");
  for (const n of notes) {
    lines.push(`${n.title}: ${n.text}`.replace(/^: /, ''));
    for (const p of n.subpoints) lines.push(`  - ${p.title}: ${p.text}`.replace(/ - : /, ' - '));
  }
  if (moreActions.length) {
    lines.push('More action items Copilot noted (add them as actions if they were agreed):');
    for (const a of moreActions) lines.push(`  - ${a.title}${a.aiOwnerName ? ` (${a.aiOwnerName})` : ''}`);
  }
  return lines.join('\n').slice(0, MINUTES_LENGTH);
}
