import { z } from 'zod';
import { ActionInput } from '../../../core/actions/agreed-action';
import { parseInput } from '../../../core/common/parse';
import type { FieldIssue } from '../../../core/errors';
import { card, fieldError } from '../cards/adaptive-card';
import { renderRecordCard } from '../cards/card-renderers';
import type { CardForm, FormContext } from './card-form';

/** The verb of the form's submit button, as the bot's invoke handler would route it. */
export const CREATE_ACTION_VERB = 'action.create';

/** The data the card submits: its input ids. `owner` is `me` or a person id. */
export const ActionCardData = z.object({
  title: z.string().optional(),
  owner: z.string().max(64).optional(),
  dueDate: z.string().optional(),
  partnerId: z.string().max(64).optional(),
});

/**
 * INTERIM: the "new agreed action" form, until the bot's `bot/cards` form of the same kind is merged (see
 * `forms.ts`). Small on purpose: it proves the tab's card seam end to end.
 */
export const actionForm: CardForm = {
  kind: 'action',

  render(context: FormContext, values = {}, issues: readonly FieldIssue[] = []) {
    const value = (id: string) => {
      const v = values[id] ?? context.preset[id];
      return typeof v === 'string' ? v : undefined;
    };
    const errors = (id: string) =>
      issues
        .filter((i) => i.path === id || i.path.startsWith(`${id}.`))
        .map((i) => fieldError(id, i.message));
    return card(
      [
        { type: 'TextBlock', text: 'New agreed action', weight: 'Bolder', size: 'Medium', wrap: true },
        ...issues.filter((i) => i.path === '').map((i) => fieldError('form', i.message)),
        {
          type: 'Input.Text',
          id: 'title',
          label: 'What will be done',
          isRequired: true,
          errorMessage: 'Say what will be done',
          maxLength: 300,
          value: value('title'),
        },
        ...errors('title'),
        {
          type: 'Input.ChoiceSet',
          id: 'owner',
          label: 'Owner',
          isRequired: true,
          errorMessage: 'Choose who owns it',
          style: 'compact',
          value: value('owner') ?? 'me',
          choices: [
            { title: `${context.me.displayName} (me)`, value: 'me' },
            ...context.people.map((p) => ({
              title: p.note ? `${p.displayName} (${p.note})` : p.displayName,
              value: p.id,
            })),
          ],
        },
        ...errors('owner'),
        {
          type: 'Input.Date',
          id: 'dueDate',
          label: 'Due date',
          isRequired: true,
          errorMessage: 'Choose a due date',
          value: value('dueDate'),
        },
        ...errors('dueDate'),
        {
          type: 'Input.ChoiceSet',
          id: 'partnerId',
          label: 'Partner',
          style: 'compact',
          placeholder: 'No partner',
          value: value('partnerId'),
          choices: context.partners.map((p) => ({ title: p.name, value: p.id })),
        },
        ...errors('partnerId'),
      ],
      [{ type: 'Action.Execute', verb: CREATE_ACTION_VERB, title: 'Save action', data: { kind: 'action' } }],
    );
  },

  async submit(core, caller, data, idempotencyKey) {
    const fields = parseInput(ActionCardData, data);
    const input = parseInput(ActionInput, {
      title: fields.title ?? '',
      owner: !fields.owner || fields.owner === 'me' ? { user: caller.user } : { personId: fields.owner },
      dueDate: fields.dueDate ?? '',
      partnerId: fields.partnerId || undefined,
    });
    const { changed: _changed, ...view } = await core.actions.create(caller, input, idempotencyKey);
    return { record: view, card: renderRecordCard.action(view) };
  },
};
