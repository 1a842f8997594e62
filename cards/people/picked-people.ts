import type { TenantScope } from '../../core/common/scope';
import type { Person, PersonRef, TeamsUser } from '../../core/people/person';
import { isPersonId } from '../card-data';
import { AadObjectId } from '../../core/people/person';
import type { PickedPeople } from '../people-choices';
import type { Roster } from './roster';

/** Where picked people are looked up: the caller, the conversation, then colleagues met before. */
export interface PeopleSources {
  readonly me: TeamsUser;
  /** The caller's Teams user id, which some pickers submit instead of the Entra id. */
  readonly myTeamsUserId?: string;
  readonly roster: Roster;
  readonly knownUsers: (scope: TenantScope, aadObjectIds: readonly string[]) => Promise<Person[]>;
  readonly scope: TenantScope;
}

/**
 * Resolves ids a people picker submitted into core's person references: our person ids as they are (core
 * checks they are visible here); Teams users via the caller, the conversation's members, then (for Entra
 * ids) people already known in the tenant. Ids that resolve nowhere are left out of the map.
 */
export async function resolvePickedPeople(
  ids: readonly string[],
  from: PeopleSources,
): Promise<PickedPeople> {
  const refs = new Map<string, PersonRef>();
  const pending: string[] = [];
  for (const id of new Set(ids)) {
    if (isPersonId(id)) refs.set(id, { personId: id });
    else if (id.toLowerCase() === from.me.aadObjectId.toLowerCase() || id === from.myTeamsUserId)
      refs.set(id, { user: from.me });
    else pending.push(id);
  }
  const members = await Promise.all(pending.map((id) => from.roster.member(id)));
  const unknown: string[] = [];
  pending.forEach((id, i) => {
    const user = members[i];
    if (user) refs.set(id, { user });
    else unknown.push(id);
  });
  const entraIds = unknown.filter((id) => AadObjectId.safeParse(id).success);
  if (entraIds.length) {
    const known = await from.knownUsers(from.scope, entraIds);
    for (const id of entraIds) {
      const person = known.find((p) => p.aadObjectId?.toLowerCase() === id.toLowerCase());
      if (person)
        refs.set(id, {
          user: {
            aadObjectId: id,
            displayName: person.displayName,
            ...(person.email ? { email: person.email } : {}),
          },
        });
    }
  }
  return refs;
}
