import { parseInput } from '../../core/common/parse';
import type { InsightsReview } from '../../core/meetings/meeting-insights-requests';
import type { TeamsUser } from '../../core/people/person';
import type { AdaptiveCard, CardSurface } from '../../cards/card-kit';
import { EMPTY_FORM, type FormState } from '../../cards/form-state';
import {
  filledMeetingActionRows,
  meetingActionsInputIdOf,
  MeetingActionsFormData,
  peopleInMeetingActionsForm,
  renderMeetingActionsFormCard,
  toMeetingActionsInput,
} from '../../cards/meeting-actions-form-card';
import { ACTION_ROWS, type ProposedActionRow } from '../../cards/meeting-form-card';
import { ReviewInsightsData } from '../../cards/meeting-insights-card';
import { pickerChoices, type PersonChoice } from '../../cards/people-choices';
import { searchScopeOf, type Turn } from '../turn';
import { submitForm, type FormResult } from './form-submit';
import { ownerCandidates, proposedMeetingForm } from './meeting-end';
import { meetingCards, type CardPair } from './record-cards';
import type { VerbOutcome } from './verb-outcome';

/** Members of the meeting chat read for matching the AI's owners (the meeting-end form reads as many). */
const MEMBERS_READ = 50;
/** Owner choices the "add actions" form offers up front. */
const OWNER_CHOICES = 8;

/**
 * "Review and log" on the AI action items card: the meeting form prefilled with the AI's proposal (owners matched
 * to the meeting's people); or, when the meeting was logged already, a form that adds the action items to that
 * log. Only the presser sees the form; nothing is stored until they submit it.
 */
export async function reviewInsights(turn: Turn, raw: unknown): Promise<VerbOutcome> {
  const { onlineMeetingId, startedAt } = parseInput(ReviewInsightsData, raw);
  const attendees = turn.place.kind === 'personal' ? [] : await turn.roster.members(MEMBERS_READ);
  const candidates = await ownerCandidates(turn, attendees);
  const review = await turn.core.meetingInsights.review(
    turn.caller.scope,
    { onlineMeetingId, startedAt },
    candidates,
  );
  if (!review.logged) return { card: await proposedMeetingForm(turn, review, attendees) };
  return { card: await meetingActionsForm(turn, review, attendees, candidates) };
}

/** The "add agreed actions" form for a meeting logged before its AI action items were ready. */
async function meetingActionsForm(
  turn: Turn,
  review: InsightsReview,
  attendees: readonly TeamsUser[],
  candidates: readonly { value: string; displayName: string }[],
): Promise<AdaptiveCard> {
  const logged = review.logged!;
  const proposedActions: ProposedActionRow[] = review.actions.slice(0, ACTION_ROWS).map((a) => ({
    title: a.title,
    ...(a.ownerValue ? { ownerValue: a.ownerValue } : {}),
    ...(a.aiOwnerName ? { aiOwnerName: a.aiOwnerName } : {}),
  }));
  const matched = review.actions.flatMap((a) =>
    a.ownerValue ? [{ title: a.ownerName ?? a.ownerValue, value: a.ownerValue }] : [],
  );
  const view = await turn.core.meetings.view(turn.caller.scope, logged.id);
  return renderMeetingActionsFormCard({
    surface: 'message',
    formId: turn.newFormId(),
    meetingId: logged.id,
    meetingTitle: logged.title,
    existingActions: view.actions.length,
    owners: ownerChoices(turn, matched, attendees, candidates),
    searchScope: searchScopeOf(turn),
    today: turn.today,
    proposedActions,
    state: EMPTY_FORM,
  });
}

function ownerChoices(
  turn: Turn,
  first: readonly PersonChoice[],
  attendees: readonly TeamsUser[],
  candidates: readonly { value: string; displayName: string }[],
): PersonChoice[] {
  const me = turn.caller.user;
  return pickerChoices(
    [
      first,
      [me, ...attendees].map((u) => ({ title: u.displayName, value: u.aadObjectId })),
      candidates.map((c) => ({ title: c.displayName, value: c.value })),
    ],
    OWNER_CHOICES,
  );
}

/** Adds the submitted actions to the logged meeting; answers with the meeting's summary card. */
export function submitMeetingActionsForm(
  turn: Turn,
  raw: unknown,
  surface: CardSurface,
): Promise<FormResult<CardPair>> {
  return submitForm(turn, raw, {
    schema: MeetingActionsFormData,
    people: peopleInMeetingActionsForm,
    toInput: toMeetingActionsInput,
    run: async (input, key) => {
      const view = await turn.core.meetings.addActions(turn.caller, input, key);
      return meetingCards(turn, view, {
        text: view.replayed ? 'These actions were already added' : 'Actions added to the meeting',
        tone: 'good',
      });
    },
    inputIdOf: (path, data) => meetingActionsInputIdOf(path, data ? filledMeetingActionRows(data) : []),
    render: (state, formId) => renderAgain(turn, surface, state, formId),
  });
}

/** The form again with the submitted values and their problems. */
async function renderAgain(
  turn: Turn,
  surface: CardSurface,
  state: FormState,
  formId: string,
): Promise<AdaptiveCard> {
  const meetingId = typeof state.values.meetingId === 'string' ? state.values.meetingId : '';
  // A form whose meeting id is missing or not this space's is refused by its schema or by core before this.
  const view = meetingId ? await turn.core.meetings.view(turn.caller.scope, meetingId) : undefined;
  const attendees = turn.place.kind === 'personal' ? [] : await turn.roster.members(MEMBERS_READ);
  return renderMeetingActionsFormCard({
    surface,
    formId,
    meetingId,
    meetingTitle: view?.meeting.title ?? 'the meeting',
    existingActions: view?.actions.length ?? 0,
    owners: ownerChoices(turn, [], attendees, await ownerCandidates(turn, attendees)),
    searchScope: searchScopeOf(turn),
    today: turn.today,
    state,
  });
}
