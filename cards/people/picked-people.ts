import type { TenantScope } from '../../core/common/scope';
import type { PickContext } from '../../core/people/people-directory';
import type { PersonRef, TeamsUser } from '../../core/people/person';
import { isPersonId } from '../card-data';
import type { PickedPeople } from '../people-choices';
import type { Roster } from './roster';

/** Where picked people are looked up: the caller, then the conversation, known people, the directory. */
export interface PeopleSources {
  readonly me: TeamsUser;
  /** The caller's Teams user id, which some pickers submit instead of the Entra id. */
  readonly myTeamsUserId?: string;
  readonly roster: Roster;
  /** Core's lookup of everyone else (`core.people.identify`). */
  readonly identify: (
    scope: TenantScope,
    ids: readonly string[],
    context: PickContext,
  ) => Promise<Map<string, PersonRef>>;
  readonly scope: TenantScope;
  /** The directory as the caller sees it (Graph on their behalf), when the tab's sign-in allows it. */
  readonly callersDirectory?: PickContext['callersDirectory'];
}

/**
 * Resolves ids a people picker submitted into core's person references: our person ids as they are (core
 * checks they are visible here), the caller as themselves, and everyone else through core (the conversation's
 * roster, people known in the tenant, the directory, else a pending person). Only ids that cannot be anyone's
 * are left out of the map.
 */
export async function resolvePickedPeople(
  ids: readonly string[],
  from: PeopleSources,
): Promise<PickedPeople> {
  const refs = new Map<string, PersonRef>();
  const others: string[] = [];
  for (const id of new Set(ids)) {
    if (isPersonId(id)) refs.set(id, { personId: id });
    else if (id.toLowerCase() === from.me.aadObjectId.toLowerCase() || id === from.myTeamsUserId)
      refs.set(id, { user: from.me });
    else others.push(id);
  }
  if (others.length === 0) return refs;
  const found = await from.identify(from.scope, others, {
    rosterMember: (id) => from.roster.member(id),
    callersDirectory: from.callersDirectory,
  });
  for (const [id, ref] of found) refs.set(id, ref);
  return refs;
}
