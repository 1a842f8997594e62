import { z } from 'zod';
import { optionalText, requiredText } from '../common/text';
import { Cadence } from '../checkins/cadence';
import { ContactDetails, PersonRef } from '../people/person';

/** The kinds of service partner in a service chain (CFACSB9 P1, P2). */
export const PARTNER_KINDS = [
  'internal_department',
  'internal_customer',
  'external_supplier',
  'contractor',
  'third_party_agency',
  'outsourcer',
  'alliance_partner',
  'external_customer',
] as const;
/** A kind of service partner. */
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** Whether a partner sits inside the organisation or outside it. */
export type PartnerSide = 'internal' | 'external';

/** Internal departments and internal customers are internal; everyone else is external. */
export function sideOf(kind: PartnerKind): PartnerSide {
  return kind === 'internal_department' || kind === 'internal_customer' ? 'internal' : 'external';
}

/** How a contact prefers to be communicated with (CFACSB9 K10: differ your approach to their style). */
export const COMMUNICATION_STYLES = [
  'formal',
  'informal',
  'concise',
  'detailed',
  'data_driven',
  'relationship_first',
] as const;
/** Channels a contact prefers. */
export const CONTACT_CHANNELS = ['teams_chat', 'teams_meeting', 'email', 'phone', 'in_person'] as const;

/**
 * Where a partner sits in the chain that serves the end-user customer: `upstream` partners supply us,
 * `downstream` partners stand between us and the customer. Stage 1 is nearest to us in that direction.
 */
export const ChainPosition = z.object({
  direction: z.enum(['upstream', 'downstream']),
  stage: z.number().int().min(1, 'Stage starts at 1').max(20, 'Stage is at most 20'),
});
/** Where a partner sits in the service chain. */
export type ChainPosition = z.output<typeof ChainPosition>;

/** A named source of information about a partner (CFACSB9 K11), e.g. their website or LinkedIn page. */
export const InformationSource = z.object({
  label: requiredText(200, 'Source'),
  url: z
    .url({ protocol: /^https?$/, error: 'Use a web address starting with https://' })
    .max(2000)
    .optional(),
});

/** How one contact works with us: their role, style, channel and authority. */
const ContactRole = z.object({
  role: requiredText(200, 'Role'),
  communicationStyle: z.enum(COMMUNICATION_STYLES),
  preferredChannel: z.enum(CONTACT_CHANNELS),
  isDecisionMaker: z.boolean().default(false),
  isEscalationContact: z.boolean().default(false),
});

/** A partner contact as input: a new person's details, or an existing contact's id with updated details. */
export const ContactInput = ContactRole.extend({
  personId: z.string().min(1).max(64).optional(),
  details: ContactDetails,
});
/** A partner contact as input. */
export type ContactInput = z.output<typeof ContactInput>;

/** What a supervisor enters to add or update a partner. */
export const PartnerInput = z.object({
  name: requiredText(120, 'Partner name'),
  kind: z.enum(PARTNER_KINDS),
  chain: ChainPosition,
  contacts: z.array(ContactInput).max(20, 'At most 20 contacts'),
  authorityNotes: optionalText(2000, 'Authority notes'),
  relationshipOwner: PersonRef,
  checkInCadence: Cadence.optional(),
  notes: optionalText(4000, 'Notes'),
  informationSources: z.array(InformationSource).max(10, 'At most 10 sources').default([]),
});
/** What a supervisor enters to add or update a partner. */
export type PartnerInput = z.input<typeof PartnerInput>;

/** A contact as stored on the partner: a person id plus how they work with us. */
export type PartnerContact = z.output<typeof ContactRole> & { readonly personId: string };

/** A service partner in one space. */
export interface Partner {
  readonly id: string;
  readonly tenantId: string;
  readonly spaceId: string;
  readonly name: string;
  readonly kind: PartnerKind;
  readonly side: PartnerSide;
  readonly chain: ChainPosition;
  readonly contacts: readonly PartnerContact[];
  readonly authorityNotes?: string;
  readonly relationshipOwnerId: string;
  readonly notes?: string;
  readonly informationSources: readonly z.output<typeof InformationSource>[];
  readonly status: 'active' | 'archived';
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: string;
}
