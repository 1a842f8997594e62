import { parseInput } from '../../core/common/parse';
import { ValidationError } from '../../core/errors';
import type { NamingRecord } from '../../core/people/pending-person-naming';
import { NamePersonData, typedNameInputId, type NamingOffer } from '../../cards/pending-naming';
import type { Turn } from '../turn';
import { actionCards, meetingCards, partnerCards, type CardPair, type Notice } from './record-cards';
import type { VerbOutcome } from './verb-outcome';

/**
 * "Save name" under a pending person on a partner, action or meeting card: the typed name is stored (core
 * checks the person is one that record names) and the card comes back showing it, for everyone in the chat. A
 * name refused (blank, too long) comes back to the presser only, in the box it was typed in, with the reason.
 */
export async function namePendingPerson(turn: Turn, raw: unknown): Promise<VerbOutcome> {
  const data = parseInput(NamePersonData, raw);
  const typed = (raw as Record<string, unknown>)[typedNameInputId(data.personId)];
  const on = { type: data.card, id: data.recordId };
  try {
    const { person, changed } = await turn.core.naming.name(turn.caller, {
      personId: data.personId,
      displayName: typeof typed === 'string' ? typed : '',
      on,
    });
    const notice: Notice = {
      text: !person.pending
        ? `Teams already knows this person as ${person.displayName}`
        : changed
          ? `Saved: shown as ${person.displayName} until Teams names them`
          : `Already shown as ${person.displayName}`,
      tone: 'good',
    };
    const pair = await cardsOf(turn, on, notice, {});
    return changed ? { card: pair.mine, shared: pair.shared } : { card: pair.mine };
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const refused = {
      personId: data.personId,
      value: typeof typed === 'string' ? typed : '',
      error: err.issues[0]?.message ?? 'Check the name',
    };
    return { card: (await cardsOf(turn, on, undefined, { refused })).mine };
  }
}

/** The cards of the record a name was typed on. */
async function cardsOf(
  turn: Turn,
  on: { type: NamingRecord; id: string },
  notice: Notice | undefined,
  naming: NamingOffer,
): Promise<CardPair> {
  const { core, caller } = turn;
  switch (on.type) {
    case 'partner':
      return partnerCards(await core.partners.view(caller.scope, on.id), notice, naming);
    case 'action': {
      const view = await core.actions.view(caller.scope, on.id);
      const partnerName = view.action.partnerId
        ? (await core.partners.view(caller.scope, view.action.partnerId)).partner.name
        : undefined;
      return actionCards(turn, view, partnerName, notice, naming);
    }
    case 'meeting':
      return meetingCards(turn, await core.meetings.view(caller.scope, on.id), notice, naming);
  }
}
