import { clip, text, type CardElement } from './card-kit';
import { submitted, type FormState } from './form-state';

/** What every input of a form has. */
interface FieldSpec {
  readonly id: string;
  readonly label: string;
  readonly required?: boolean;
  /** Shown by the client when its own checks fail; mirrors the server's message. */
  readonly errorMessage?: string;
  readonly placeholder?: string;
  /** The value shown before anyone typed. */
  readonly initial?: string;
  readonly hidden?: boolean;
}

/**
 * An input followed by the server's message for it, if any. Client-side checks (`isRequired`, `maxLength`,
 * `regex`) mirror the server's zod rules, so most mistakes are caught before a round trip.
 */
function field(
  state: FormState,
  spec: FieldSpec,
  input: Record<string, unknown>,
  value: string | number | undefined = submitted(state, spec.id) ?? spec.initial,
): CardElement[] {
  const error = state.errors[spec.id];
  const element: CardElement = {
    ...input,
    id: spec.id,
    label: spec.label,
    ...(spec.required ? { isRequired: true } : {}),
    ...(spec.errorMessage ? { errorMessage: spec.errorMessage } : {}),
    ...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
    ...(value !== undefined && value !== '' ? { value } : {}),
    ...(spec.hidden ? { isVisible: false } : {}),
    type: String(input.type),
  };
  const message = error ? [text(error, { color: 'attention', size: 'Small', spacing: 'None' })] : [];
  return [element, ...message];
}

/** A text input; `max` is the same limit the server enforces. */
export function textField(
  state: FormState,
  spec: FieldSpec & { max: number; multiline?: boolean; regex?: string },
): CardElement[] {
  const value = submitted(state, spec.id) ?? spec.initial;
  return field(
    state,
    spec,
    {
      type: 'Input.Text',
      maxLength: spec.max,
      ...(spec.multiline ? { isMultiline: true } : {}),
      ...(spec.regex ? { regex: spec.regex } : {}),
    },
    // A longer value is shown cut to the limit: the card must stay within Teams' size limits.
    value === undefined ? undefined : [...value].slice(0, spec.max).join(''),
  );
}

/** A calendar date input (`YYYY-MM-DD`). */
export function dateField(state: FormState, spec: FieldSpec): CardElement[] {
  return field(state, spec, { type: 'Input.Date' });
}

/** A wall-clock time input (`HH:mm`). */
export function timeField(state: FormState, spec: FieldSpec): CardElement[] {
  return field(state, spec, { type: 'Input.Time' });
}

/** A whole-number input. */
export function numberField(state: FormState, spec: FieldSpec & { min: number; max: number }): CardElement[] {
  const value = submitted(state, spec.id) ?? spec.initial;
  const numeric =
    value !== undefined && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : undefined;
  return field(state, spec, { type: 'Input.Number', min: spec.min, max: spec.max }, numeric);
}

/** A yes/no toggle; its value is `true` or `false`. */
export function toggleField(state: FormState, spec: FieldSpec & { title: string }): CardElement[] {
  return field(
    state,
    { ...spec, initial: spec.initial ?? 'false' },
    {
      type: 'Input.Toggle',
      title: spec.title,
      valueOn: 'true',
      valueOff: 'false',
    },
  );
}

/** Longest choice title a card shows: long names would make every picker, and so the card, heavy. */
export const MAX_CHOICE_TITLE = 40;

/** Choice JSON with titles cut to {@link MAX_CHOICE_TITLE}. */
function choiceList(choices: readonly { title: string; value: string }[]) {
  return choices.map((c) => ({ title: clip(c.title, MAX_CHOICE_TITLE), value: c.value }));
}

/**
 * A choice from options (a drop-down unless `expanded`); multi-select values are comma-separated. With
 * `searchDataset`, Teams also asks the bot for matches as someone types (`application/search`), so the card
 * lists only the first few options.
 */
export function choiceField(
  state: FormState,
  spec: FieldSpec & {
    choices: readonly { title: string; value: string }[];
    multiSelect?: boolean;
    expanded?: boolean;
    searchDataset?: string;
  },
): CardElement[] {
  return field(state, spec, {
    type: 'Input.ChoiceSet',
    choices: choiceList(spec.choices),
    ...(spec.searchDataset ? { 'choices.data': { type: 'Data.Query', dataset: spec.searchDataset } } : {}),
    style: spec.expanded ? 'expanded' : 'compact',
    ...(spec.multiSelect ? { isMultiSelect: true } : {}),
  });
}

/**
 * The Teams people picker: searches the conversation's members (or the organisation in personal chat) as
 * someone types, and also offers `known` people (colleagues met before, a partner's contacts). Submits
 * comma-separated ids: Entra object ids for colleagues, our person ids for known people.
 */
export function peopleField(
  state: FormState,
  spec: FieldSpec & {
    known: readonly { title: string; value: string }[];
    multiSelect?: boolean;
    searchScope: 'conversation' | 'organisation';
  },
): CardElement[] {
  const dataset =
    spec.searchScope === 'conversation'
      ? 'graph.microsoft.com/users?scope=currentContext'
      : 'graph.microsoft.com/users';
  return field(state, spec, {
    type: 'Input.ChoiceSet',
    choices: choiceList(spec.known),
    'choices.data': { type: 'Data.Query', dataset },
    ...(spec.multiSelect ? { isMultiSelect: true } : {}),
  });
}
