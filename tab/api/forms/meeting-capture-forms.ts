import {
  ActionFormData,
  actionInputIdOf,
  renderActionFormCard,
  toActionInput,
} from '../../../cards/action-form-card';
import {
  AgreementFormData,
  agreementInputIdOf,
  peopleInAgreementForm,
  renderAgreementFormCard,
  toAgreementInput,
} from '../../../cards/agreement-form-card';
import { formatDate } from '../../../cards/labels';
import { renderNoticeCard } from '../../../cards/notice-card';
import { nameOf } from '../../../cards/people-names';
import { botCardForm, peopleChoices, todayIn } from './bot-card-form';

/**
 * The bot's action form in a meeting's side panel: the action is captured into the meeting chat's draft (the
 * meeting-end form starts from it) rather than stored, so nothing is a record until the meeting is logged.
 */
export const meetingActionForm = botCardForm({
  kind: 'meeting-action',
  schema: ActionFormData,
  people: (d) => d.ownerId,
  toInput: toActionInput,
  inputIdOf: (path) => actionInputIdOf(path),
  render: (context, state, formId) =>
    renderActionFormCard({
      surface: 'message',
      formId,
      partners: context.partners,
      partnerId: context.preset.partnerId,
      people: peopleChoices(context),
      me: context.me.aadObjectId,
      searchScope: 'conversation',
      today: todayIn(context),
      state,
    }),
  // The form's idempotency key makes a repeated submit capture nothing twice (each capture its own key).
  run: async (core, caller, input, key) => {
    if (input.partnerId)
      await core.meetingCapture.capture(
        caller,
        { kind: 'partner', partnerId: input.partnerId },
        `${key}:partner`,
      );
    const view = await core.meetingCapture.capture(
      caller,
      { kind: 'action', title: input.title, owner: input.owner, dueDate: input.dueDate },
      `${key}:action`,
    );
    return view;
  },
  result: (view) => {
    const last = view.draft?.actions.at(-1);
    return renderNoticeCard(
      last
        ? `Captured for this meeting: ${last.title} (${nameOf(view.people, last.ownerId)}, due ${formatDate(last.dueDate)})`
        : 'Captured for this meeting',
      [],
    );
  },
});

/**
 * The bot's agreement form in a meeting's side panel: the agreement is proposed to its parties at once (they
 * acknowledge it as agreed) and the meeting chat's draft refers to it, so the logged meeting links it.
 */
export const meetingAgreementForm = botCardForm({
  kind: 'meeting-agreement',
  schema: AgreementFormData,
  people: peopleInAgreementForm,
  toInput: toAgreementInput,
  inputIdOf: (path) => agreementInputIdOf(path),
  render: (context, state, formId) =>
    renderAgreementFormCard({
      surface: 'message',
      formId,
      partners: context.partners,
      people: peopleChoices(context, 'user'),
      searchScope: 'conversation',
      today: todayIn(context),
      state,
    }),
  run: async (core, caller, input, key) => {
    const proposed = await core.agreements.propose(caller, input, key);
    await core.meetingCapture.capture(
      caller,
      { kind: 'agreement', agreementId: proposed.agreement.id },
      `${key}:agreement`,
    );
    return proposed;
  },
  result: (view) =>
    renderNoticeCard(`Captured for this meeting and sent to the parties: ${view.agreement.title}`, []),
});
