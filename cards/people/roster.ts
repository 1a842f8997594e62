import type { TeamsUser } from '../../core/people/person';

/** The members of the conversation a turn happens in, as Teams' connector reports them. */
export interface Roster {
  /** Up to `max` members, for people pickers to offer before anyone types. */
  members(max: number): Promise<TeamsUser[]>;
  /** One member by Entra object id; undefined when they are not in the conversation. */
  member(aadObjectId: string): Promise<TeamsUser | undefined>;
}
