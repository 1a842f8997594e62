import { parseInput } from '../../core/common/parse';
import { formatDate } from '../../cards/labels';
import { renderNoticeCard } from '../../cards/notice-card';
import { ReminderDoneData, SnoozeReminderData, StopRemindersData } from '../../cards/reminder-card';
import type { Turn } from '../turn';
import type { VerbOutcome } from './verb-outcome';

/** The caller in their tenant: reminders belong to a person, whatever space the card arrived in. */
function person(turn: Turn) {
  return { scope: { tenantId: turn.caller.scope.tenantId }, user: turn.caller.user };
}

/** "Snooze 1 day / 1 week": the reminder (or every item of a digest) comes again then, in the owner's window. */
export async function snoozeReminder(turn: Turn, raw: unknown): Promise<VerbOutcome> {
  const data = parseInput(SnoozeReminderData, raw);
  const repeats = [];
  for (const reminderId of data.reminderIds)
    repeats.push(await turn.core.reminders.snooze(person(turn), { reminderId, for: data.for }));
  return {
    card: renderNoticeCard(`Snoozed. We will remind you again on ${formatDate(repeats[0]!.occursOn)}.`, [
      { title: 'My actions', command: 'my actions' },
    ]),
  };
}

/** "Stop … reminders": no more of that family; change it back in the tab's My work. */
export async function stopReminders(turn: Turn, raw: unknown): Promise<VerbOutcome> {
  const { family } = parseInput(StopRemindersData, raw);
  await turn.core.reminders.stop(person(turn), family);
  const what = {
    checkin: 'check-in reminders',
    action: 'action reminders',
    review: 'review reminders',
    assignment: 'notices of actions assigned to you',
  }[family];
  return {
    card: renderNoticeCard(`You will get no more ${what}. Turn them back on in the tab, under My work.`, []),
  };
}

/** "Mark done" on an action reminder, in the space the action lives in (core lets only its owner or agreer). */
export async function reminderDone(turn: Turn, raw: unknown): Promise<VerbOutcome> {
  const { actionId, spaceId } = parseInput(ReminderDoneData, raw);
  const caller = { scope: { tenantId: turn.caller.scope.tenantId, spaceId }, user: turn.caller.user };
  const { action, changed } = await turn.core.actions.changeStatus(caller, { actionId, status: 'done' });
  return {
    card: renderNoticeCard(changed ? `Marked done: ${action.title}` : 'This action was already done', [
      { title: 'My actions', command: 'my actions' },
    ]),
  };
}
