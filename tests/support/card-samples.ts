import type { Core } from '../../core/core';
import { renderActionCard } from '../../cards/action-card';
import { renderActionFormCard } from '../../cards/action-form-card';
import { renderAgreementCard } from '../../cards/agreement-card';
import { renderAgreementFormCard } from '../../cards/agreement-form-card';
import { renderAgreementListCard } from '../../cards/agreement-list-card';
import type { AdaptiveCard } from '../../cards/card-kit';
import { renderCheckInListCard } from '../../cards/check-in-list-card';
import { renderEvidenceCard } from '../../cards/evidence-card';
import { renderExportCard } from '../../cards/export-card';
import { EMPTY_FORM, type FormState } from '../../cards/form-state';
import { renderHelpCard } from '../../cards/help-card';
import { ACTION_ROWS, MEETING_FORM_LIMITS, renderMeetingFormCard } from '../../cards/meeting-form-card';
import { renderMeetingSummaryCard } from '../../cards/meeting-summary-card';
import { renderMeetingActionsFormCard } from '../../cards/meeting-actions-form-card';
import { renderMeetingInsightsCard } from '../../cards/meeting-insights-card';
import { renderMyActionsCard } from '../../cards/my-actions-card';
import { renderNoticeCard } from '../../cards/notice-card';
import { renderPartnerCard } from '../../cards/partner-card';
import { PARTNER_FORM_LIMITS, renderPartnerFormCard } from '../../cards/partner-form-card';
import { renderPartnerListCard } from '../../cards/partner-list-card';
import { renderSuggestionCard } from '../../cards/suggestion-card';
import { renderReminderCard } from '../../cards/reminder-card';
import { renderWelcomeCard } from '../../cards/welcome-card';
import type { ReminderItem } from '../../core/reminders/reminder-notice';
import { MAX_TYPED_NAME } from '../../core/people/pending-person-naming';
import type { PeopleIndex } from '../../core/people/people-resolver';
import { AGREEMENT_FORM_LIMITS } from '../../cards/agreement-form-card';
import { BOT_COMMANDS } from '../../bot/command-list';
import { evidenceExportLinks } from '../../bot/export-links';
import { OPEN_STATUSES } from '../../core/actions/agreed-action';
import type { Caller } from '../../core/common/caller';
import { aCaller, aUser } from '../../testkit/factories';
import { aSpace } from '../../testkit/test-core';

/** Mixed scripts and widths: Latin with accents, typographic punctuation, CJK and an emoji (4 UTF-8 bytes). */
const UNICODE_PATTERN = 'Zoë’s café – 東京 delivery 😀 ';
/** Three-byte characters only: the heaviest text most people type. */
const CJK_PATTERN = '東京配送センターの締め切り';

/** Exactly `n` characters (code points) of a pattern, for fields filled to their limit. */
export function textOf(n: number, pattern = UNICODE_PATTERN): string {
  const chars = [...pattern];
  return Array.from({ length: n }, (_, i) => chars[i % chars.length])
    .join('')
    .trimEnd()
    .padEnd(n, 'x');
}

/** A rendered card and where it goes. */
export interface CardSample {
  readonly name: string;
  readonly card: AdaptiveCard;
  /** Also inserted from the message extension, where cards must be under 28 KB. */
  readonly extension?: boolean;
}

