import type { MeetingInput } from '../../core/meetings/meeting';
import {
  ActionFormData,
  actionInputIdOf,
  renderActionFormCard,
  toActionInput,
} from '../../cards/action-form-card';
import {
  AgreementFormData,
  agreementInputIdOf,
  peopleInAgreementForm,
  renderAgreementFormCard,
  toAgreementInput,
} from '../../cards/agreement-form-card';
import type { AdaptiveCard, CardSurface } from '../../cards/card-kit';
import { EMPTY_FORM } from '../../cards/form-state';
import {
  filledActionRows,
  MeetingFormData,
  type MeetingFormModel,
  meetingInputIdOf,
  peopleInMeetingForm,
  renderMeetingFormCard,
  toMeetingInput,
} from '../../cards/meeting-form-card';
import {
  PartnerFormData,
  partnerInputIdOf,
  renderPartnerFormCard,
  toPartnerInput,
} from '../../cards/partner-form-card';
import type { PersonChoice } from '../../cards/people-choices';
import type { Turn } from '../turn';
import { actionFormModel, agreementFormModel, meetingFormModel, partnerFormModel } from './form-models';
import { submitForm, type FormResult } from './form-submit';
import { actionCards, agreementCards, meetingCards, partnerCards, type CardPair } from './record-cards';

/** A blank meeting form, optionally starting from a draft (a chat message, a chosen partner). */
export async function openMeetingForm(
  turn: Turn,
  surface: CardSurface,
  draft?: Partial<MeetingInput>,
  people?: readonly PersonChoice[],
  owners?: readonly PersonChoice[],
  proposal?: Pick<MeetingFormModel, 'proposedActions' | 'intro'>,
): Promise<AdaptiveCard> {
  return renderMeetingFormCard({
    ...(await meetingFormModel(turn, surface, EMPTY_FORM, { draft, people, owners })),
    ...proposal,
  });
}

/** Logs a submitted meeting; answers with its summary card (the logger's view and everyone's). */
export function submitMeetingForm(
  turn: Turn,
  raw: unknown,
  surface: CardSurface,
): Promise<FormResult<CardPair>> {
  return submitForm(turn, raw, {
    schema: MeetingFormData,
    people: peopleInMeetingForm,
    toInput: toMeetingInput,
    run: async (input, key) => {
      const logged = await turn.core.meetings.log(turn.caller, input, key);
      return meetingCards(turn, logged, {
        text: logged.replayed ? 'This meeting was already logged' : 'Meeting logged',
        tone: 'good',
      });
    },
    inputIdOf: (path, data) => meetingInputIdOf(path, data ? filledActionRows(data) : []),
    render: async (state, formId) =>
      renderMeetingFormCard(await meetingFormModel(turn, surface, state, { formId })),
  });
}

/** A blank partner form. */
export async function openPartnerForm(turn: Turn, surface: CardSurface): Promise<AdaptiveCard> {
  return renderPartnerFormCard(await partnerFormModel(turn, surface, EMPTY_FORM));
}

/** Adds a submitted partner; answers with its card. */
export function submitPartnerForm(
  turn: Turn,
  raw: unknown,
  surface: CardSurface,
): Promise<FormResult<CardPair>> {
  return submitForm(turn, raw, {
    schema: PartnerFormData,
    people: (d) => d.ownerId,
    toInput: toPartnerInput,
    run: async (input, key) => {
      const view = await turn.core.partners.add(turn.caller, input, key);
      return partnerCards(view, { text: 'Partner added', tone: 'good' });
    },
    inputIdOf: (path) => partnerInputIdOf(path),
    render: async (state, formId) =>
      renderPartnerFormCard(await partnerFormModel(turn, surface, state, formId)),
  });
}

/** A blank action form, optionally with a partner chosen. */
export async function openActionForm(
  turn: Turn,
  surface: CardSurface,
  partnerId?: string,
): Promise<AdaptiveCard> {
  return renderActionFormCard(await actionFormModel(turn, surface, EMPTY_FORM, { partnerId }));
}

/** Creates a submitted action; answers with its card. */
export function submitActionForm(
  turn: Turn,
  raw: unknown,
  surface: CardSurface,
): Promise<FormResult<CardPair>> {
  return submitForm(turn, raw, {
    schema: ActionFormData,
    people: (d) => d.ownerId,
    toInput: toActionInput,
    run: async (input, key) => {
      const view = await turn.core.actions.create(turn.caller, input, key);
      const partner = view.action.partnerId
        ? (await turn.core.partners.view(turn.caller.scope, view.action.partnerId)).partner.name
        : undefined;
      return actionCards(turn, view, partner, { text: 'Action agreed', tone: 'good' });
    },
    inputIdOf: (path) => actionInputIdOf(path),
    render: async (state, formId) =>
      renderActionFormCard(await actionFormModel(turn, surface, state, { formId })),
  });
}

/** A blank agreement form. */
export async function openAgreementForm(turn: Turn, surface: CardSurface): Promise<AdaptiveCard> {
  return renderAgreementFormCard(await agreementFormModel(turn, surface, EMPTY_FORM));
}

/** Proposes a submitted agreement; answers with its card, which asks each party to acknowledge. */
export function submitAgreementForm(
  turn: Turn,
  raw: unknown,
  surface: CardSurface,
): Promise<FormResult<CardPair>> {
  return submitForm(turn, raw, {
    schema: AgreementFormData,
    people: peopleInAgreementForm,
    toInput: toAgreementInput,
    run: async (input, key) => {
      const view = await turn.core.agreements.propose(turn.caller, input, key);
      return agreementCards(turn, view, { text: 'Agreement proposed to every party', tone: 'good' });
    },
    inputIdOf: (path) => agreementInputIdOf(path),
    render: async (state, formId) =>
      renderAgreementFormCard(await agreementFormModel(turn, surface, state, formId)),
  });
}
