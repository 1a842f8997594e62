import type { PeopleIndex } from '../core/people/people-resolver';
import { clip } from './card-kit';

/** Longest name a card shows. */
const MAX_NAME = 60;

/** A person's name from an index, or a neutral stand-in when they were erased or are not visible here. */
export function nameOf(people: PeopleIndex, id: string | undefined): string {
  if (id === undefined) return 'Nobody';
  return clip(people[id]?.displayName ?? 'Someone no longer listed', MAX_NAME);
}

/** Longest job title a card shows beside a name. */
const MAX_ROLE = 60;

/** A name with the job title the directory gives (Microsoft Graph), when known: "Alex Wilber (Team Leader)". */
export function nameWithRoleOf(people: PeopleIndex, id: string | undefined): string {
  const role = id === undefined ? undefined : people[id]?.jobTitle;
  return role ? `${nameOf(people, id)} (${clip(role, MAX_ROLE)})` : nameOf(people, id);
}

/** Names (with job titles when `withRoles`) joined for a sentence, at most `max` of them then "and N more". */
export function namesOf(
  people: PeopleIndex,
  ids: readonly string[],
  max = 8,
  options: { withRoles?: boolean } = {},
): string {
  const names = ids.slice(0, max).map((id) => (options.withRoles ? nameWithRoleOf : nameOf)(people, id));
  const rest = ids.length - names.length;
  return rest > 0 ? `${names.join(', ')} and ${rest} more` : names.join(', ');
}
