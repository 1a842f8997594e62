import { z } from 'zod';
import type { AgreementInput } from '../core/agreements/priority-agreement';
import type { PersonRef } from '../core/people/person';
import {
  adaptiveCard,
  banner,
  heading,
  section,
  text,
  verbAction,
  type AdaptiveCard,
  type CardElement,
  type CardSurface,
} from './card-kit';
import { dateInput, FormId, idsInput, linesInput, requiredInput, textInput } from './card-data';
import { choiceField, dateField, peopleField, textField } from './form-inputs';
import type { FormState } from './form-state';
import { PARTNER_SEARCH_DATASET } from './meeting-form-card';
import { UNRESOLVED_PERSON, type PersonChoice, type PickedPeople } from './people-choices';

/** The verb that proposes the agreement to its parties. */
export const PROPOSE_AGREEMENT_VERB = 'agreement.propose';

/** The card's limits (stricter than core's where the card must stay small). */
export const AGREEMENT_FORM_LIMITS = {
  title: 200,
  party: 120,
  demand: 500,
  description: 1000,
  priorityRule: 1500,
  rationale: 1000,
  escalation: 600,
} as const;
const L = AGREEMENT_FORM_LIMITS;

/** Partner parties the form offers beside our own side. */
const PARTNER_PARTIES = 2;

/** What an agreement form shows. */
export interface AgreementFormModel {
  readonly surface: CardSurface;
  readonly formId: string;
  readonly partners: readonly { readonly id: string; readonly name: string }[];
  readonly people: readonly PersonChoice[];
  readonly searchScope: 'conversation' | 'organisation';
  readonly today: string;
  readonly state: FormState;
}

/**
 * The conflict-priority agreement form: the parties, the internal and external demands that collide, the
 * order work is done in, why, how to escalate and when to review it.
 */
export function renderAgreementFormCard(m: AgreementFormModel): AdaptiveCard {
  const s = m.state;
  const body: CardElement[] = [
    ...heading(
      'Propose a conflict-priority agreement',
      'How work is prioritised when internal and external customers’ demands collide.',
    ),
    ...(s.general.length ? [banner(s.general.join('\n'))] : []),
    ...textField(s, {
      id: 'title',
      label: 'Title',
      max: L.title,
      required: true,
      errorMessage: `Give the agreement a title (at most ${L.title} characters)`,
      placeholder: 'Peak-season priority between returns and new orders',
    }),
    ...partyFields(m),
    ...demandFields(s),
    datesRow(s, m.today),
    text('Each party is asked to acknowledge it once you propose it.', { isSubtle: true, size: 'Small' }),
  ];
  return adaptiveCard(body, [
    verbAction(
      m.surface,
      'Propose agreement',
      PROPOSE_AGREEMENT_VERB,
      { formId: m.formId },
      { style: 'positive' },
    ),
  ]);
}

/** Who is party to it: our side and each partner (PARTNER_PARTIES at most), with who acknowledges for each. */
function partyFields(m: AgreementFormModel): CardElement[] {
  const s = m.state;
  const partnerChoices = m.partners.map((p) => ({ title: p.name, value: p.id }));
  return [
    section('Parties'),
    ...textField(s, {
      id: 'ourParty',
      label: 'Our side',
      max: L.party,
      required: true,
      errorMessage: 'Name your own team',
      initial: 'Our team',
    }),
    ...peopleField(s, {
      id: 'ourRepresentative',
      label: 'Acknowledged for our side by (anyone here if blank)',
      known: m.people,
      searchScope: m.searchScope,
    }),
    ...Array.from({ length: PARTNER_PARTIES }, (_, n) => n + 1).flatMap((i) => [
      ...choiceField(s, {
        id: `partner${i}Id`,
        label: i === 1 ? 'Partner' : 'Another partner (optional)',
        required: i === 1,
        errorMessage: 'Choose the partner this agreement is with',
        choices: partnerChoices,
        searchDataset: PARTNER_SEARCH_DATASET,
      }),
      ...peopleField(s, {
        id: `partner${i}Representative`,
        label: 'Acknowledged for them by (anyone here if blank)',
        known: m.people,
        searchScope: m.searchScope,
      }),
    ]),
  ];
}

/** The demands that collide, the order that settles them, why, and how to escalate. */
function demandFields(s: FormState): CardElement[] {
  return [
    section('When demands collide'),
    ...textField(s, {
      id: 'internalDemand',
      label: 'What the internal customer needs',
      max: L.demand,
      required: true,
      multiline: true,
      errorMessage: 'Describe the internal customer’s demand',
    }),
    ...textField(s, {
      id: 'externalDemand',
      label: 'What the external customer needs',
      max: L.demand,
      required: true,
      multiline: true,
      errorMessage: 'Describe the external customer’s demand',
    }),
    ...textField(s, { id: 'description', label: 'The situation', max: L.description, multiline: true }),
    ...textField(s, {
      id: 'priorityRule',
      label: 'Priority order (one step per line, first comes first)',
      max: L.priorityRule,
      required: true,
      multiline: true,
      errorMessage: 'Give at least two steps, one per line',
    }),
    ...textField(s, { id: 'rationale', label: 'Why this order', max: L.rationale, multiline: true }),
    ...textField(s, {
      id: 'escalationRoute',
      label: 'Escalation route (one step per line)',
      max: L.escalation,
      multiline: true,
    }),
  ];
}

