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
 * An input showing `value` (each kind of input decides how much of what was typed it shows again), followed by
 * the server's message for it, if any. Client-side checks (`isRequired`, `maxLength`, `regex`) mirror the
 * server's zod rules, so most mistakes are caught before a round trip.
 */
function field(
  state: FormState,
  spec: FieldSpec,
  input: Record<string, unknown>,
  value: string | number | undefined,
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
  return field(
    state,
    spec,
    {
      type: 'Input.Text',
      maxLength: spec.max,
      ...(spec.multiline ? { isMultiline: true } : {}),
      ...(spec.regex ? { regex: spec.regex } : {}),
    },
    shownAgain(state, spec, spec.max),
  );
}

/**
 * What was typed, shown again at most `max` characters long. A refused submit comes back with its values, but
 * an input never shows more than its kind can hold, so the card stays within Teams' size limits whatever was
 * sent (a renderer that did not cut a value would fail the turn, not the sender).
 */
function shownAgain(state: FormState, spec: FieldSpec, max: number): string | undefined {
  const value = submitted(state, spec.id) ?? spec.initial;
  return value === undefined ? undefined : [...value].slice(0, max).join('');
}

/** Characters of a date (`YYYY-MM-DD`) and a time (`HH:mm`). */
const DATE_LENGTH = 10;
const TIME_LENGTH = 5;
/** Longest choice value shown again: room for a few dozen comma-separated ids of a multi-select picker. */
export const MAX_CHOICE_VALUE = 2_000;

/** A calendar date input (`YYYY-MM-DD`). */
export function dateField(state: FormState, spec: FieldSpec): CardElement[] {
  return field(state, spec, { type: 'Input.Date' }, shownAgain(state, spec, DATE_LENGTH));
}

/** A wall-clock time input (`HH:mm`). */
export function timeField(state: FormState, spec: FieldSpec): CardElement[] {
  return field(state, spec, { type: 'Input.Time' }, shownAgain(state, spec, TIME_LENGTH));
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
  const typed = submitted(state, spec.id);
  return field(
    state,
    spec,
    {
      type: 'Input.Toggle',
      title: spec.title,
      valueOn: 'true',
      valueOff: 'false',
    },
    // A toggle holds nothing but its two values.
    typed === 'true' || typed === 'false' ? typed : (spec.initial ?? 'false'),
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
  return field(
    state,
    spec,
    {
      type: 'Input.ChoiceSet',
      choices: choiceList(spec.choices),
      ...(spec.searchDataset ? { 'choices.data': { type: 'Data.Query', dataset: spec.searchDataset } } : {}),
      style: spec.expanded ? 'expanded' : 'compact',
      ...(spec.multiSelect ? { isMultiSelect: true } : {}),
    },
    shownAgain(state, spec, MAX_CHOICE_VALUE),
  );
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
  return field(
    state,
    spec,
    {
      type: 'Input.ChoiceSet',
      choices: choiceList(spec.known),
      'choices.data': { type: 'Data.Query', dataset },
      ...(spec.multiSelect ? { isMultiSelect: true } : {}),
    },
    shownAgain(state, spec, MAX_CHOICE_VALUE),
  );
}
