import { addDays, utcDateOf } from '../../core/common/dates';
import type { Caller } from '../../core/common/caller';
import type { Core } from '../../core/core';
import { ConflictError } from '../../core/errors';
import type { Partner, PartnerInput } from '../../core/partners/partner';
import type { TeamsUser } from '../../core/people/person';

/** Colleagues in the demo team besides the person seeding it. */
const MEGAN: TeamsUser = {
  aadObjectId: '00000000-0000-4000-8000-00000000d002',
  displayName: 'Megan Bowen',
  email: 'meganb@contoso.example',
};
const DIEGO: TeamsUser = {
  aadObjectId: '00000000-0000-4000-8000-00000000d003',
  displayName: 'Diego Siciliani',
  email: 'diegos@contoso.example',
};

/** The colleagues the demo gives actions to (so they have reminders and notices of their own). */
export const DEMO_COLLEAGUES: readonly TeamsUser[] = [MEGAN, DIEGO];

/** What the demo created, for tests and the summary line. */
export interface DemoSpace {
  readonly partners: number;
  readonly meetings: number;
  readonly actions: number;
  readonly agreements: number;
  readonly slas: number;
}

type Contact = PartnerInput['contacts'][number];

function contact(
  displayName: string,
  role: string,
  style: Contact['communicationStyle'],
  channel: Contact['preferredChannel'],
  flags: { decides?: boolean; escalation?: boolean } = {},
): Contact {
  const handle = displayName.toLowerCase().replace(/[^a-z]+/g, '.');
  return {
    details: { displayName, email: `${handle}@partner.example`, jobTitle: role },
    role,
    communicationStyle: style,
    preferredChannel: channel,
    isDecisionMaker: flags.decides ?? false,
    isEscalationContact: flags.escalation ?? false,
  };
}

/** What each step of the demo works with: core, who seeds it, and dates relative to `today`. */
interface DemoContext {
  readonly core: Core;
  readonly caller: Caller;
  readonly today: string;
  readonly me: TeamsUser;
  /** The seeder's space, as another colleague. */
  as(user: TeamsUser): Caller;
  /** The business date `offset` days from today. */
  day(offset: number): string;
  /** An instant on that date (UTC). */
  at(offset: number, time?: string): string;
}

/** The demo's partners, by the name the later steps refer to them with. */
type DemoPartners = Record<
  'northwind' | 'fabrikam' | 'warehouse' | 'finance' | 'engineers' | 'tailspin',
  Partner
>;

/**
 * Fills a space with a month of realistic partner work for a contact-centre supervisor, through the same use
 * cases the bot and tab call (so every item is also on the evidence trail): partners across the chain, meetings,
 * actions (some overdue, one done), an agreement with a superseded version and one awaiting acknowledgement,
 * SLAs with readings that met and missed, and check-ins, one of them overdue. Dates are relative to `today`.
 */
export async function seedDemoSpace(core: Core, caller: Caller, today: string): Promise<DemoSpace> {
  const existing = await core.partners.list(caller.scope, {}, { limit: 1 });
  if (existing.items.length > 0)
    throw new ConflictError(`Space ${caller.scope.spaceId} already has partners; seed an empty space`);
  const ctx: DemoContext = {
    core,
    caller,
    today,
    me: caller.user,
    as: (user) => ({ scope: caller.scope, user }),
    day: (offset) => addDays(today, offset),
    at: (offset, time = '10:00') => `${addDays(today, offset)}T${time}:00Z`,
  };
  // Each step builds on the partners; the order is the order the records (and their evidence) are written.
  const partners = await addDemoPartners(ctx);
  await logDemoMeetings(ctx, partners);
  await agreeDemoPriorities(ctx, partners);
  await measureDemoSlas(ctx, partners);
  return { partners: 6, meetings: 4, actions: 7, agreements: 3, slas: 3 };
}