/** When it takes effect and when to review it, side by side. */
function datesRow(s: FormState, today: string): CardElement {
  return {
    type: 'ColumnSet',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: dateField(s, {
          id: 'effectiveFrom',
          label: 'Takes effect',
          required: true,
          errorMessage: 'Choose when it takes effect',
          initial: today,
        }),
      },
      {
        type: 'Column',
        width: 'stretch',
        items: dateField(s, {
          id: 'reviewDate',
          label: 'Review by',
          required: true,
          errorMessage: 'Choose when to review it',
        }),
      },
    ],
  };
}

/** The `data` an agreement form submits. */
export const AgreementFormData = z.looseObject({
  formId: FormId,
  title: requiredInput(L.title, 'Title'),
  ourParty: requiredInput(L.party, 'Our side'),
  ourRepresentative: idsInput('Our representative', 1),
  partner1Id: idsInput('Partner', 1).refine(
    (ids) => ids.length === 1,
    'Choose the partner this agreement is with',
  ),
  partner1Representative: idsInput('Partner representative', 1),
  partner2Id: idsInput('Another partner', 1),
  partner2Representative: idsInput('Partner representative', 1),
  internalDemand: requiredInput(L.demand, 'Internal customer demand'),
  externalDemand: requiredInput(L.demand, 'External customer demand'),
  description: textInput(L.description, 'The situation'),
  priorityRule: linesInput(L.priorityRule, 'Priority order'),
  rationale: textInput(L.rationale, 'Why'),
  escalationRoute: linesInput(L.escalation, 'Escalation route'),
  effectiveFrom: dateInput('Takes effect').refine((d) => d !== undefined, 'Choose when it takes effect'),
  reviewDate: dateInput('Review by').refine((d) => d !== undefined, 'Choose when to review it'),
});
/** A parsed agreement form. */
export type AgreementFormData = z.output<typeof AgreementFormData>;

/** Every person the form names, for the edge to resolve. */
export function peopleInAgreementForm(d: AgreementFormData): string[] {
  return [...d.ourRepresentative, ...d.partner1Representative, ...d.partner2Representative];
}

/** Turns a parsed form into core's agreement input (always proposed: chat has no drafts). */
export function toAgreementInput(
  d: AgreementFormData,
  people: PickedPeople,
): { input: AgreementInput; unresolved: { path: string; message: string }[] } {
  const unresolved: { path: string; message: string }[] = [];
  const rep = (ids: string[], field: string): PersonRef | undefined => {
    if (ids.length === 0) return undefined;
    const ref = people.get(ids[0]!);
    if (!ref) unresolved.push({ path: field, message: UNRESOLVED_PERSON });
    return ref;
  };
  const parties: AgreementInput['parties'] = [
    { name: d.ourParty, representative: rep(d.ourRepresentative, 'ourRepresentative') },
    { partnerId: d.partner1Id[0], representative: rep(d.partner1Representative, 'partner1Representative') },
  ];
  if (d.partner2Id.length)
    parties.push({
      partnerId: d.partner2Id[0],
      representative: rep(d.partner2Representative, 'partner2Representative'),
    });
  return {
    input: {
      title: d.title ?? '',
      parties,
      scenario: {
        internalDemand: d.internalDemand ?? '',
        externalDemand: d.externalDemand ?? '',
        description: d.description,
      },
      priorityRule: d.priorityRule,
      rationale: d.rationale,
      escalationRoute: d.escalationRoute,
      effectiveFrom: d.effectiveFrom ?? '',
      reviewDate: d.reviewDate ?? '',
      propose: true,
    },
    unresolved,
  };
}

const INPUT_OF_CORE_PATH: Readonly<Record<string, string>> = {
  title: 'title',
  'parties.0.name': 'ourParty',
  'parties.0.representative': 'ourRepresentative',
  'parties.1.partnerId': 'partner1Id',
  'parties.1.representative': 'partner1Representative',
  'parties.2.partnerId': 'partner2Id',
  'parties.2.representative': 'partner2Representative',
  parties: 'partner1Id',
  'scenario.internalDemand': 'internalDemand',
  'scenario.externalDemand': 'externalDemand',
  'scenario.description': 'description',
  priorityRule: 'priorityRule',
  rationale: 'rationale',
  escalationRoute: 'escalationRoute',
  effectiveFrom: 'effectiveFrom',
  reviewDate: 'reviewDate',
};
const INPUT_IDS = new Set(Object.values(INPUT_OF_CORE_PATH));

/** The input that shows an issue, from a card path (the input id) or a core path (`scenario.internalDemand`). */
export function agreementInputIdOf(path: string): string | undefined {
  const known = Object.keys(INPUT_OF_CORE_PATH)
    .sort((a, b) => b.length - a.length)
    .find((p) => path === p || path.startsWith(`${p}.`));
  if (known) return INPUT_OF_CORE_PATH[known];
  const head = path.split('.')[0]!;
  return INPUT_IDS.has(head) ? head : undefined;
}
