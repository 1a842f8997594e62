import type { z } from 'zod';
import { toFieldIssues } from '../../core/common/parse';
import { DomainError, ValidationError, type FieldIssue } from '../../core/errors';
import { FormId } from '../../cards/card-data';
import type { AdaptiveCard } from '../../cards/card-kit';
import { formWithIssues, type FormState } from '../../cards/form-state';
import type { PickedPeople } from '../../cards/people-choices';
import { userMessageOf } from '../bot-errors';
import { resolvePickedPeople } from '../../cards/people/picked-people';
import { submitKeyOf, type Turn } from '../turn';

/** What submitting a form came to: the stored record's cards, or the form again with what was wrong. */
export type FormResult<T> =
  { readonly ok: true; readonly result: T } | { readonly ok: false; readonly form: AdaptiveCard };

/** How one form is submitted: its data schema, how it becomes core input, the use case and its re-rendering. */
export interface FormSpec<D, I, R> {
  readonly schema: z.ZodType<D>;
  /** Person ids the form names, for resolving. */
  readonly people?: (data: D) => string[];
  readonly toInput: (data: D, people: PickedPeople) => { input: I; unresolved: FieldIssue[] };
  /** The one use case, given the idempotency key of this form instance. */
  readonly run: (input: I, idempotencyKey: string) => Promise<R>;
  /** The input that shows an issue's path (`data` is there once the card data parsed). */
  readonly inputIdOf: (path: string, data: D | undefined) => string | undefined;
  /** The same form again, with the submitted values and the issues. */
  readonly render: (state: FormState, formId: string) => Promise<AdaptiveCard>;
}

/**
 * Submits a form: parse the card data, resolve the people it names, run one use case with the form's id as
 * idempotency key. Anything refused comes back as the same form with the values kept and the problems shown;
 * nothing is stored then. Errors that are not the user's (bugs, outages) propagate.
 */
export async function submitForm<D, I, R>(
  turn: Turn,
  raw: unknown,
  spec: FormSpec<D, I, R>,
): Promise<FormResult<R>> {
  const values = isRecord(raw) ? raw : {};
  const formIdParse = FormId.safeParse(values.formId);
  // A form re-rendered after a bad id gets a fresh one, so its next submit can be stored.
  const formId = formIdParse.success ? formIdParse.data : turn.newFormId();
  const again = async (issues: readonly FieldIssue[], data: D | undefined): Promise<FormResult<R>> => ({
    ok: false,
    form: await spec.render(
      formWithIssues(values, issues, (p) => spec.inputIdOf(p, data)),
      formId,
    ),
  });

  // Every form schema checks `formId` too, so a form that parses has a usable idempotency key.
  const parsed = spec.schema.safeParse(values);
  if (!parsed.success) return again(toFieldIssues(parsed.error), undefined);
  const data = parsed.data;
  const people = await resolvePickedPeople(spec.people?.(data) ?? [], {
    me: turn.caller.user,
    myTeamsUserId: turn.teamsUserId,
    roster: turn.roster,
    identify: (scope, ids, context) => turn.core.people.identify(scope, ids, context),
    scope: { tenantId: turn.caller.scope.tenantId },
  });
  const { input, unresolved } = spec.toInput(data, people);
  if (unresolved.length) return again(unresolved, data);
  try {
    return { ok: true, result: await spec.run(input, submitKeyOf(turn, formId)) };
  } catch (err) {
    if (err instanceof ValidationError) return again(err.issues, data);
    if (err instanceof DomainError) return again([{ path: '', message: userMessageOf(err) }], data);
    throw err;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
