/** The activities the bot-turn benchmark sends: a meeting form submitted from Teams, as `adaptiveCard/action`. */

/** The tenant benchmark users belong to. */
export const BENCH_TENANT = '33333333-3333-4333-8333-333333333333';

/** Benchmark users: one personal chat (one space, one evidence chain) each. */
export function benchUser(n: number): {
  aadObjectId: string;
  mri: string;
  name: string;
  conversationId: string;
} {
  const id = String(n).padStart(12, '0');
  return {
    aadObjectId: `00000000-0000-4000-8000-${id}`,
    mri: `29:1bench${id}`,
    name: `Bench User ${n}`,
    conversationId: `a:1bench-personal-${id}`,
  };
}

/**
 * A meeting form submit as Teams sends it: a review with minutes, two decisions and two agreed actions owned by
 * the person submitting (so the turn needs no roster call), with a fresh form id so every turn stores a meeting.
 */
export function meetingSubmit(n: number, user: number, partnerId: string): unknown {
  const u = benchUser(user);
  return {
    name: 'adaptiveCard/action',
    type: 'invoke',
    id: `f:bench-${n}`,
    timestamp: '2026-03-02T09:01:44.0123456Z',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: u.mri, name: u.name, aadObjectId: u.aadObjectId },
    conversation: { conversationType: 'personal', tenantId: BENCH_TENANT, id: u.conversationId },
    recipient: { id: '28:0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e', name: 'Partner CRM' },
    entities: [
      { locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London', type: 'clientInfo' },
    ],
    channelData: { tenant: { id: BENCH_TENANT }, source: { name: 'message' } },
    replyToId: '1772442001001',
    locale: 'en-GB',
    localTimezone: 'Europe/London',
    value: {
      action: {
        type: 'Action.Execute',
        verb: 'meeting.log',
        data: {
          verb: 'meeting.log',
          formId: `bench-form-${process.pid}-${n}`,
          timeZone: 'Europe/London',
          title: `Monthly delivery review ${n}`,
          partnerIds: partnerId,
          date: '2026-03-02',
          time: '10:30',
          durationMinutes: '45',
          attendees: u.aadObjectId,
          type: 'review',
          medium: 'teams_meeting',
          minutes: 'Reviewed late deliveries in February; root cause was the new depot rota.',
          decisions: 'Depot rota returns to two shifts from 9 March\nWeekly on-time figures shared',
          issues: 'Three customer orders missed their promised date',
          customerImpact: 'Fewer missed delivery promises to end customers.',
          action1Title: 'Share revised rota with the contact centre',
          action1Owner: u.aadObjectId,
          action1Due: '2026-03-06',
          action2Title: 'Send weekly on-time figures',
          action2Owner: u.aadObjectId,
          action2Due: '2026-03-13',
        },
      },
      trigger: 'manual',
    },
  };
}
