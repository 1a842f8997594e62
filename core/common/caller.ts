import type { TeamsUser } from '../people/person';
import type { Scope } from './scope';

/** Who is calling, and in which tenant and space: what every write use case needs to know first. */
export interface Caller {
  readonly scope: Scope;
  readonly user: TeamsUser;
}