/** Six partners across the service chain, upstream and downstream, owned by three colleagues. */
async function addDemoPartners({ core, caller, me }: DemoContext): Promise<DemoPartners> {
  const add = async (input: Omit<PartnerInput, 'relationshipOwner'>, owner: TeamsUser = me) =>
    (await core.partners.add(caller, { ...input, relationshipOwner: { user: owner } })).partner;
  const northwind = await add({
    name: 'Northwind Logistics',
    kind: 'external_supplier',
    chain: { direction: 'upstream', stage: 1 },
    contacts: [
      contact('Priya Shah', 'Account manager', 'data_driven', 'teams_meeting', { decides: true }),
      contact('Owen Hughes', 'Depot supervisor', 'informal', 'phone', { escalation: true }),
    ],
    authorityNotes:
      'Service changes need sign-off from their operations director; Priya can agree rota changes.',
    checkInCadence: { every: 2, unit: 'week' },
    informationSources: [{ label: 'Supplier portal', url: 'https://portal.northwind.example' }],
  });
  const fabrikam = await add({
    name: 'Fabrikam Parts',
    kind: 'external_supplier',
    chain: { direction: 'upstream', stage: 2 },
    contacts: [contact('Tom Reed', 'Key account lead', 'formal', 'email', { decides: true })],
    checkInCadence: { every: 1, unit: 'month' },
  });
  const warehouse = await add(
    {
      name: 'Warehouse Operations',
      kind: 'internal_department',
      chain: { direction: 'upstream', stage: 1 },
      contacts: [contact('Sam Okafor', 'Shift manager', 'concise', 'teams_chat', { decides: true })],
      authorityNotes: 'Head of Operations owns picking priorities.',
      checkInCadence: { every: 1, unit: 'week' },
    },
    MEGAN,
  );
  const finance = await add({
    name: 'Finance Refunds Team',
    kind: 'internal_customer',
    chain: { direction: 'downstream', stage: 1 },
    contacts: [contact('Aisha Khan', 'Refunds team leader', 'detailed', 'email')],
    checkInCadence: { every: 2, unit: 'week' },
  });
  const engineers = await add(
    {
      name: 'Contoso Field Engineers',
      kind: 'contractor',
      chain: { direction: 'downstream', stage: 1 },
      contacts: [
        contact('Lee Park', 'Dispatch coordinator', 'relationship_first', 'phone', { escalation: true }),
      ],
      checkInCadence: { every: 1, unit: 'month' },
    },
    DIEGO,
  );
  const tailspin = await add({
    name: 'Tailspin Customer Surveys',
    kind: 'third_party_agency',
    chain: { direction: 'downstream', stage: 2 },
    contacts: [contact('Maria Garcia', 'Insight analyst', 'data_driven', 'teams_meeting')],
    informationSources: [
      { label: 'Tailspin on LinkedIn', url: 'https://www.linkedin.com/company/tailspin-example' },
    ],
  });
  return { northwind, fabrikam, warehouse, finance, engineers, tailspin };
}

/** Four meetings with their decisions and actions, one action done, and one action on its own. */
async function logDemoMeetings({ core, caller, me, day, at }: DemoContext, p: DemoPartners): Promise<void> {
  const { northwind, fabrikam, warehouse, finance, engineers, tailspin } = p;
  const review = await core.meetings.log(caller, {
    title: 'Monthly delivery review',
    partnerIds: [northwind.id],
    occurredAt: at(-20),
    durationMinutes: 45,
    attendees: [{ user: me }, { user: MEGAN }, { personId: northwind.contacts[0]!.personId }],
    type: 'review',
    medium: 'teams_meeting',
    minutes: 'Late deliveries rose in the last month; the new depot rota left the evening wave short.',
    decisions: ['Depot rota returns to two shifts', 'Northwind shares on-time figures weekly'],
    issuesRaised: ['Eleven customer orders missed their promised date'],
    customerImpact: 'Fewer missed delivery promises to end customers.',
    actions: [
      { title: 'Share the revised rota with the contact centre', owner: { user: me }, dueDate: day(-5) },
      { title: 'Send weekly on-time delivery figures', owner: { user: MEGAN }, dueDate: day(10) },
      { title: 'Brief agents on the new delivery slots', owner: { user: me }, dueDate: day(-12) },
    ],
  });
  await core.actions.changeStatus(caller, {
    // The view lists actions by due date, not in the order they were entered.
    actionId: review.actions.find((a) => a.title.startsWith('Brief agents'))!.id,
    status: 'done',
    note: 'Briefed both shifts at the morning huddle',
  });
  await core.meetings.log(caller, {
    title: 'Refunds versus dispatch: December planning',
    partnerIds: [finance.id, warehouse.id],
    occurredAt: at(-12, '14:00'),
    attendees: [
      { user: me },
      { personId: finance.contacts[0]!.personId },
      { personId: warehouse.contacts[0]!.personId },
    ],
    type: 'negotiation',
    medium: 'in_person',
    decisions: [
      'Orders promised before 24 December come first',
      'Refunds older than three days jump the queue',
    ],
    actions: [{ title: 'Draft the peak-season priority agreement', owner: { user: me }, dueDate: day(-2) }],
  });
  await core.meetings.log(caller, {
    title: 'Missed engineer visits escalation',
    partnerIds: [engineers.id],
    occurredAt: at(-6, '09:30'),
    type: 'escalation',
    medium: 'phone',
    issuesRaised: ['Four customers waited in all day without a visit'],
    customerImpact: 'Customers get a two-hour visit window by text message.',
    actions: [
      { title: 'Agree a text-message visit window with dispatch', owner: { user: DIEGO }, dueDate: day(3) },
    ],
  });
  await core.meetings.log(caller, {
    title: 'Quarterly CSAT insight review',
    partnerIds: [tailspin.id],
    occurredAt: at(-30, '11:00'),
    type: 'review',
    medium: 'video_call',
    decisions: ['Add a delivery-promise question to the survey'],
    actions: [{ title: 'Send the new survey question to Tailspin', owner: { user: me }, dueDate: day(14) }],
  });
  await core.actions.create(caller, {
    title: 'Confirm spare-part lead times for January',
    owner: { user: me },
    dueDate: day(6),
    partnerId: fabrikam.id,
  });
}

