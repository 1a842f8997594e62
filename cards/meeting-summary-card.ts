import { z } from 'zod';
import { CardRecordId } from './card-data';
import type { MeetingView } from '../core/meetings/meeting-log';
import { pendingParties } from '../core/agreements/priority-agreement';
import { OPEN_STATUSES } from '../core/actions/agreed-action';
import {
  adaptiveCard,
  banner,
  bullets,
  clip,
  facts,
  heading,
  MAX_REFRESH_USERS,
  plain,
  section,
  text,
  verbAction,
  type AdaptiveCard,
  type CardElement,
} from './card-kit';
import { actionRow } from './action-rows';
import { AGREEMENT_STATUS_LABELS, formatInstant, MEETING_MEDIUM_LABELS, MEETING_TYPE_LABELS } from './labels';
import { nameOf, namesOf } from './people-names';
import { pendingNaming, type NamingOffer } from './pending-naming';

/** The verb Teams calls to refresh a summary card for one viewer. */
export const MEETING_REFRESH_VERB = 'meeting.refresh';

/** What a meeting summary shows. */
export interface MeetingSummaryModel {
  readonly view: MeetingView;
  readonly timeZone: string;
  /** Today's date, for overdue marks. */
  readonly today: string;
  /** The person looking (their own open actions get "Mark done"); undefined for the card everyone sees. */
  readonly viewerId?: string;
  /** Teams user ids whose clients refresh the card to their own view. */
  readonly refreshUserIds?: readonly string[];
  readonly notice?: { readonly text: string; readonly tone: 'good' | 'attention' };
  /** Offer to name pending attendees and owners (the bot's cards; not the tab's). */
  readonly naming?: NamingOffer;
}

/** The summary card a logged meeting leaves in the chat; it stays current as actions complete. */
export function renderMeetingSummaryCard(m: MeetingSummaryModel): AdaptiveCard {
  const { meeting, partners, actions, people, agreement } = m.view;
  const partnerNames = partners.map((p) => p.name).join(', ');
  const body: CardElement[] = [
    ...(m.notice ? [banner(m.notice.text, m.notice.tone)] : []),
    ...heading(clip(meeting.title, 200), `Partner meeting with ${clip(partnerNames, 300)}`),
    ...facts([
      ['When', formatInstant(meeting.occurredAt, m.timeZone)],
      ['Length', meeting.durationMinutes ? `${meeting.durationMinutes} minutes` : undefined],
      ['Type', MEETING_TYPE_LABELS[meeting.type]],
      ['How', MEETING_MEDIUM_LABELS[meeting.medium]],
      [
        'Attendees',
        meeting.attendeeIds.length
          ? namesOf(people, meeting.attendeeIds, 10, { withRoles: true })
          : undefined,
      ],
      ['Logged by', nameOf(people, meeting.loggedBy)],
    ]),
  ];
  if (meeting.minutes) body.push(section('Minutes'), plain(clip(meeting.minutes, 600)));
  if (meeting.decisions.length) body.push(section('Decisions'), ...bullets(meeting.decisions, 5, 200));
  if (meeting.issuesRaised.length)
    body.push(section('Issues raised'), ...bullets(meeting.issuesRaised, 5, 200));
  if (meeting.customerImpact)
    body.push(section('What it means for the end customer'), plain(clip(meeting.customerImpact, 300)));
  if (agreement) {
    const waiting = pendingParties(agreement).length;
    body.push(
      section('Conflict-priority agreement'),
      plain(clip(agreement.title, 200)),
      text(
        `${AGREEMENT_STATUS_LABELS[agreement.status]}${agreement.status === 'proposed' ? ` (${waiting} of ${agreement.parties.length} still to acknowledge)` : ''}`,
        { size: 'Small', isSubtle: true, spacing: 'None' },
      ),
    );
  }
  body.push(section(actions.length ? `Agreed actions (${actions.length})` : 'No actions agreed'));
  for (const action of actions)
    body.push(
      actionRow(
        action,
        people,
        m.today,
        m.viewerId !== undefined && action.ownerId === m.viewerId
          ? { actionId: action.id, card: 'meeting', meetingId: meeting.id }
          : undefined,
      ),
    );
  body.push(
    ...pendingNaming(
      people,
      [...actions.map((a) => a.ownerId), ...meeting.attendeeIds, meeting.loggedBy],
      { card: 'meeting', recordId: meeting.id },
      m.naming,
    ),
  );
  // Clients that do not refresh cards (or people beyond the 60 Teams refreshes) ask for their own view.
  const anyOpen = actions.some((a) => OPEN_STATUSES.includes(a.status));
  const askForMine =
    m.viewerId === undefined && anyOpen
      ? [
          verbAction(
            'message',
            'My actions here',
            MEETING_REFRESH_VERB,
            { meetingId: meeting.id },
            { validatesInputs: false },
          ),
        ]
      : [];
  return adaptiveCard(body, askForMine, {
    action: {
      type: 'Action.Execute',
      title: 'Refresh',
      verb: MEETING_REFRESH_VERB,
      data: { meetingId: meeting.id, verb: MEETING_REFRESH_VERB },
    },
    ...(m.refreshUserIds?.length ? { userIds: m.refreshUserIds.slice(0, MAX_REFRESH_USERS) } : {}),
  });
}

/** The `data` of a meeting summary's refresh. */
export const MeetingRefreshData = z.looseObject({ meetingId: CardRecordId });
