import type { PersonRef } from '../core/people/person';

/** A person a picker offers without searching: the caller, colleagues in the chat, a partner's contacts. */
export interface PersonChoice {
  readonly title: string;
  /** An Entra object id for colleagues, our person id for partner contacts. */
  readonly value: string;
}

/**
 * What a form says about a picked id that cannot be anyone's: anyone a Teams people picker offers is accepted
 * (named from the roster, known people or the directory, else kept pending), so this means a malformed id.
 */
export const UNRESOLVED_PERSON = 'This is not someone Teams knows: pick the person again from the list';

/** Who each picked id is, as core takes it; ids missing from the map could not be resolved. */
export type PickedPeople = ReadonlyMap<string, PersonRef>;

/** The people a picker shows up front: at most `max`, without duplicates, in the order given. */
export function pickerChoices(groups: readonly (readonly PersonChoice[])[], max = 40): PersonChoice[] {
  const seen = new Set<string>();
  const out: PersonChoice[] = [];
  for (const choice of groups.flat()) {
    const key = choice.value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(choice);
    if (out.length === max) break;
  }
  return out;
}
