import {
  AgreementFormData,
  agreementInputIdOf,
  peopleInAgreementForm,
  renderAgreementFormCard,
  toAgreementInput,
} from '../../../cards/agreement-form-card';
import { renderAgreementCard } from '../../../cards/agreement-card';
import { botCardForm, peopleChoices, todayIn } from './bot-card-form';

/** The bot's conflict-priority agreement form in the tab. */
export const agreementForm = botCardForm({
  kind: 'agreement',
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
  run: (core, caller, input, key) => core.agreements.propose(caller, input, key),
  result: (view, time) => renderAgreementCard({ view, timeZone: time.timeZone }),
});
