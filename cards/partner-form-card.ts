import { z } from 'zod';
import {
  CONTACT_CHANNELS,
  COMMUNICATION_STYLES,
  PARTNER_KINDS,
  type PartnerInput,
} from '../core/partners/partner';
import {
  adaptiveCard,
  banner,
  columns,
  heading,
  section,
  verbAction,
  type AdaptiveCard,
  type CardElement,
  type CardSurface,
} from './card-kit';
import { FormId, idsInput, requiredInput, textInput, toggleInput, wholeNumberInput } from './card-data';
import { choiceField, numberField, peopleField, textField, toggleField } from './form-inputs';
import type { FormState } from './form-state';
import { CHANNEL_LABELS, choicesOf, PARTNER_KIND_LABELS, STYLE_LABELS } from './labels';
import { UNRESOLVED_PERSON, type PersonChoice, type PickedPeople } from './people-choices';

/** The verb that adds the partner. */
export const ADD_PARTNER_VERB = 'partner.add';

/** The card's limits (core allows more; the tab offers the rest). */
export const PARTNER_FORM_LIMITS = {
  name: 120,
  text: 200,
  email: 254,
  phone: 30,
  notes: 1000,
  url: 500,
} as const;
const L = PARTNER_FORM_LIMITS;

/** Loose client-side e-mail shape; the server checks properly. */
const EMAIL_REGEX = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';
/** The same phone shape core accepts. */
const PHONE_REGEX = '^\\+?[\\d\\s().-]{5,30}$';

/** What a partner form shows. */
export interface PartnerFormModel {
  readonly surface: CardSurface;
  readonly formId: string;
  readonly people: readonly PersonChoice[];
  readonly me: string;
  readonly searchScope: 'conversation' | 'organisation';
  readonly state: FormState;
}

/** The partner form: who they are, where they sit in the service chain, one contact and the check-in rhythm. */
export function renderPartnerFormCard(m: PartnerFormModel): AdaptiveCard {
  const s = m.state;
  const body: CardElement[] = [
    ...heading(
      'Add a service partner',
      'A department, supplier, contractor or agency you serve customers with.',
    ),
    ...(s.general.length ? [banner(s.general.join('\n'))] : []),
    ...partnerFields(m),
    section('Main contact'),
    ...contactFields(s),
    section('Authority and notes'),
    ...authorityFields(s),
  ];
  return adaptiveCard(body, [
    verbAction(m.surface, 'Add partner', ADD_PARTNER_VERB, { formId: m.formId }, { style: 'positive' }),
  ]);
}

/** The partner itself: name, kind, place in the chain, owner and check-in cadence. */
function partnerFields(m: PartnerFormModel): CardElement[] {
  const s = m.state;
  return [
    ...textField(s, {
      id: 'name',
      label: 'Name',
      max: L.name,
      required: true,
      errorMessage: `Give the partner a name (at most ${L.name} characters)`,
      placeholder: 'Northwind Logistics',
    }),
    ...choiceField(s, {
      id: 'kind',
      label: 'Kind of partner',
      required: true,
      errorMessage: 'Choose the kind of partner',
      choices: choicesOf(PARTNER_KIND_LABELS),
    }),
    columns(
      choiceField(s, {
        id: 'direction',
        label: 'In the service chain they',
        required: true,
        errorMessage: 'Say whether they supply you or stand between you and the customer',
        choices: [
          { title: 'supply us (upstream)', value: 'upstream' },
          { title: 'serve the customer after us (downstream)', value: 'downstream' },
        ],
        initial: 'upstream',
      }),
      numberField(s, {
        id: 'stage',
        label: 'Steps away from us',
        min: 1,
        max: 20,
        required: true,
        errorMessage: 'A whole number from 1 to 20',
        initial: '1',
      }),
    ),
    ...peopleField(s, {
      id: 'ownerId',
      label: 'Relationship owner',
      required: true,
      errorMessage: 'Choose who owns the relationship',
      known: m.people,
      searchScope: m.searchScope,
      initial: m.me,
    }),
    columns(
      numberField(s, {
        id: 'cadenceEvery',
        label: 'Check in every',
        min: 1,
        max: 365,
        errorMessage: 'A whole number from 1 to 365',
      }),
      choiceField(s, {
        id: 'cadenceUnit',
        label: 'Unit',
        choices: [
          { title: 'days', value: 'day' },
          { title: 'weeks', value: 'week' },
          { title: 'months', value: 'month' },
        ],
        initial: 'week',
      }),
    ),
  ];
}

/** The main contact: who, how to reach them, how they like to work and what they may decide. */
function contactFields(s: FormState): CardElement[] {
  return [
    ...textField(s, { id: 'contactName', label: 'Name', max: L.text }),
    ...textField(s, { id: 'contactRole', label: 'Role', max: L.text, placeholder: 'Account manager' }),
    ...textField(s, {
      id: 'contactEmail',
      label: 'E-mail',
      max: L.email,
      regex: EMAIL_REGEX,
      errorMessage: 'Not an e-mail address',
    }),
    ...textField(s, {
      id: 'contactPhone',
      label: 'Phone',
      max: L.phone,
      regex: PHONE_REGEX,
      errorMessage: 'Use digits, spaces and + ( ) - only',
    }),
    columns(
      choiceField(s, { id: 'contactStyle', label: 'Communication style', choices: choicesOf(STYLE_LABELS) }),
      choiceField(s, { id: 'contactChannel', label: 'Prefers', choices: choicesOf(CHANNEL_LABELS) }),
    ),
    ...toggleField(s, {
      id: 'contactDecisionMaker',
      label: 'Authority',
      title: 'Makes decisions for the partner',
    }),
    ...toggleField(s, { id: 'contactEscalation', label: 'Escalation', title: 'Is the escalation contact' }),
  ];
}

