import type { UserDirectory } from '../../../core/people/user-directory';
import type { Caller } from '../../../core/common/caller';
import type { Core } from '../../../core/core';
import type { FieldIssue } from '../../../core/errors';
import type { TeamsUser } from '../../../core/people/person';
import type { AdaptiveCard } from '../../../cards/card-kit';

/** What a form needs to offer choices: the space's partners and people, and who is filling it in. */
export interface FormContext {
  readonly me: TeamsUser;
  readonly partners: readonly { readonly id: string; readonly name: string }[];
  /** People the form may name (colleagues and partner contacts), by id. */
  readonly people: readonly {
    readonly id: string;
    readonly kind: 'user' | 'contact';
    readonly displayName: string;
    readonly note?: string;
  }[];
  /** Agreements a meeting may be linked to. */
  readonly agreements: readonly { readonly id: string; readonly title: string }[];
  /** The user's IANA time zone (the page's), and the time now: defaults and "overdue" are measured in it. */
  readonly timeZone: string;
  readonly now: Date;
  /** Values to start with, e.g. the partner whose page the form was opened from. */
  readonly preset: Readonly<Record<string, string>>;
}

/** What a submitted form produced: the record and the card that replaces the form. */
export interface FormResult {
  readonly record: unknown;
  readonly card: AdaptiveCard;
}

/**
 * One Adaptive Card form that logs something, shared by the bot and the tab: the same card, the same data,
 * the same use case. An invalid submit renders the form again with the user's values and the errors.
 */
export interface CardForm {
  /** The `:kind` in `/api/v1/forms/:kind`. */
  readonly kind: string;
  /** The form, empty or with `values` and the `issues` to fix. */
  render(
    context: FormContext,
    values?: Readonly<Record<string, unknown>>,
    issues?: readonly FieldIssue[],
  ): AdaptiveCard;
  /** Parses the card's data and runs the use case; throws ValidationError with the card's input ids as paths. */
  submit(
    core: Core,
    caller: Caller,
    data: unknown,
    idempotencyKey: string | undefined,
    time: Pick<FormContext, 'timeZone' | 'now'>,
    /** The directory as the caller sees it, for naming picks the app's own directory cannot. */
    callersDirectory?: UserDirectory,
  ): Promise<FormResult>;
}
