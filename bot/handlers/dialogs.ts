import { z } from 'zod';
import { parseInput } from '../../core/common/parse';
import { ValidationError } from '../../core/errors';
import type { AdaptiveCard } from '../../cards/card-kit';
import { ACTION_DIALOG_VERB, MEETING_DIALOG_VERB, PartnerDialogData } from '../../cards/partner-card';
import type { Turn } from '../turn';
import { openActionForm, openMeetingForm } from './forms';
import { FORM_VERBS } from './verbs';

/** A dialog (task module) answer: show a card, show a message, or close. */
export type DialogAnswer =
  | { readonly kind: 'card'; readonly title: string; readonly card: AdaptiveCard }
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'close' };

/** What a dialog submit came to; `post` is a card for the conversation when a record was stored. */
export interface DialogSubmitOutcome {
  readonly answer: DialogAnswer;
  readonly post?: AdaptiveCard;
}

const DialogVerb = z.looseObject({ verb: z.string({ error: 'This button opens no known dialog' }).max(64) });

/** Opens the dialog a card button asked for (`task/fetch`): the meeting or action form for a partner. */
export async function openDialog(turn: Turn, data: unknown): Promise<DialogAnswer> {
  const { verb } = parseInput(DialogVerb, data);
  const { partnerId } = parseInput(PartnerDialogData, data);
  if (partnerId !== undefined) await turn.core.partners.view(turn.caller.scope, partnerId);
  if (verb === MEETING_DIALOG_VERB)
    return {
      kind: 'card',
      title: 'Log a partner meeting',
      card: await openMeetingForm(turn, 'dialog', partnerId ? { partnerIds: [partnerId] } : undefined),
    };
  if (verb === ACTION_DIALOG_VERB)
    return { kind: 'card', title: 'Agree an action', card: await openActionForm(turn, 'dialog', partnerId) };
  throw ValidationError.of('verb', 'This button opens no known dialog; reload the card');
}

/**
 * Submits a form from a dialog (`task/submit`): stored records close the dialog and leave their card in the
 * conversation; refused ones keep the dialog open with the problems shown.
 */
export async function submitDialog(turn: Turn, data: unknown, title: string): Promise<DialogSubmitOutcome> {
  const { verb } = parseInput(DialogVerb, data);
  const submit = Object.hasOwn(FORM_VERBS, verb) ? FORM_VERBS[verb] : undefined;
  if (!submit) throw ValidationError.of('verb', 'This dialog submitted no known form; open it again');
  const result = await submit(turn, data, 'dialog');
  if (!result.ok) return { answer: { kind: 'card', title, card: result.form } };
  return { answer: { kind: 'close' }, post: result.result.shared() };
}
