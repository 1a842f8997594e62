import { actionForm } from './action-form';
import { agreementForm } from './agreement-form';
import type { CardForm } from './card-form';
import { meetingActionForm, meetingAgreementForm } from './meeting-capture-forms';
import { meetingForm } from './meeting-form';

/** The Adaptive Card forms the tab shows, by kind: the bot's own forms, so a record made in either is the same. */
export const CARD_FORMS: readonly CardForm[] = [
  meetingForm,
  actionForm,
  agreementForm,
  meetingActionForm,
  meetingAgreementForm,
];
