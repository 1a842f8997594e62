import { type DomainError, NotFoundError, ValidationError } from '../core/errors';

/** What core's entities and fields are called in messages. */
const THING_NAMES: Readonly<Record<string, string>> = {
  Partner: 'partner',
  Meeting: 'meeting',
  Action: 'action',
  Agreement: 'agreement',
  Party: 'party',
  Contact: 'contact',
  attendees: 'attendee',
  'actions.owner': 'action owner',
  owner: 'owner',
  relationshipOwner: 'relationship owner',
  'parties.representative': 'party representative',
};

/** A domain error in words a Teams user can act on. */
export function userMessageOf(err: DomainError): string {
  if (err instanceof NotFoundError)
    return `That ${THING_NAMES[err.entity] ?? 'record'} was not found here. It may belong to another chat or team, or have been removed.`;
  if (err instanceof ValidationError)
    return `That request was not valid: ${err.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`;
  return err.message;
}

/** An `adaptiveCard/action` invoke answer. */
export interface CardInvokeAnswer {
  readonly statusCode: number;
  readonly type: string;
  readonly value: unknown;
}

/**
 * The invoke answer for a button core refused. Malformed or stale requests (bad data, unknown ids) are errors
 * (400, 404); refusals a user should read (not theirs to change, already done) are messages Teams shows them.
 */
export function invokeRejection(err: DomainError): CardInvokeAnswer {
  const message = userMessageOf(err);
  if (err.code === 'validation' || err.code === 'not_found')
    return {
      statusCode: err.code === 'validation' ? 400 : 404,
      type: 'application/vnd.microsoft.error',
      value: { code: err.code === 'validation' ? 'BadRequest' : 'NotFound', message },
    };
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message };
}