/** A space full of records at every limit core allows, and cards rendered from them. */
export async function worstCaseSamples(core: Core, pattern = UNICODE_PATTERN): Promise<CardSample[]> {
  const t = (n: number) => textOf(n, pattern);
  const caller: Caller = aCaller({ spaceId: aSpace('cards'), user: { ...aUser(1), displayName: t(200) } });
  const scope = caller.scope;
  const partners = [];
  for (let i = 0; i < 10; i++) {
    const { partner } = await core.partners.add(caller, {
      name: `${i} ${t(117)}`,
      kind: 'external_supplier',
      chain: { direction: 'downstream', stage: 20 },
      contacts: Array.from({ length: 20 }, (_, c) => ({
        details: {
          displayName: t(200),
          email: `c${c}@northwind.example`,
          phone: '+44 20 7946 0018',
          jobTitle: t(200),
        },
        role: t(200),
        communicationStyle: 'relationship_first' as const,
        preferredChannel: 'teams_meeting' as const,
        isDecisionMaker: true,
        isEscalationContact: true,
      })),
      authorityNotes: t(2000),
      relationshipOwner: { user: { ...aUser(2), displayName: t(200) } },
      checkInCadence: { every: 3, unit: 'week' },
      notes: t(4000),
      informationSources: Array.from({ length: 10 }, (_, k) => ({
        label: t(200),
        url: `https://example.com/${k}/${'p'.repeat(1900)}`,
      })),
    });
    partners.push(partner);
  }
  const others = Array.from({ length: 7 }, (_, i) => ({ user: { ...aUser(20 + i), displayName: t(200) } }));
  const agreement = await core.agreements.propose(caller, {
    title: t(200),
    parties: [
      { name: t(120), representative: { user: caller.user } },
      ...partners.slice(0, 7).map((p, i) => ({ partnerId: p.id, representative: others[i] })),
    ],
    scenario: { internalDemand: t(1000), externalDemand: t(1000), description: t(4000) },
    priorityRule: Array.from({ length: 10 }, () => t(500)),
    rationale: t(4000),
    escalationRoute: Array.from({ length: 6 }, () => t(300)),
    effectiveFrom: '2026-03-01',
    reviewDate: '2027-03-01',
  });
  for (let i = 0; i < 7; i++)
    await core.agreements.acknowledge(
      { ...caller, user: others[i]!.user },
      { agreementId: agreement.agreement.id, partyId: `party-${i + 2}`, comment: t(1000) },
    );
  const meeting = await core.meetings.log(caller, {
    title: t(200),
    partnerIds: partners.map((p) => p.id),
    occurredAt: '2026-03-02T10:00:00Z',
    durationMinutes: 1440,
    attendees: Array.from({ length: 50 }, (_, i) => ({ user: { ...aUser(100 + i), displayName: t(200) } })),
    type: 'negotiation',
    medium: 'teams_meeting',
    minutes: t(20_000),
    decisions: Array.from({ length: 30 }, () => t(1000)),
    issuesRaised: Array.from({ length: 30 }, () => t(1000)),
    customerImpact: t(4000),
    actions: Array.from({ length: 10 }, (_, i) => ({
      title: t(300),
      owner: { user: caller.user },
      dueDate: `2026-03-${String(3 + i).padStart(2, '0')}`,
    })),
    agreementId: agreement.agreement.id,
  });
  const partnerView = await core.partners.view(scope, partners[0]!.id);
  const actionView = await core.actions.view(scope, meeting.actions[0]!.id);
  const agreementView = await core.agreements.view(scope, agreement.agreement.id);
  const viewerId = meeting.actions[0]!.ownerId;
  // Everyone shown as pending (with a name typed at its longest), so cards offer to name as many as they can.
  const allPending = <V extends { people: PeopleIndex }>(view: V): V => ({
    ...view,
    people: Object.fromEntries(
      Object.entries(view.people).map(([id, p]) => [
        id,
        { ...p, pending: true as const, nameTypedBy: 'per_typist', displayName: t(MAX_TYPED_NAME) },
      ]),
    ),
  });
  const refusedName = (personId: string) => ({
    refused: { personId, value: t(MAX_TYPED_NAME), error: 'Name must be at most 100 characters' },
  });
  const today = '2026-03-10';
  const page = { limit: 8 };
  const userIds = Array.from({ length: 80 }, (_, i) => `29:1${'u'.repeat(60)}${i}`);

  const samples: CardSample[] = [
    { name: 'welcome (personal)', card: renderWelcomeCard('personal') },
    { name: 'welcome (team)', card: renderWelcomeCard('team') },
    { name: 'help', card: renderHelpCard(BOT_COMMANDS) },
    { name: 'suggestion', card: renderSuggestionCard(t(5000), 'log meeting') },
    { name: 'notice', card: renderNoticeCard(t(500), [{ title: 'Add partner', command: 'add partner' }]) },
    {
      name: 'partner',
      card: renderPartnerCard({
        view: partnerView,
        withActions: true,
        notice: { text: 'Partner added', tone: 'good' },
      }),
      extension: true,
    },
    {
      name: 'partner (compact)',
      card: renderPartnerCard({ view: partnerView, withActions: false }),
      extension: true,
    },
    {
      name: 'meeting summary (everyone)',
      card: renderMeetingSummaryCard({
        view: meeting,
        timeZone: 'Asia/Tokyo',
        today,
        refreshUserIds: userIds,
      }),
    },
    {
      name: 'meeting summary (owner)',
      card: renderMeetingSummaryCard({
        view: meeting,
        timeZone: 'Asia/Tokyo',
        today,
        viewerId,
        refreshUserIds: userIds,
        notice: { text: t(300), tone: 'good' },
      }),
    },
    {
      name: 'meeting summary (pending people to name, one refused)',
      card: renderMeetingSummaryCard({
        view: allPending(meeting),
        timeZone: 'Asia/Tokyo',
        today,
        viewerId,
        refreshUserIds: userIds,
        notice: { text: t(300), tone: 'good' },
        naming: refusedName(viewerId),
      }),
    },
    {
      name: 'partner (pending owner to name, refused)',
      card: renderPartnerCard({
        view: allPending(partnerView),
        withActions: true,
        naming: refusedName(partnerView.partner.relationshipOwnerId),
      }),
    },
    {
      name: 'action (pending owner to name, refused)',
      card: renderActionCard({
        view: allPending(actionView),
        today,
        viewerId,
        refreshUserIds: userIds,
        naming: refusedName(actionView.action.ownerId),
      }),
    },
    {
      name: 'action (everyone)',
      card: renderActionCard({ view: actionView, today, partnerName: t(120) }),
      extension: true,
    },
    {
      name: 'action (owner)',
      card: renderActionCard({ view: actionView, today, viewerId, refreshUserIds: userIds }),
    },
    {
      name: 'agreement (everyone)',
      card: renderAgreementCard({ view: agreementView, timeZone: 'Europe/London', refreshUserIds: userIds }),
      extension: true,
    },
    {
      name: 'agreement (party)',
      card: renderAgreementCard({
        view: agreementView,
        timeZone: 'Europe/London',
        viewer: { personId: undefined },
      }),
    },
    {
      name: 'partners list',
      card: renderPartnerListCard({ page: await core.partners.standings(scope, page), today, paged: true }),
    },
    {
      name: 'my actions',
      card: renderMyActionsCard({
        page: await core.actions.listMine(scope, aUser(1).aadObjectId, { statuses: OPEN_STATUSES }, page),
        today,
        paged: true,
        spaceId: 'team:elsewhere',
        cursor: 'abc',
        notice: { text: t(300), tone: 'good' },
      }),
    },
    {
      name: 'agreements list',
      card: renderAgreementListCard({
        page: await core.agreements.list(scope, {}, page),
        today,
        paged: false,
      }),
    },
    {
      name: 'check-ins list',
      card: renderCheckInListCard({
        page: await core.checkIns.list(scope, {}, page),
        today,
        paged: true,
        inOutlook: false,
      }),
    },
    await (async () => {
      // With Outlook connected, every check-in held up by the longest problem the outbox keeps.
      const checkIns = await core.checkIns.list(scope, {}, page);
      const failing = { state: 'failing', problem: t(500), nextAttemptAt: '2026-03-02T10:00:00Z' } as const;
      return {
        name: 'check-ins list, Outlook held up',
        card: renderCheckInListCard({
          page: { ...checkIns, calendar: Object.fromEntries(checkIns.items.map((c) => [c.id, failing])) },
          today,
          paged: true,
          inOutlook: true,
        }),
      };
    })(),
    {
      name: 'evidence',
      card: renderEvidenceCard({
        summary: await core.evidence.summary(scope, 20),
        timeZone: 'America/New_York',
      }),
    },
    {
      name: 'export',
      card: renderExportCard({
        links: evidenceExportLinks(
          {
            publicUrl: `https://${'h'.repeat(200)}.example`,
            secret: 's'.repeat(32),
            now: new Date('2026-03-02T09:00:00.000Z'),
          },
          {
            scope,
            user: { aadObjectId: '00000000-0000-4000-8000-000000000001', displayName: 'A'.repeat(200) },
          },
        ),
      }),
    },
    ...reminderSamples(t, partners[0]!.id, scope.spaceId),
  ];

  const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ title: t(200), value: `per_${i}` }));
  const partnerChoices = partners.map((p) => ({ id: p.id, name: p.name }));
  const M = MEETING_FORM_LIMITS;
  const fullMeeting: FormState = fullState({
    title: t(M.title),
    minutes: t(M.minutes),
    decisions: t(M.decisions),
    issues: t(M.issues),
    customerImpact: t(M.customerImpact),
    ...Object.fromEntries(
      Array.from({ length: ACTION_ROWS }, (_, i) => [`action${i + 1}Title`, t(M.actionTitle)]),
    ),
  });
  const meetingModel = {
    surface: 'message' as const,
    formId: 'form-0000000001',
    timeZone: 'Pacific/Chatham',
    now: new Date('2026-03-02T10:00:00Z'),
    partners: [...partnerChoices, ...partnerChoices.slice(0, 5)],
    agreements: Array.from({ length: 10 }, (_, i) => ({ id: `agr_${i}`, title: t(200) })),
    people: choices(20),
    owners: choices(6),
    me: aUser(1).aadObjectId,
    searchScope: 'conversation' as const,
  };
  const aiRows = Array.from({ length: ACTION_ROWS }, (_, i) => ({
    title: t(300),
    aiOwnerName: t(300),
    ...(i % 2 ? { ownerValue: aUser(i + 1).aadObjectId } : {}),
  }));
  const meetingActionsModel = {
    surface: 'message' as const,
    formId: 'form-0000000009',
    meetingId: `mtg_${'0'.repeat(26)}`,
    meetingTitle: t(200),
    existingActions: 10,
    owners: choices(8),
    searchScope: 'conversation' as const,
    today: '2026-03-02',
    state: EMPTY_FORM,
  };
  const P = PARTNER_FORM_LIMITS;
  const A = AGREEMENT_FORM_LIMITS;
  samples.push(
    { name: 'meeting form (blank)', card: renderMeetingFormCard({ ...meetingModel, state: EMPTY_FORM }) },
    {
      name: 'meeting form (every field full, every field wrong)',
      card: renderMeetingFormCard({ ...meetingModel, state: fullMeeting }),
    },
    {
      name: 'meeting form (dialog, from a long message)',
      card: renderMeetingFormCard({
        ...meetingModel,
        surface: 'dialog',
        state: EMPTY_FORM,
        draft: {
          title: t(200),
          minutes: t(20_000),
          occurredAt: '2026-03-02T14:05:00.000Z',
          source: {
            kind: 'chat_message',
            url: `https://teams.microsoft.com/l/message/${'m'.repeat(1900)}`,
            externalId: '1',
          },
        },
      }),
    },
    {
      name: 'meeting form (AI proposal: six actions, long names, owners matched and not)',
      card: renderMeetingFormCard({
        ...meetingModel,
        state: EMPTY_FORM,
        draft: {
          title: t(200),
          minutes: t(1500),
          source: { kind: 'teams_meeting', externalId: 'M'.repeat(300) },
        },
        intro: t(300),
        proposedActions: aiRows,
      }),
    },
    {
      name: 'meeting form (AI proposal again, every field wrong)',
      card: renderMeetingFormCard({
        ...meetingModel,
        state: {
          ...fullMeeting,
          values: {
            ...fullMeeting.values,
            aiOwners: aiRows.map(() => t(100)),
            onlineMeetingId: 'M'.repeat(300),
          },
        },
      }),
    },
    {
      name: 'AI action items ready (more than it lists)',
      card: renderMeetingInsightsCard({
        meetingTitle: t(300),
        onlineMeetingId: 'M'.repeat(300),
        startedAt: '2026-03-02T10:00:00.000Z',
        actionItems: Array.from({ length: 50 }, () => ({
          title: t(300),
          text: t(2000),
          ownerDisplayName: t(300),
        })),
        notes: 50,
      }),
    },
    {
      name: 'AI notes ready (no action items)',
      card: renderMeetingInsightsCard({
        meetingTitle: t(300),
        onlineMeetingId: 'M'.repeat(300),
        startedAt: '2026-03-02T10:00:00.000Z',
        actionItems: [],
        notes: 1,
      }),
    },
    {
      name: 'add actions to a logged meeting (AI proposal)',
      card: renderMeetingActionsFormCard({ ...meetingActionsModel, proposedActions: aiRows }),
    },
    {
      name: 'add actions to a logged meeting (every field wrong)',
      card: renderMeetingActionsFormCard({
        ...meetingActionsModel,
        state: {
          ...fullMeeting,
          values: { ...fullMeeting.values, aiOwners: aiRows.map(() => t(100)), meetingId: 'mtg_1' },
        },
      }),
    },
    {
      name: 'partner form (blank)',
      card: renderPartnerFormCard({
        surface: 'message',
        formId: 'form-0000000002',
        people: choices(9),
        me: aUser(1).aadObjectId,
        searchScope: 'organisation',
        state: EMPTY_FORM,
      }),
    },
    {
      name: 'partner form (every field full, every field wrong)',
      card: renderPartnerFormCard({
        surface: 'dialog',
        formId: 'form-0000000002',
        people: choices(9),
        me: aUser(1).aadObjectId,
        searchScope: 'organisation',
        state: fullState({
          name: t(P.name),
          contactName: t(P.text),
          contactRole: t(P.text),
          contactEmail: t(P.email),
          contactPhone: t(P.phone),
          authorityNotes: t(P.notes),
          notes: t(P.notes),
          sourceLabel: t(P.text),
          sourceUrl: t(P.url),
        }),
      }),
    },
    {
      name: 'action form',
      card: renderActionFormCard({
        surface: 'message',
        formId: 'form-0000000003',
        partners: partnerChoices,
        people: choices(20),
        me: aUser(1).aadObjectId,
        searchScope: 'conversation',
        today,
        state: fullState({ title: t(300) }),
      }),
    },
    {
      name: 'agreement form (blank)',
      card: renderAgreementFormCard({
        surface: 'message',
        formId: 'form-0000000004',
        partners: partnerChoices,
        people: choices(9),
        searchScope: 'conversation',
        today,
        state: EMPTY_FORM,
      }),
    },
    {
      name: 'agreement form (every field full, every field wrong)',
      card: renderAgreementFormCard({
        surface: 'message',
        formId: 'form-0000000004',
        partners: partnerChoices,
        people: choices(9),
        searchScope: 'conversation',
        today,
        state: fullState({
          title: t(A.title),
          ourParty: t(A.party),
          internalDemand: t(A.demand),
          externalDemand: t(A.demand),
          description: t(A.description),
          priorityRule: t(A.priorityRule),
          rationale: t(A.rationale),
          escalationRoute: t(A.escalation),
        }),
      }),
    },
  );
  return samples;
}