/** The peak-season agreement (a version and its acknowledged successor) and one awaiting acknowledgement. */
async function agreeDemoPriorities({ core, caller, as, day }: DemoContext, p: DemoPartners): Promise<void> {
  const { finance, engineers } = p;
  const peakV1 = await core.agreements.propose(caller, {
    title: 'Peak-season priority between refunds and new orders',
    parties: [{ name: 'Customer Service team' }, { partnerId: finance.id }],
    scenario: {
      internalDemand: 'Finance wants refunds processed within two days',
      externalDemand: 'Customers want December orders dispatched the same day',
    },
    priorityRule: ['Orders promised for delivery before 24 December', 'Everything else in date order'],
    effectiveFrom: day(-40),
    reviewDate: day(60),
  });
  await core.agreements.acknowledge(caller, { agreementId: peakV1.agreement.id, partyId: 'party-1' });
  await core.agreements.acknowledge(as(MEGAN), { agreementId: peakV1.agreement.id, partyId: 'party-2' });
  const peakV2 = await core.agreements.propose(caller, {
    title: 'Peak-season priority between refunds and new orders',
    parties: [{ name: 'Customer Service team' }, { partnerId: finance.id }],
    scenario: {
      internalDemand: 'Finance wants refunds processed within two days',
      externalDemand: 'Customers want December orders dispatched the same day',
    },
    priorityRule: [
      'Orders promised for delivery before 24 December',
      'Refunds older than three days',
      'Everything else in date order',
    ],
    rationale:
      'Missed Christmas deliveries cannot be recovered; old refunds cause complaints and chargebacks.',
    escalationRoute: ['Team leaders', 'Operations managers'],
    effectiveFrom: day(-10),
    reviewDate: day(80),
    supersedesId: peakV1.agreement.id,
  });
  await core.agreements.acknowledge(caller, { agreementId: peakV2.agreement.id, partyId: 'party-1' });
  await core.agreements.acknowledge(as(MEGAN), { agreementId: peakV2.agreement.id, partyId: 'party-2' });
  await core.agreements.propose(caller, {
    title: 'Engineer visits versus warranty claims',
    parties: [{ name: 'Customer Service team' }, { partnerId: engineers.id }],
    scenario: {
      internalDemand: 'Warranty team wants engineers to inspect returned units',
      externalDemand: 'Customers want home visits within three days',
    },
    priorityRule: ['Customers without a working appliance', 'Warranty inspections', 'Routine visits'],
    effectiveFrom: day(0),
    reviewDate: day(90),
  });
}

/** Three SLAs with readings that met and missed their targets. */
async function measureDemoSlas({ core, caller, today, day }: DemoContext, p: DemoPartners): Promise<void> {
  const { northwind, warehouse, finance } = p;
  const onTime = await core.slas.define(caller, {
    partnerId: northwind.id,
    metric: 'on_time_delivery',
    target: { comparator: 'at_least', value: 95, unit: 'percent' },
    period: 'monthly',
    reviewDate: day(120),
  });
  const response = await core.slas.define(caller, {
    partnerId: warehouse.id,
    metric: 'first_response_time',
    target: { comparator: 'at_most', value: 4, unit: 'hours' },
    period: 'weekly',
    reviewDate: day(90),
  });
  const refunds = await core.slas.define(caller, {
    partnerId: finance.id,
    metric: 'resolution_time',
    target: { comparator: 'at_most', value: 2, unit: 'days' },
    period: 'monthly',
    reviewDate: day(90),
  });
  const monthly = [96.5, 93, 97.2, 91.8];
  for (const [i, value] of monthly.entries()) {
    const start = addDays(today, -30 * (monthly.length - i) - 1);
    await core.slas.recordReading(caller, {
      slaId: onTime.id,
      periodStart: start,
      periodEnd: addDays(start, 29),
      value,
    });
  }
  for (const [i, value] of [3.5, 4.2, 3.1].entries()) {
    const start = addDays(today, -7 * (3 - i) - 1);
    await core.slas.recordReading(caller, {
      slaId: response.id,
      periodStart: start,
      periodEnd: addDays(start, 6),
      value,
    });
  }
  await core.slas.recordReading(caller, {
    slaId: refunds.id,
    periodStart: day(-31),
    periodEnd: day(-1),
    value: 1.6,
  });
}

/** Today's date as the seed script sees it. */
export function demoToday(now: Date): string {
  return utcDateOf(now);
}
