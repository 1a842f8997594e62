import { parseInput } from '../../core/common/parse';
import { ValidationError } from '../../core/errors';
import { ActionRefreshData } from '../../cards/action-card';
import { CREATE_ACTION_VERB } from '../../cards/action-form-card';
import { MARK_DONE_VERB, MarkDoneData } from '../../cards/action-rows';
import {
  ACKNOWLEDGE_VERB,
  AcknowledgeData,
  AGREEMENT_REFRESH_VERB,
  AgreementRefreshData,
} from '../../cards/agreement-card';
import { PROPOSE_AGREEMENT_VERB } from '../../cards/agreement-form-card';
import { OPEN_AGREEMENT_VERB, OpenAgreementData } from '../../cards/agreement-list-card';
import { ACTION_REFRESH_VERB } from '../../cards/action-card';
import type { CardSurface } from '../../cards/card-kit';
import { LIST_PAGE_VERB, ListPageData } from '../../cards/list-paging';
import { LOG_MEETING_VERB } from '../../cards/meeting-form-card';
import { MEETING_REFRESH_VERB, MeetingRefreshData } from '../../cards/meeting-summary-card';
import { ADD_PARTNER_VERB } from '../../cards/partner-form-card';
import { NAME_PERSON_VERB } from '../../cards/pending-naming';
import { REMINDER_DONE_VERB, SNOOZE_REMINDER_VERB, STOP_REMINDERS_VERB } from '../../cards/reminder-card';
import type { Turn } from '../turn';
import { submitActionForm, submitAgreementForm, submitMeetingForm, submitPartnerForm } from './forms';
import { ADD_MEETING_ACTIONS_VERB } from '../../cards/meeting-actions-form-card';
import { REVIEW_INSIGHTS_VERB } from '../../cards/meeting-insights-card';
import { reviewInsights, submitMeetingActionsForm } from './meeting-insights';
import type { FormResult } from './form-submit';
import { listCard } from './lists';
import { namePendingPerson } from './naming-verbs';
import { reminderDone, snoozeReminder, stopReminders } from './reminder-verbs';
import { actionCards, agreementCards, meetingCards, type CardPair } from './record-cards';
import type { VerbHandler, VerbOutcome } from './verb-outcome';

/** A form's result as a verb outcome: the record's cards, or the form with its problems for the presser only. */
function fromForm(result: FormResult<CardPair>): VerbOutcome {
  return result.ok ? { card: result.result.mine, shared: result.result.shared } : { card: result.form };
}

/** The form verbs, by surface: in a message they answer in place; in a dialog the caller posts the result. */
export const FORM_VERBS: Readonly<
  Record<string, (turn: Turn, data: unknown, surface: CardSurface) => Promise<FormResult<CardPair>>>
> = {
  [ADD_PARTNER_VERB]: submitPartnerForm,
  [LOG_MEETING_VERB]: submitMeetingForm,
  [CREATE_ACTION_VERB]: submitActionForm,
  [PROPOSE_AGREEMENT_VERB]: submitAgreementForm,
  [ADD_MEETING_ACTIONS_VERB]: submitMeetingActionsForm,
};

async function markDone(turn: Turn, raw: unknown): Promise<VerbOutcome> {
  const data = parseInput(MarkDoneData, raw);
  // "My actions" spans the caller's conversations; core still lets only the owner or agreer change an action.
  const caller =
    data.card === 'mine' && data.spaceId
      ? { ...turn.caller, scope: { ...turn.caller.scope, spaceId: data.spaceId } }
      : turn.caller;
  const { action, changed } = await turn.core.actions.changeStatus(caller, {
    actionId: data.actionId,
    status: 'done',
  });
  const notice = {
    text: changed ? `Marked done: ${action.title}` : 'This action was already done',
    tone: 'good' as const,
  };
  if (data.card === 'mine') return { card: await listCard(turn, 'myActions', data.cursor, notice) };
  const meetingId = data.card === 'meeting' ? (action.meetingId ?? data.meetingId) : undefined;
  const pair = meetingId
    ? await meetingCards(turn, await turn.core.meetings.view(caller.scope, meetingId), notice)
    : await actionCards(turn, await turn.core.actions.view(caller.scope, action.id), undefined, notice);
  return { card: pair.mine, shared: pair.shared };
}

