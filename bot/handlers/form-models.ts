import type { MeetingInput } from '../../core/meetings/meeting';
import type { ActionFormModel } from '../../cards/action-form-card';
import type { AgreementFormModel } from '../../cards/agreement-form-card';
import type { CardSurface } from '../../cards/card-kit';
import type { FormState } from '../../cards/form-state';
import type { MeetingFormModel } from '../../cards/meeting-form-card';
import type { PartnerFormModel } from '../../cards/partner-form-card';
import { pickerChoices, type PersonChoice } from '../../cards/people-choices';
import { searchScopeOf, type Turn } from '../turn';

/** Colleagues a picker offers up front, besides the caller; Teams' search finds the rest. */
const ROSTER_CHOICES = 8;
/** Colleagues each action-owner picker offers (the meeting form has six of them). */
const OWNER_CHOICES = 6;
/** Partner contacts the attendees picker offers. */
const CONTACT_CHOICES = 12;
/** Partners a picker lists before anyone types; typing searches them all. */
const PARTNER_CHOICES = 15;
/** Agreements the meeting form offers to link. */
const AGREEMENT_CHOICES = 10;

/** The caller, then the conversation's members, as picker choices. */
async function colleagueChoices(turn: Turn): Promise<PersonChoice[]> {
  const me = turn.caller.user;
  const members = turn.place.kind === 'personal' ? [] : await turn.roster.members(ROSTER_CHOICES);
  return [me, ...members].map((u) => ({ title: u.displayName, value: u.aadObjectId }));
}

/** The first active partners of the space, A to Z, with their contacts as picker choices. */
async function partnersAndContacts(turn: Turn) {
  const page = await turn.core.partners.list(
    turn.caller.scope,
    { status: 'active' },
    { limit: PARTNER_CHOICES },
  );
  const partners = page.items.map((p) => ({ id: p.id, name: p.name }));
  const contacts: PersonChoice[] = page.items.flatMap((p) =>
    p.contacts.flatMap((c) => {
      const person = page.people[c.personId];
      return person ? [{ title: `${person.displayName} (${p.name})`, value: person.id }] : [];
    }),
  );
  return { partners, contacts };
}

/** The meeting form's model: partners, open agreements and people of this conversation. */
export async function meetingFormModel(
  turn: Turn,
  surface: CardSurface,
  state: FormState,
  options: {
    formId?: string;
    draft?: Partial<MeetingInput>;
    people?: readonly PersonChoice[];
    /** Owners the draft's actions name, offered first by the owner pickers. */
    owners?: readonly PersonChoice[];
  } = {},
): Promise<MeetingFormModel> {
  const [{ partners, contacts }, colleagues, agreements] = await Promise.all([
    partnersAndContacts(turn),
    colleagueChoices(turn),
    turn.core.agreements.list(
      turn.caller.scope,
      { statuses: ['proposed', 'agreed'] },
      { limit: AGREEMENT_CHOICES },
    ),
  ]);
  return {
    surface,
    formId: options.formId ?? turn.newFormId(),
    timeZone: turn.timeZone,
    now: turn.now,
    partners,
    agreements: agreements.items.map((a) => ({ id: a.id, title: a.title })),
    people: pickerChoices([options.people ?? [], colleagues, contacts.slice(0, CONTACT_CHOICES)]),
    owners: pickerChoices([options.owners ?? [], colleagues], OWNER_CHOICES),
    me: turn.caller.user.aadObjectId,
    searchScope: searchScopeOf(turn),
    draft: options.draft,
    state,
  };
}

/** The partner form's model. */
export async function partnerFormModel(
  turn: Turn,
  surface: CardSurface,
  state: FormState,
  formId?: string,
): Promise<PartnerFormModel> {
  return {
    surface,
    formId: formId ?? turn.newFormId(),
    people: pickerChoices([await colleagueChoices(turn)]),
    me: turn.caller.user.aadObjectId,
    searchScope: searchScopeOf(turn),
    state,
  };
}

/** The action form's model. */
export async function actionFormModel(
  turn: Turn,
  surface: CardSurface,
  state: FormState,
  options: { formId?: string; partnerId?: string } = {},
): Promise<ActionFormModel> {
  const [{ partners, contacts }, colleagues] = await Promise.all([
    partnersAndContacts(turn),
    colleagueChoices(turn),
  ]);
  return {
    surface,
    formId: options.formId ?? turn.newFormId(),
    partners,
    partnerId: options.partnerId,
    people: pickerChoices([colleagues, contacts.slice(0, CONTACT_CHOICES)]),
    me: turn.caller.user.aadObjectId,
    searchScope: searchScopeOf(turn),
    today: turn.today,
    state,
  };
}

/** The agreement form's model. Representatives acknowledge in Teams, so only colleagues are offered. */
export async function agreementFormModel(
  turn: Turn,
  surface: CardSurface,
  state: FormState,
  formId?: string,
): Promise<AgreementFormModel> {
  const [{ partners }, colleagues] = await Promise.all([partnersAndContacts(turn), colleagueChoices(turn)]);
  return {
    surface,
    formId: formId ?? turn.newFormId(),
    partners,
    people: pickerChoices([colleagues]),
    searchScope: searchScopeOf(turn),
    today: turn.today,
    state,
  };
}
