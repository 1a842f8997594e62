import type { FieldIssue } from '../core/errors';

/** What a form shows besides its defaults: the values someone submitted and what was wrong with them. */
export interface FormState {
  /** Raw submitted values by input id, kept so an invalid submit loses nothing. */
  readonly values: Readonly<Record<string, unknown>>;
  /** One message per input id. */
  readonly errors: Readonly<Record<string, string>>;
  /** Problems that belong to no single input (shown at the top). */
  readonly general: readonly string[];
}

/** A blank form. */
export const EMPTY_FORM: FormState = { values: {}, errors: {}, general: [] };

/**
 * Places field issues on a form: `inputIdOf` maps an issue path (a card input id, or a core input path such as
 * `actions.0.dueDate`) to the input that shows it; issues no input shows become general messages.
 */
export function formWithIssues(
  values: Readonly<Record<string, unknown>>,
  issues: readonly FieldIssue[],
  inputIdOf: (path: string) => string | undefined,
): FormState {
  const errors: Record<string, string> = {};
  const general: string[] = [];
  for (const issue of issues) {
    const id = inputIdOf(issue.path);
    if (id !== undefined && errors[id] === undefined) errors[id] = issue.message;
    // Field names inside the data mean nothing to a user; the messages name the field in words already.
    else if (id === undefined) general.push(issue.message);
  }
  return { values, errors, general };
}

/** The submitted text of an input, if it was text. */
export function submitted(state: FormState, id: string): string | undefined {
  const value = state.values[id];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