async function acknowledge(turn: Turn, raw: unknown): Promise<VerbOutcome> {
  const data = parseInput(AcknowledgeData, raw);
  const view = await turn.core.agreements.acknowledge(turn.caller, data);
  const party = view.agreement.parties.find((p) => p.id === data.partyId)?.name ?? 'your party';
  const pair = await agreementCards(turn, view, {
    text: view.changed ? `Acknowledged for ${party}` : 'You have already acknowledged this agreement',
    tone: 'good',
  });
  return { card: pair.mine, shared: pair.shared };
}

async function openAgreement(turn: Turn, raw: unknown): Promise<VerbOutcome> {
  const { agreementId } = parseInput(OpenAgreementData, raw);
  return {
    card: (await agreementCards(turn, await turn.core.agreements.view(turn.caller.scope, agreementId))).mine,
  };
}

async function refreshMeeting(turn: Turn, raw: unknown): Promise<VerbOutcome> {
  const { meetingId } = parseInput(MeetingRefreshData, raw);
  return {
    card: (await meetingCards(turn, await turn.core.meetings.view(turn.caller.scope, meetingId))).mine,
  };
}

async function refreshAgreement(turn: Turn, raw: unknown): Promise<VerbOutcome> {
  const { agreementId } = parseInput(AgreementRefreshData, raw);
  return {
    card: (await agreementCards(turn, await turn.core.agreements.view(turn.caller.scope, agreementId))).mine,
  };
}

async function refreshAction(turn: Turn, raw: unknown): Promise<VerbOutcome> {
  const { actionId } = parseInput(ActionRefreshData, raw);
  const view = await turn.core.actions.view(turn.caller.scope, actionId);
  return { card: (await actionCards(turn, view, undefined)).mine };
}

async function page(turn: Turn, raw: unknown): Promise<VerbOutcome> {
  const { list, cursor } = parseInput(ListPageData, raw);
  return { card: await listCard(turn, list, cursor) };
}

/** Every verb a card button can send. */
export const VERBS: Readonly<Record<string, VerbHandler>> = {
  ...Object.fromEntries(
    Object.entries(FORM_VERBS).map(([verb, submit]) => [
      verb,
      async (turn: Turn, data: unknown) => fromForm(await submit(turn, data, 'message')),
    ]),
  ),
  [MARK_DONE_VERB]: markDone,
  [ACKNOWLEDGE_VERB]: acknowledge,
  [OPEN_AGREEMENT_VERB]: openAgreement,
  [MEETING_REFRESH_VERB]: refreshMeeting,
  [AGREEMENT_REFRESH_VERB]: refreshAgreement,
  [ACTION_REFRESH_VERB]: refreshAction,
  [LIST_PAGE_VERB]: page,
  [SNOOZE_REMINDER_VERB]: snoozeReminder,
  [STOP_REMINDERS_VERB]: stopReminders,
  [REMINDER_DONE_VERB]: reminderDone,
  [NAME_PERSON_VERB]: namePendingPerson,
  [REVIEW_INSIGHTS_VERB]: reviewInsights,
};

/** Runs the verb a button named, or refuses a verb no card of ours has. */
export async function runVerb(turn: Turn, verb: unknown, data: unknown): Promise<VerbOutcome> {
  const handler = typeof verb === 'string' && Object.hasOwn(VERBS, verb) ? VERBS[verb] : undefined;
  if (!handler) throw ValidationError.of('verb', 'This button is not one the bot knows; reload the card');
  return handler(turn, data);
}
