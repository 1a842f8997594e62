import type { TenantScope } from '../../core/common/scope';
import type { Person, PersonRef, TeamsUser } from '../../core/people/person';
import { isEntraId } from '../cards/card-data';
import type { PickedPeople } from '../cards/people-choices';
import type { Roster } from './roster';

/** Where picked people are looked up: the caller, the conversation, then colleagues met before. */
export interface PeopleSources {
  readonly me: TeamsUser;
  readonly roster: Roster;
  readonly knownUsers: (scope: TenantScope, aadObjectIds: readonly string[]) => Promise<Person[]>;
  readonly scope: TenantScope;
}

/**
 * Resolves ids a people picker submitted into core's person references: our person ids as they are (core
 * checks they are visible here), Entra ids via the caller, the conversation's members, then people already
 * known in the tenant. Ids that resolve nowhere are left out of the map.
 */
export async function resolvePickedPeople(
  ids: readonly string[],
  from: PeopleSources,
): Promise<PickedPeople> {
  const refs = new Map<string, PersonRef>();
  const pending: string[] = [];
  for (const id of new Set(ids)) {
    if (!isEntraId(id)) refs.set(id, { personId: id });
    else if (id.toLowerCase() === from.me.aadObjectId.toLowerCase()) refs.set(id, { user: from.me });
    else pending.push(id);
  }
  const members = await Promise.all(pending.map((id) => from.roster.member(id)));
  const unknown: string[] = [];
  pending.forEach((id, i) => {
    const user = members[i];
    if (user) refs.set(id, { user });
    else unknown.push(id);
  });
  if (unknown.length) {
    const known = await from.knownUsers(from.scope, unknown);
    for (const id of unknown) {
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
