import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { isPersonId } from '../../../cards/card-data';
import type { AdaptiveCard } from '../../../cards/card-kit';
import { EMPTY_FORM, formWithIssues, type FormState } from '../../../cards/form-state';
import type { PersonChoice, PickedPeople } from '../../../cards/people-choices';
import { wallClockIn } from '../../../cards/local-time';
import { resolvePickedPeople } from '../../../cards/people/picked-people';
import type { Roster } from '../../../cards/people/roster';
import type { Caller } from '../../../core/common/caller';
import { toFieldIssues } from '../../../core/common/parse';
import type { Core } from '../../../core/core';
import { ValidationError, type FieldIssue } from '../../../core/errors';
import type { CardForm, FormContext } from './card-form';

/** A tab has no Teams conversation: picked people are resolved without a roster. */
const NO_ROSTER: Roster = { members: async () => [], member: async () => undefined };

/** How one of the bot's forms is shown and submitted in the tab. */
export interface BotFormSpec<D, I, R> {
  readonly kind: string;
  /** The bot's zod schema of the card's data. */
  readonly schema: z.ZodType<D>;
  /** Person ids the form names, for resolving. */
  readonly people?: (data: D) => string[];
  readonly toInput: (data: D, people: PickedPeople) => { input: I; unresolved: FieldIssue[] };
  /** The card input that shows an issue's path (`data` once the card data parsed). */
  readonly inputIdOf: (path: string, data: D | undefined) => string | undefined;
  /** The bot's form card for this context. */
  readonly render: (context: FormContext, state: FormState, formId: string) => AdaptiveCard;
  /** The one use case. */
  readonly run: (core: Core, caller: Caller, input: I, idempotencyKey: string) => Promise<R>;
  /** The card that replaces the form once saved. */
  readonly result: (record: R, context: Pick<FormContext, 'timeZone' | 'now'>) => AdaptiveCard;
}

/**
 * One of the bot's Adaptive Card forms as a tab form: the very card the bot sends, parsed with the bot's schema,
 * submitted to the same use case, its refusals shown on the same inputs. The form's id (in its data) is the
 * idempotency key unless the request brings one.
 */
export function botCardForm<D, I, R>(spec: BotFormSpec<D, I, R>): CardForm {
  const parse = (values: Readonly<Record<string, unknown>>) => spec.schema.safeParse(values);
  return {
    kind: spec.kind,
    render(context, values, issues = []) {
      if (!values) return spec.render(context, EMPTY_FORM, randomUUID());
      const parsed = parse(values);
      const data = parsed.success ? parsed.data : undefined;
      const formId = typeof values.formId === 'string' && values.formId ? values.formId : randomUUID();
      const state = formWithIssues(values, issues, (p) => spec.inputIdOf(p, data));
      return spec.render(context, state, formId);
    },
    async submit(core, caller, raw, idempotencyKey, time, callersDirectory) {
      const values = (raw ?? {}) as Record<string, unknown>;
      const parsed = parse(values);
      if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error));
      const people = await resolvePickedPeople(spec.people?.(parsed.data) ?? [], {
        me: caller.user,
        roster: NO_ROSTER,
        identify: (scope, ids, context) => core.people.identify(scope, ids, context),
        scope: { tenantId: caller.scope.tenantId },
        callersDirectory,
      });
      const { input, unresolved } = spec.toInput(parsed.data, people);
      if (unresolved.length) throw new ValidationError(unresolved);
      const key = idempotencyKey ?? `tab:${caller.user.aadObjectId}:${String(values.formId)}`;
      const record = await spec.run(core, caller, input, key);
      return { record, card: spec.result(record, time) };
    },
  };
}

/** The caller and the space's people as picker choices: colleagues by Entra id or person id, contacts by person id. */
export function peopleChoices(context: FormContext, only?: 'user'): PersonChoice[] {
  const me: PersonChoice = { title: `${context.me.displayName} (me)`, value: context.me.aadObjectId };
  const others = context.people
    .filter((p) => !only || p.kind === only)
    .map((p) => ({ title: p.note ? `${p.displayName} (${p.note})` : p.displayName, value: p.id }));
  return [me, ...others.filter((c) => isPersonId(c.value))];
}

/** Today's date in the form's time zone. */
export function todayIn(context: Pick<FormContext, 'timeZone' | 'now'>): string {
  return wallClockIn(context.now, context.timeZone).date;
}
