import { actionForm } from './action-form';
import type { CardForm } from './card-form';

/**
 * The Adaptive Card forms the tab can show, by kind. MERGE: add the bot's `bot/cards/` forms for `meeting` and
 * `agreement` here (and replace the interim `action` form) through adapters to {@link CardForm}.
 */
export const CARD_FORMS: readonly CardForm[] = [actionForm];
