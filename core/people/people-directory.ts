import type { TenantScope } from '../common/scope';
import type { Store } from '../ports';
import type { Person } from './person';

/** Most people one lookup resolves (a card's people picker holds about this many). */
export const MAX_LOOKUP = 60;

/** Looks up colleagues the product has already met. */
export class PeopleDirectory {
  constructor(private readonly deps: { store: Store }) {}

  /** The known Teams users of the tenant with these Entra object ids; unknown ids are simply absent. */
  async knownUsers(scope: TenantScope, aadObjectIds: readonly string[]): Promise<Person[]> {
    const wanted = [...new Set(aadObjectIds.map((id) => id.toLowerCase()))].slice(0, MAX_LOOKUP);
    const found = await Promise.all(
      wanted.map((id) => this.deps.store.read.people.findByAadObjectId(scope, id)),
    );
    return found.filter((p): p is Person => p !== undefined);
  }
}
