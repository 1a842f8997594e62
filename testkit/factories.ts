import type { AgreementInput } from '../core/agreements/priority-agreement';
import type { Caller } from '../core/common/caller';
import type { MeetingInput } from '../core/meetings/meeting';
import type { PartnerInput } from '../core/partners/partner';
import type { TeamsUser } from '../core/people/person';
import type { SlaInput } from '../core/slas/service-level-agreement';

/** Tenants tests use. */
export const TENANT_A = '11111111-1111-4111-8111-111111111111';
export const TENANT_B = '22222222-2222-4222-8222-222222222222';

/** A Teams user with a predictable Entra id: `aUser(1)`, `aUser(2)`, … */
export function aUser(n: number, displayName = `User ${n}`): TeamsUser {
  return {
    aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    displayName,
    email: `user${n}@contoso.example`,
  };
}

/** A caller in a tenant and space. */
export function aCaller(overrides: { tenantId?: string; spaceId?: string; user?: TeamsUser } = {}): Caller {
  return {
    scope: {
      tenantId: overrides.tenantId ?? TENANT_A,
      spaceId: overrides.spaceId ?? 'team:19:partners@thread.tacv2',
    },
    user: overrides.user ?? aUser(1, 'Alex Wilber'),
  };
}

/** A realistic external supplier with one contact and a fortnightly check-in. */
export function aPartnerInput(overrides: Partial<PartnerInput> = {}): PartnerInput {
  return {
    name: 'Northwind Logistics',
    kind: 'external_supplier',
    chain: { direction: 'upstream', stage: 1 },
    contacts: [
      {
        details: {
          displayName: 'Priya Shah',
          email: 'priya.shah@northwind.example',
          phone: '+44 20 7946 0018',
        },
        role: 'Account manager',
        communicationStyle: 'data_driven',
        preferredChannel: 'teams_meeting',
        isDecisionMaker: true,
        isEscalationContact: false,
      },
    ],
    authorityNotes: 'Service changes need sign-off from their operations director.',
    relationshipOwner: { user: aUser(1, 'Alex Wilber') },
    checkInCadence: { every: 2, unit: 'week' },
    informationSources: [{ label: 'Supplier portal', url: 'https://portal.northwind.example' }],
    ...overrides,
  };
}

/** A review meeting with a partner, with two agreed actions. */
export function aMeetingInput(partnerId: string, overrides: Partial<MeetingInput> = {}): MeetingInput {
  return {
    title: 'Monthly delivery review',
    partnerIds: [partnerId],
    occurredAt: '2026-03-02T10:00:00Z',
    durationMinutes: 45,
    attendees: [{ user: aUser(1, 'Alex Wilber') }, { user: aUser(2, 'Megan Bowen') }],
    type: 'review',
    medium: 'teams_meeting',
    minutes: 'Reviewed late deliveries in February; root cause was the new depot rota.',
    decisions: ['Depot rota returns to two shifts from 9 March'],
    issuesRaised: ['Three customer orders missed their promised date'],
    customerImpact: 'Fewer missed delivery promises to end customers.',
    actions: [
      {
        title: 'Share revised rota with the contact centre',
        owner: { user: aUser(2, 'Megan Bowen') },
        dueDate: '2026-03-06',
      },
      {
        title: 'Send weekly on-time figures',
        owner: { user: aUser(1, 'Alex Wilber') },
        dueDate: '2026-03-13',
      },
    ],
    ...overrides,
  };
}

/** A proposed conflict-priority agreement between our team and a partner. */
export function anAgreementInput(partnerId: string, overrides: Partial<AgreementInput> = {}): AgreementInput {
  return {
    title: 'Peak-season priority between returns and new orders',
    parties: [{ name: 'Customer Service team' }, { partnerId }],
    scenario: {
      internalDemand: 'Finance wants refunds processed within 2 days',
      externalDemand: 'Customers want new orders dispatched same day in December',
    },
    priorityRule: [
      'Orders promised for delivery before 24 December',
      'Refunds older than 3 days',
      'Everything else in date order',
    ],
    rationale: 'Missed Christmas deliveries cannot be recovered; refunds can be caught up in January.',
    escalationRoute: ['Team leaders', 'Operations managers'],
    effectiveFrom: '2026-11-01',
    reviewDate: '2027-01-31',
    ...overrides,
  };
}

/** A response-time SLA with a partner. */
export function anSlaInput(partnerId: string, overrides: Partial<SlaInput> = {}): SlaInput {
  return {
    partnerId,
    metric: 'first_response_time',
    target: { comparator: 'at_most', value: 4, unit: 'hours' },
    period: 'monthly',
    reviewDate: '2026-06-30',
    ...overrides,
  };
}