/** A form state with these values and an error message on each of them and on the whole form. */
function fullState(values: Record<string, string>): FormState {
  return {
    values,
    errors: Object.fromEntries(
      Object.keys(values).map((k) => [k, `${k} must be at most so many characters; shorten it`]),
    ),
    general: ['Something about the whole form was wrong'],
  };
}

/** The same samples with three-byte text everywhere. */
export function cjkSamples(core: Core): Promise<CardSample[]> {
  return worstCaseSamples(core, CJK_PATTERN);
}

/** Reminder cards at their worst: the longest titles, every kind, and a digest longer than it shows. */
function reminderSamples(t: (n: number) => string, partnerId: string, spaceId: string): CardSample[] {
  const kinds: ReminderItem['kind'][] = [
    'checkin_due',
    'action_overdue',
    'agreement_review',
    'sla_review',
    'action_assigned',
  ];
  const item = (i: number): ReminderItem => ({
    reminderId: `rem_${String(i).padStart(26, '0')}`,
    kind: kinds[i % kinds.length]!,
    spaceId,
    subjectId: `act_${String(i).padStart(26, '0')}`,
    title: t(300),
    partnerId,
    partnerName: t(120),
    date: '2026-03-03',
    assignerName: t(200),
    meetingAt: '2026-03-02T10:00:00.000Z',
  });
  const page = () => `https://${'h'.repeat(200)}.example/tab/#/partners/${partnerId}`;
  return [
    ...kinds.map((kind, i) => ({
      name: `reminder (${kind})`,
      card: renderReminderCard({ items: [{ ...item(i), kind }], digest: false, partnerPageUrl: page }),
    })),
    {
      name: 'reminder digest (more items than it lists)',
      card: renderReminderCard({
        items: Array.from({ length: 40 }, (_, i) => item(i)),
        digest: true,
        partnerPageUrl: page,
      }),
    },
  ];
}
