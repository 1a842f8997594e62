import { z } from 'zod';
import { MAX_TYPED_NAME, NAMING_RECORDS, type NamingRecord } from '../core/people/pending-person-naming';
import type { PeopleIndex } from '../core/people/people-resolver';
import { CardRecordId } from './card-data';
import { actionSet, clip, container, text, toggle, verbAction, type CardElement } from './card-kit';
import { textField } from './form-inputs';

/** Saves the name someone typed for a pending person, and answers with the card they typed it on. */
export const NAME_PERSON_VERB = 'person.name';

/** The `data` of a "Save name" button: whom it names, and the card (record) it is on. */
export const NamePersonData = z.looseObject({
  personId: CardRecordId,
  card: z.enum(NAMING_RECORDS, { error: 'This button belongs to no known card; reload it' }),
  recordId: CardRecordId,
});

/** The input a pending person's name is typed in: one per person, as a card's input ids must differ. */
export function typedNameInputId(personId: string): string {
  return `typedName-${personId}`;
}

/** A card that offers to name its pending people: set by the bot; the tab's read-only cards leave it out. */
export interface NamingOffer {
  /** A name just refused: whose, what was typed, and why. That person's box is shown open with it. */
  readonly refused?: { readonly personId: string; readonly value: string; readonly error: string };
}

/** Pending people one card offers to name (each adds an input and two buttons). */
const MAX_OFFERED = 3;
/** Longest stand-in name a button title shows. */
const MAX_TITLE_NAME = 40;

/**
 * "Name this person" for each pending person a card shows (at most three): a button that opens a box where a
 * colleague types the name they know them by, and "Save name". A name Teams or the directory gives later replaces
 * the typed one, and the words say so. People named by Teams get nothing.
 */
export function pendingNaming(
  people: PeopleIndex,
  ids: readonly (string | undefined)[],
  on: { readonly card: NamingRecord; readonly recordId: string },
  offer: NamingOffer | undefined,
): CardElement[] {
  if (!offer) return [];
  const pending = [...new Set(ids)]
    .flatMap((id) => {
      const person = id === undefined ? undefined : people[id];
      return person?.pending ? [person] : [];
    })
    .slice(0, MAX_OFFERED);
  return pending.map((person) => {
    const inputId = typedNameInputId(person.id);
    const boxId = `naming-${person.id}`;
    const refused = offer.refused?.personId === person.id ? offer.refused : undefined;
    const shown = clip(person.displayName, MAX_TITLE_NAME);
    const state = {
      values: refused ? { [inputId]: refused.value } : {},
      errors: refused ? { [inputId]: refused.error } : {},
      general: [],
    };
    return container(
      [
        actionSet([toggle(person.nameTypedBy ? `Correct ${shown}’s name` : `Name ${shown}`, [boxId])], {
          spacing: 'None',
        }),
        container(
          [
            text(
              person.nameTypedBy
                ? 'Someone here typed this name. When this person first uses Partner CRM, the name Teams gives replaces it.'
                : 'Teams has not told us who this is yet. Type the name colleagues know them by; when they first use Partner CRM, the name Teams gives replaces it.',
              { size: 'Small', isSubtle: true },
            ),
            ...textField(state, {
              id: inputId,
              label: 'Their name',
              max: MAX_TYPED_NAME,
              placeholder: 'For example Priya Shah',
              initial: person.nameTypedBy ? person.displayName : undefined,
            }),
            actionSet(
              [
                verbAction('message', 'Save name', NAME_PERSON_VERB, {
                  personId: person.id,
                  card: on.card,
                  recordId: on.recordId,
                }),
              ],
              { spacing: 'Small' },
            ),
          ],
          { id: boxId, ...(refused ? {} : { isVisible: false }), spacing: 'Small' },
        ),
      ],
      { separator: true, spacing: 'Small' },
    );
  });
}
