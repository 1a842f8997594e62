import { z } from 'zod';
import type { ActionInput } from '../core/actions/agreed-action';
import {
  adaptiveCard,
  banner,
  heading,
  verbAction,
  type AdaptiveCard,
  type CardElement,
  type CardSurface,
} from './card-kit';
import { dateInput, FormId, idsInput, requiredInput } from './card-data';
import { choiceField, dateField, peopleField, textField } from './form-inputs';
import type { FormState } from './form-state';
import { PARTNER_SEARCH_DATASET } from './meeting-form-card';
import { UNRESOLVED_PERSON, type PersonChoice, type PickedPeople } from './people-choices';

/** The verb that creates the action. */
export const CREATE_ACTION_VERB = 'action.create';

/** Longest action title the card takes (core's limit). */
const MAX_TITLE = 300;

/** What an action form shows. */
export interface ActionFormModel {
  readonly surface: CardSurface;
  readonly formId: string;
  readonly partners: readonly { readonly id: string; readonly name: string }[];
  readonly partnerId?: string;
  readonly people: readonly PersonChoice[];
  readonly me: string;
  readonly searchScope: 'conversation' | 'organisation';
  /** Today in the user's zone: the suggested due date. */
  readonly today: string;
  readonly state: FormState;
}

/** The form for an action agreed outside a logged meeting: what, who and by when. */
export function renderActionFormCard(m: ActionFormModel): AdaptiveCard {
  const s = m.state;
  const body: CardElement[] = [
    ...heading('Agree an action', 'Who does what, by when.'),
    ...(s.general.length ? [banner(s.general.join('\n'))] : []),
    ...textField(s, {
      id: 'title',
      label: 'What',
      max: MAX_TITLE,
      required: true,
      errorMessage: `Say what will be done (at most ${MAX_TITLE} characters)`,
    }),
    ...peopleField(s, {
      id: 'ownerId',
      label: 'Owner',
      required: true,
      errorMessage: 'Choose who does it',
      known: m.people,
      searchScope: m.searchScope,
      initial: m.me,
    }),
    ...dateField(s, {
      id: 'dueDate',
      label: 'Due',
      required: true,
      errorMessage: 'Choose a due date',
      initial: m.today,
    }),
    ...(m.partners.length
      ? choiceField(s, {
          id: 'partnerId',
          label: 'Partner',
          choices: m.partners.map((p) => ({ title: p.name, value: p.id })),
          searchDataset: PARTNER_SEARCH_DATASET,
          initial: m.partnerId,
        })
      : []),
  ];
  return adaptiveCard(body, [
    verbAction(m.surface, 'Agree action', CREATE_ACTION_VERB, { formId: m.formId }, { style: 'positive' }),
  ]);
}

/** The `data` an action form submits. */
export const ActionFormData = z.looseObject({
  formId: FormId,
  title: requiredInput(MAX_TITLE, 'What'),
  ownerId: idsInput('Owner', 1).refine((ids) => ids.length === 1, 'Choose who does it'),
  dueDate: dateInput('Due').refine((d) => d !== undefined, 'Choose a due date'),
  partnerId: idsInput('Partner', 1),
});
/** A parsed action form. */
export type ActionFormData = z.output<typeof ActionFormData>;

/** Turns a parsed form into core's action input. */
export function toActionInput(
  d: ActionFormData,
  people: PickedPeople,
): { input: ActionInput; unresolved: { path: string; message: string }[] } {
  const owner = people.get(d.ownerId[0]!);
  return {
    input: {
      title: d.title ?? '',
      owner: owner ?? { personId: d.ownerId[0]! },
      dueDate: d.dueDate ?? '',
      partnerId: d.partnerId[0],
    },
    unresolved: owner ? [] : [{ path: 'ownerId', message: UNRESOLVED_PERSON }],
  };
}

/** The input that shows an issue (core's `owner` is the card's `ownerId`). */
export function actionInputIdOf(path: string): string | undefined {
  const head = path.split('.')[0]!;
  if (head === 'owner') return 'ownerId';
  return ['title', 'ownerId', 'dueDate', 'partnerId'].includes(head) ? head : undefined;
}
