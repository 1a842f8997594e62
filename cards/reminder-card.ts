import { z } from 'zod';
import { SpaceId } from '../core/common/scope';
import type { ReminderItem } from '../core/reminders/reminder-notice';
import type { ReminderKind } from '../core/reminders/reminder';
import { familyOf } from '../core/reminders/reminder';
import { REMINDER_FAMILIES, type ReminderFamily } from '../core/reminders/reminder-preferences';
import { CardRecordId } from './card-data';
import {
  actionSet,
  adaptiveCard,
  banner,
  clip,
  facts,
  heading,
  openUrl,
  section,
  text,
  verbAction,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from './card-kit';
import { formatDate } from './labels';

/** Snoozes a reminder for a day or a week. */
export const SNOOZE_REMINDER_VERB = 'reminder.snooze';
/** Stops a family of reminders. */
export const STOP_REMINDERS_VERB = 'reminder.stop';
/** Marks the action a reminder is about done. */
export const REMINDER_DONE_VERB = 'reminder.done';

/** What a snooze button sends. */
export const SnoozeReminderData = z.looseObject({
  reminderIds: z.array(CardRecordId).min(1).max(50),
  for: z.enum(['1d', '1w']),
});
/** What a stop button sends. */
export const StopRemindersData = z.looseObject({ family: z.enum(REMINDER_FAMILIES) });
/** What "Mark done" on an action reminder sends. */
export const ReminderDoneData = z.looseObject({ actionId: CardRecordId, spaceId: SpaceId });

/** Words for each kind of reminder. */
const HEADINGS: Record<ReminderKind, string> = {
  checkin_due: 'Check-in due',
  action_assigned: 'New action for you',
  action_due_soon: 'Action due soon',
  action_due_today: 'Action due today',
  action_overdue: 'Action overdue',
  agreement_review: 'Agreement review due',
  sla_review: 'SLA review due',
};

/** Most items a digest lists. */
const DIGEST_ITEMS = 25;

/** What a reminder card shows: one reminder, or a digest of several. */
export interface ReminderCardModel {
  readonly items: readonly ReminderItem[];
  readonly digest: boolean;
  /** The tab's address for a partner's page ("Log meeting now"). */
  readonly partnerPageUrl: (item: ReminderItem) => string | undefined;
  readonly notice?: { readonly text: string; readonly tone: 'good' | 'attention' };
}

function itemFacts(item: ReminderItem): CardElement[] {
  return facts([
    ['Partner', item.partnerName],
    [item.kind.endsWith('review') ? 'Review by' : 'Due', formatDate(item.date)],
  ]);
}

/** What "Stop …" says for each family. */
const STOP_TITLES: Record<ReminderFamily, string> = {
  checkin: 'Stop check-in reminders',
  action: 'Stop action reminders',
  review: 'Stop review reminders',
  assignment: 'Stop new-action notices',
};

/**
 * What an assignment notice says, in one sentence: "Sam Rivera assigned you: Share the rota, due Wed, 4 Mar 2026, from
 * the meeting with Northwind Logistics on Mon, 2 Mar 2026." A digest, which heads each item with its title, leaves the
 * title out ("Sam Rivera assigned you this, due …").
 */
export function assignmentSentence(item: ReminderItem, options: { withTitle: boolean }): string {
  const from = item.meetingAt
    ? `, from the meeting${item.partnerName ? ` with ${clip(item.partnerName, 120)}` : ''} on ${formatDate(item.meetingAt.slice(0, 10))}`
    : item.partnerName
      ? `, with ${clip(item.partnerName, 120)}`
      : '';
  const what = options.withTitle ? `: ${clip(item.title, 300)},` : ' this,';
  return `${clip(item.assignerName ?? 'A colleague', 60)} assigned you${what} due ${formatDate(item.date)}${from}.`;
}

function stopButton(kind: ReminderKind): CardAction {
  const family = familyOf(kind);
  return verbAction(
    'message',
    STOP_TITLES[family],
    STOP_REMINDERS_VERB,
    { family },
    { validatesInputs: false },
  );
}

function snoozeButtons(reminderIds: readonly string[]): CardAction[] {
  return [
    verbAction(
      'message',
      'Snooze 1 day',
      SNOOZE_REMINDER_VERB,
      { reminderIds, for: '1d' },
      { validatesInputs: false },
    ),
    verbAction(
      'message',
      'Snooze 1 week',
      SNOOZE_REMINDER_VERB,
      { reminderIds, for: '1w' },
      { validatesInputs: false },
    ),
  ];
}

/**
 * The card a reminder arrives as in the owner's personal chat (or the space's chat as a fallback): what is due,
 * and Done, Snooze (a day, a week), "Log meeting now" for a check-in, and a way to stop that kind of reminder.
 * A digest lists everything due in one card.
 */
export function renderReminderCard(m: ReminderCardModel): AdaptiveCard {
  const notice = m.notice ? [banner(m.notice.text, m.notice.tone)] : [];
  if (m.digest) {
    const shown = m.items.slice(0, DIGEST_ITEMS);
    const body: CardElement[] = [
      ...notice,
      ...heading('Your partner work today', `${m.items.length} item(s) due or overdue`),
      ...shown.flatMap((item) => [
        section(`${HEADINGS[item.kind]}: ${clip(item.title, 200)}`),
        ...(item.kind === 'action_assigned'
          ? [text(assignmentSentence(item, { withTitle: false }), { spacing: 'None' })]
          : itemFacts(item)),
      ]),
      ...(m.items.length > shown.length ? [text(`…and ${m.items.length - shown.length} more.`)] : []),
    ];
    return adaptiveCard(body, snoozeButtons(m.items.map((i) => i.reminderId)));
  }
  const item = m.items[0]!;
  const primary: CardAction[] = [];
  if (item.kind.startsWith('action_'))
    primary.push(
      verbAction(
        'message',
        'Mark done',
        REMINDER_DONE_VERB,
        { actionId: item.subjectId, spaceId: item.spaceId },
        { style: 'positive', validatesInputs: false },
      ),
    );
  const page = item.kind === 'checkin_due' ? m.partnerPageUrl(item) : undefined;
  if (page) primary.push(openUrl('Log meeting now', page));
  // An assignment is news, not a nudge: there is nothing to snooze, only the action to do.
  const assigned = item.kind === 'action_assigned';
  const body: CardElement[] = [
    ...notice,
    ...heading(HEADINGS[item.kind], clip(item.title, 300)),
    ...(assigned ? [text(assignmentSentence(item, { withTitle: true }))] : itemFacts(item)),
  ];
  if (primary.length) body.push(actionSet(primary));
  return adaptiveCard(body, [...(assigned ? [] : snoozeButtons([item.reminderId])), stopButton(item.kind)]);
}
