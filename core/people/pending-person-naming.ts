import { z } from 'zod';
import type { Caller } from '../common/caller';
import { parseInput } from '../common/parse';
import type { Scope } from '../common/scope';
import { requiredText } from '../common/text';
import { NotFoundError } from '../errors';
import type { Clock, Ids, Repositories, Store } from '../ports';
import { PeopleResolver } from './people-resolver';
import type { Person } from './person';

/** Longest name someone may type for a pending person. */
export const MAX_TYPED_NAME = 100;

/** The records whose cards offer to name the pending people they show. */
export const NAMING_RECORDS = ['partner', 'action', 'meeting'] as const;
/** A record whose card offers to name the pending people it shows. */
export type NamingRecord = (typeof NAMING_RECORDS)[number];

/** A name typed for a pending person, on the card of a record that names them. */
export const TypedNameInput = z.object({
  personId: z.string().min(1).max(64),
  displayName: requiredText(MAX_TYPED_NAME, 'Name'),
  /** The record whose card the name was typed on: the person must be one it names, in the caller's space. */
  on: z.object({ type: z.enum(NAMING_RECORDS), id: z.string().min(1).max(64) }),
});
/** A name typed for a pending person. */
export type TypedNameInput = z.input<typeof TypedNameInput>;

/** What typing a name came to: the person as now shown, and whether anything changed. */
export interface TypedNameOutcome {
  readonly person: Person;
  /** False when the person already had that name, or Teams or the directory had named them meanwhile. */
  readonly changed: boolean;
}

/**
 * Lets a colleague type the name of a pending person (someone picked before Teams or the directory could name
 * them), so cards and the tab show "Priya Shah" instead of the id that was picked. The person stays pending:
 * when they write to the bot, a roster lists them or the directory names them, that name replaces the typed one,
 * because Teams knows better than a colleague's typing. The name is personal data and lives only in `people`
 * (with who typed it); no record and so no evidence changes, since evidence refers to people by id only.
 */
export class PendingPersonNaming {
  private readonly people: PeopleResolver;

  constructor(private readonly deps: { store: Store; clock: Clock; ids: Ids }) {
    this.people = new PeopleResolver(deps.ids);
  }

  /**
   * Shows a pending person by the typed name. Only people the given record of the caller's space names can be
   * named this way, so a button cannot be aimed at anyone else in the tenant: anything else is not found.
   */
  async name(caller: Caller, input: TypedNameInput): Promise<TypedNameOutcome> {
    const fields = parseInput(TypedNameInput, input);
    const { scope } = caller;
    return this.deps.store.transaction(async (tx) => {
      const now = this.deps.clock.now().toISOString();
      const named = await peopleNamedBy(tx, scope, fields.on.type, fields.on.id);
      const [person] = named.includes(fields.personId)
        ? await tx.people.getMany(scope, [fields.personId])
        : [];
      if (person?.kind !== 'user') throw new NotFoundError('Person', fields.personId);
      if (!person.pending) return { person, changed: false };
      const typist = await this.people.user(tx, scope, caller.user, now);
      const changed = await tx.people.typeName(scope, person.id, fields.displayName, typist.id, now);
      const [after] = await tx.people.getMany(scope, [person.id]);
      return { person: after ?? person, changed };
    });
  }
}

/** The people a record of this space names (its owner, attendees, …); not found when it is not in the space. */
async function peopleNamedBy(
  tx: Repositories,
  scope: Scope,
  type: NamingRecord,
  id: string,
): Promise<string[]> {
  switch (type) {
    case 'partner': {
      const partner = await tx.partners.get(scope, id);
      if (!partner) throw new NotFoundError('Partner', id);
      return [partner.relationshipOwnerId];
    }
    case 'action': {
      const action = await tx.actions.get(scope, id);
      if (!action) throw new NotFoundError('Action', id);
      return [action.ownerId, action.createdBy];
    }
    case 'meeting': {
      const meeting = await tx.meetings.get(scope, id);
      if (!meeting) throw new NotFoundError('Meeting', id);
      const actions = await tx.actions.list(scope, { meetingId: id }, { limit: 100 });
      return [meeting.loggedBy, ...meeting.attendeeIds, ...actions.items.map((a) => a.ownerId)];
    }
  }
}
