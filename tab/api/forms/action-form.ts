import {
  ActionFormData,
  actionInputIdOf,
  renderActionFormCard,
  toActionInput,
} from '../../../cards/action-form-card';
import { renderActionCard } from '../../../cards/action-card';
import { botCardForm, peopleChoices, todayIn } from './bot-card-form';

/** The bot's "new agreed action" form in the tab. */
export const actionForm = botCardForm({
  kind: 'action',
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
  run: async (core, caller, input, key) => {
    const { changed: _changed, ...view } = await core.actions.create(caller, input, key);
    return view;
  },
  result: (view, time) => renderActionCard({ view, today: todayIn(time) }),
});
