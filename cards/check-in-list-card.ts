import type { CheckInsWithCalendar } from '../core/checkins/check-in-board';
import type { CheckInSchedule } from '../core/checkins/check-in-schedule';
import type { CalendarState } from '../core/checkins/calendar-sync-repository';
import { describeCadence } from '../core/checkins/cadence';
import type { Partner } from '../core/partners/partner';
import type { PageWithPeople } from '../core/people/people-resolver';
import {
  actionSet,
  adaptiveCard,
  clip,
  container,
  dialogButton,
  heading,
  plain,
  text,
  type AdaptiveCard,
  type CardElement,
} from './card-kit';
import { formatDate } from './labels';
import { pagingActions } from './list-paging';
import { MEETING_DIALOG_VERB } from './partner-card';
import { nameOf } from './people-names';

/** What the check-ins list shows. */
export interface CheckInListModel {
  readonly page: CheckInsWithCalendar<
    PageWithPeople<CheckInSchedule> & { partners: Readonly<Record<string, Partner>> }
  >;
  readonly today: string;
  readonly paged: boolean;
  /** Whether each next check-in is also in its owner's Outlook calendar (Microsoft Graph connected). */
  readonly inOutlook: boolean;
}

/** Where one check-in stands with its owner's Outlook calendar; a refusal is spelt out so it gets fixed. */
function calendarLine(state: CalendarState | undefined): CardElement[] {
  const small = { size: 'Small', spacing: 'None' } as const;
  switch (state?.state) {
    case 'in_calendar':
      return [text("In the owner's Outlook calendar", { ...small, isSubtle: true })];
    case 'pending':
      return [text('Being added to Outlook', { ...small, isSubtle: true })];
    case 'failing':
      return [
        text(`Not in Outlook yet. ${state.problem} Partner CRM keeps trying.`, {
          ...small,
          color: 'attention',
        }),
      ];
    default:
      return [];
  }
}

/** Partner check-ins of this conversation, soonest due (so overdue) first; logging a meeting completes one. */
export function renderCheckInListCard(m: CheckInListModel): AdaptiveCard {
  const body: CardElement[] = [
    ...heading('Partner check-ins', 'Soonest due first; logging a meeting completes one'),
  ];
  if (m.page.items.length === 0)
    body.push(text('No check-ins scheduled. Give a partner a check-in rhythm when you add it.'));
  for (const c of m.page.items) {
    const overdue = c.nextDueDate < m.today;
    const partner = m.page.partners[c.partnerId];
    body.push(
      container(
        [
          plain(clip(partner?.name ?? 'A partner no longer listed', 120), {
            weight: 'Bolder',
            spacing: 'None',
          }),
          text(
            `${overdue ? 'Overdue since' : 'Due'} ${formatDate(c.nextDueDate)} · ${describeCadence(c.cadence)} · ${nameOf(m.page.people, c.ownerId)}${c.lastCompletedOn ? ` · last ${formatDate(c.lastCompletedOn)}` : ''}`,
            { size: 'Small', color: overdue ? 'attention' : 'default', spacing: 'None' },
          ),
          ...(m.inOutlook ? calendarLine(m.page.calendar?.[c.id]) : []),
          actionSet([dialogButton('Log the meeting', MEETING_DIALOG_VERB, { partnerId: c.partnerId })], {
            spacing: 'Small',
          }),
        ],
        { separator: true },
      ),
    );
  }
  body.push(
    text(
      m.inOutlook
        ? "Each next check-in is also in its owner's Outlook calendar."
        : "An administrator can connect Microsoft Graph to put each next check-in in its owner's Outlook calendar.",
      { size: 'Small', isSubtle: true, spacing: 'Medium' },
    ),
  );
  return adaptiveCard(body, pagingActions('checkins', m.page.nextCursor, m.paged));
}