/** Where authority sits, notes, and where information about the partner comes from. */
function authorityFields(s: FormState): CardElement[] {
  return [
    ...textField(s, {
      id: 'authorityNotes',
      label: 'Who decides what (power and authority in the chain)',
      max: L.notes,
      multiline: true,
    }),
    ...textField(s, { id: 'notes', label: 'Notes', max: L.notes, multiline: true }),
    ...textField(s, {
      id: 'sourceLabel',
      label: 'Source of information about them',
      max: L.text,
      placeholder: 'Supplier portal',
    }),
    ...textField(s, {
      id: 'sourceUrl',
      label: 'Its web address',
      max: L.url,
      regex: '^https?://\\S+$',
      errorMessage: 'Use a web address starting with https://',
    }),
  ];
}

/** The `data` a partner form submits. */
export const PartnerFormData = z.looseObject({
  formId: FormId,
  name: requiredInput(L.name, 'Name'),
  kind: z.enum(PARTNER_KINDS, { error: 'Choose the kind of partner' }),
  direction: z.enum(['upstream', 'downstream'], { error: 'Choose upstream or downstream' }),
  stage: wholeNumberInput('Steps away from us', 1, 20).refine(
    (n) => n !== undefined,
    'Say how many steps away',
  ),
  ownerId: idsInput('Relationship owner', 1).refine(
    (ids) => ids.length === 1,
    'Choose who owns the relationship',
  ),
  cadenceEvery: wholeNumberInput('Check in every', 1, 365),
  cadenceUnit: z.enum(['day', 'week', 'month'], { error: 'Choose days, weeks or months' }).optional(),
  contactName: textInput(L.text, 'Contact name'),
  contactRole: textInput(L.text, 'Role'),
  contactEmail: textInput(L.email, 'E-mail'),
  contactPhone: textInput(L.phone, 'Phone'),
  contactStyle: z.enum(COMMUNICATION_STYLES, { error: 'Choose a communication style' }).optional(),
  contactChannel: z.enum(CONTACT_CHANNELS, { error: 'Choose how they prefer to be reached' }).optional(),
  contactDecisionMaker: toggleInput,
  contactEscalation: toggleInput,
  authorityNotes: textInput(L.notes, 'Authority notes'),
  notes: textInput(L.notes, 'Notes'),
  sourceLabel: textInput(L.text, 'Source'),
  sourceUrl: textInput(L.url, 'Web address'),
});
/** A parsed partner form. */
export type PartnerFormData = z.output<typeof PartnerFormData>;

/** Turns a parsed form into core's partner input. */
export function toPartnerInput(
  d: PartnerFormData,
  people: PickedPeople,
): { input: PartnerInput; unresolved: { path: string; message: string }[] } {
  const ownerId = d.ownerId[0]!;
  const owner = people.get(ownerId);
  const hasContact = [d.contactName, d.contactRole, d.contactEmail, d.contactPhone].some(
    (v) => v !== undefined,
  );
  const input: PartnerInput = {
    name: d.name ?? '',
    kind: d.kind,
    chain: { direction: d.direction, stage: d.stage ?? 1 },
    contacts: hasContact
      ? [
          {
            details: {
              displayName: d.contactName ?? '',
              email: d.contactEmail?.trim(),
              phone: d.contactPhone,
            },
            role: d.contactRole ?? '',
            communicationStyle: d.contactStyle as (typeof COMMUNICATION_STYLES)[number],
            preferredChannel: d.contactChannel as (typeof CONTACT_CHANNELS)[number],
            isDecisionMaker: d.contactDecisionMaker,
            isEscalationContact: d.contactEscalation,
          },
        ]
      : [],
    authorityNotes: d.authorityNotes,
    relationshipOwner: owner ?? { personId: ownerId },
    checkInCadence:
      d.cadenceEvery === undefined ? undefined : { every: d.cadenceEvery, unit: d.cadenceUnit ?? 'week' },
    notes: d.notes,
    informationSources:
      d.sourceLabel || d.sourceUrl ? [{ label: d.sourceLabel ?? '', url: d.sourceUrl?.trim() }] : [],
  };
  return {
    input,
    unresolved: owner ? [] : [{ path: 'ownerId', message: UNRESOLVED_PERSON }],
  };
}

const INPUT_OF_CORE_PATH: Readonly<Record<string, string>> = {
  name: 'name',
  kind: 'kind',
  'chain.direction': 'direction',
  'chain.stage': 'stage',
  relationshipOwner: 'ownerId',
  'checkInCadence.every': 'cadenceEvery',
  'checkInCadence.unit': 'cadenceUnit',
  'contacts.0.details.displayName': 'contactName',
  'contacts.0.details.email': 'contactEmail',
  'contacts.0.details.phone': 'contactPhone',
  'contacts.0.role': 'contactRole',
  'contacts.0.communicationStyle': 'contactStyle',
  'contacts.0.preferredChannel': 'contactChannel',
  authorityNotes: 'authorityNotes',
  notes: 'notes',
  'informationSources.0.label': 'sourceLabel',
  'informationSources.0.url': 'sourceUrl',
};
const INPUT_IDS = new Set([
  ...Object.values(INPUT_OF_CORE_PATH),
  'contactDecisionMaker',
  'contactEscalation',
]);

/** The input that shows an issue, from a card path (the input id) or a core path (`contacts.0.role`). */
export function partnerInputIdOf(path: string): string | undefined {
  const known = Object.keys(INPUT_OF_CORE_PATH).find((p) => path === p || path.startsWith(`${p}.`));
  if (known) return INPUT_OF_CORE_PATH[known];
  const head = path.split('.')[0]!;
  return INPUT_IDS.has(head) ? head : undefined;
}
