import { z } from 'zod';
import { IsoDate } from '../common/dates';
import { optionalText, requiredText, textList } from '../common/text';
import { PersonRef } from '../people/person';

/** Where a conflict-priority agreement stands in its life. */
export const AGREEMENT_STATUSES = ['draft', 'proposed', 'agreed', 'superseded'] as const;
/** Where a conflict-priority agreement stands. */
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Most parties one agreement can bind. */
export const MAX_PARTIES = 8;

/**
 * A party as entered: a partner (by id) or our own team (by name), optionally with the one person who
 * acknowledges for it. Without a representative anyone in the space may acknowledge for the party.
 */
export const PartyInput = z
  .object({
    partnerId: z.string().min(1).max(64).optional(),
    name: requiredText(120, 'Party name').optional(),
    representative: PersonRef.optional(),
  })
  .refine((p) => p.partnerId !== undefined || p.name !== undefined, 'Choose a partner or name the party');

/**
 * What a supervisor enters to agree how work is prioritised when internal and external customers' demands
 * conflict (CFACSB9 P13, K6).
 */
export const AgreementInput = z
  .object({
    title: requiredText(200, 'Title'),
    parties: z.array(PartyInput).min(2, 'An agreement needs at least two parties').max(MAX_PARTIES),
    scenario: z.object({
      internalDemand: requiredText(1000, 'Internal customer demand'),
      externalDemand: requiredText(1000, 'External customer demand'),
      description: optionalText(4000, 'Scenario'),
    }),
    priorityRule: textList(10, 500, 'Priority step').min(2, 'Give at least two steps, in order'),
    rationale: optionalText(4000, 'Rationale'),
    escalationRoute: textList(6, 300, 'Escalation step').default([]),
    effectiveFrom: IsoDate,
    reviewDate: IsoDate,
    /** Send it to the parties now (proposed) or keep it as a draft. */
    propose: z.boolean().default(true),
    /** The agreement this one revises; it is superseded once this one is agreed. */
    supersedesId: z.string().min(1).max(64).optional(),
  })
  .refine((a) => a.reviewDate > a.effectiveFrom, {
    path: ['reviewDate'],
    message: 'Review date must be after the date it takes effect',
  });
/** What a supervisor enters for a conflict-priority agreement. */
export type AgreementInput = z.input<typeof AgreementInput>;

/** A party bound by an agreement. */
export interface AgreementParty {
  /** Stable within the agreement: `party-1`, `party-2`, … */
  readonly id: string;
  readonly name: string;
  readonly partnerId?: string;
  readonly representativeId?: string;
}

/** One party's acknowledgement: who acknowledged for it, and when. */
export interface Acknowledgement {
  readonly partyId: string;
  readonly personId: string;
  readonly at: string;
  readonly comment?: string;
}

/** A conflict-priority agreement, one version of its series. */
export interface PriorityAgreement {
  readonly id: string;
  readonly tenantId: string;
  readonly spaceId: string;
  /** Shared by every version of the same agreement. */
  readonly seriesId: string;
  readonly versionNo: number;
  readonly title: string;
  readonly parties: readonly AgreementParty[];
  readonly scenario: {
    readonly internalDemand: string;
    readonly externalDemand: string;
    readonly description?: string;
  };
  readonly priorityRule: readonly string[];
  readonly rationale?: string;
  readonly escalationRoute: readonly string[];
  readonly effectiveFrom: string;
  readonly reviewDate: string;
  readonly status: AgreementStatus;
  readonly supersedesId?: string;
  readonly supersededById?: string;
  readonly acknowledgements: readonly Acknowledgement[];
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: string;
}

/** Parties who have not acknowledged yet. */
export function pendingParties(agreement: PriorityAgreement): AgreementParty[] {
  const done = new Set(agreement.acknowledgements.map((a) => a.partyId));
  return agreement.parties.filter((p) => !done.has(p.id));
}
