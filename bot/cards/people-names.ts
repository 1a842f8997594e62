import type { PeopleIndex } from '../../core/people/people-resolver';
import { clip } from './card-kit';

/** Longest name a card shows. */
const MAX_NAME = 60;

/** A person's name from an index, or a neutral stand-in when they were erased or are not visible here. */
export function nameOf(people: PeopleIndex, id: string | undefined): string {
  if (id === undefined) return 'Nobody';
  return clip(people[id]?.displayName ?? 'Someone no longer listed', MAX_NAME);
}

/** Names joined for a sentence, at most `max` of them then "and N more". */
export function namesOf(people: PeopleIndex, ids: readonly string[], max = 8): string {
  const names = ids.slice(0, max).map((id) => nameOf(people, id));
  const rest = ids.length - names.length;
  return rest > 0 ? `${names.join(', ')} and ${rest} more` : names.join(', ');
}
