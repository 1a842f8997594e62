import { AppTokenProvider } from '../../adapters/graph/app-token';
import { createGraphClient } from '../../adapters/graph/graph-client';
import { GraphMeetingInsights } from '../../adapters/graph/graph-meeting-insights';
import { silentLogger } from '../../adapters/logging/json-logger';
import { SlidingWindowRateLimiter } from '../../adapters/rate-limit/sliding-window-rate-limiter';
import { ConnectorClients } from '../../bot/notifier/connector-clients';
import { MeetingInsightsAnnouncer } from '../../bot/notifier/meeting-insights-announcer';
import { ADD_MEETING_ACTIONS_VERB } from '../../cards/meeting-actions-form-card';
import { LOG_MEETING_VERB } from '../../cards/meeting-form-card';
import { REVIEW_INSIGHTS_VERB } from '../../cards/meeting-insights-card';
import { MeetingInsightsSync } from '../../core/meetings/meeting-insights-sync';
import { botAuthentication } from '../../server/bot-authentication';
import { loadConfig } from '../../server/config';
import { aCaller, aPartnerInput } from '../../testkit/factories';
import { TeamsTestClient, memberOf } from '../support/bot-client';
import {
  answeredCard,
  buttons,
  cardText,
  filledInputs,
  input,
  inputError,
  submitData,
} from '../support/card-reading';
import { FakeGraphMeetings } from '../support/fake-graph-meetings';
import { recordedAiInsight } from '../support/graph-recordings';
import { PEOPLE, PLACES, teamsActivity } from '../support/teams-activities';

const MEETING_CHAT = '19:meeting_NzM0YjVhMjktOGQxNS00ZWY4LWI2ZGMtNjQyZjA1ZTdhNWQw@thread.v2';
const TEAMS_MEETING_ID =
  'MCMxOTptZWV0aW5nX056TTBZalZoTWprdE9HUXhOUzAwWldZNExXSTJaR010TmpReVpqQTFaVGRoTldRd0B0aHJlYWQudjIjMA==';
/** Graph's id of the online meeting, as Teams' meeting details give it. */
const ONLINE_MEETING_ID = 'MSpkYzE3NjQ2My1mNTU2LTRmZmEtYTk4My05ZmE5NWRiNzk0YjIqMCoqMTk6bWVldGluZw==';
const PRIYA = {
  id: '29:1priyaGuest7hT3kL9mN2bV5cX8zQ4wE6rT1yU0',
  name: 'Priya Shah (Guest)',
  aadObjectId: '7a1b2c3d-0000-4000-8000-00000000a001',
  email: 'priya.shah@northwind.example',
  userRole: 'guest' as const,
};
const INSIGHT = recordedAiInsight();
const SPACE = { tenantId: PLACES.tenant, spaceId: `chat:${MEETING_CHAT}` };
/** The occurrence's start, as Teams' meeting details give it (its scheduled start). */
const STARTED = '2026-03-03T10:00:00.000Z';

/**
 * Copilot's action items after a Teams meeting, end to end: the bot queues the ended meeting, the job reads the
 * insights from a loopback Graph and posts the card to the meeting chat through the fake Bot Connector, and
 * "Review and log" answers with the meeting form prefilled. Nothing is stored until the form is submitted.
 */
describe('AI action items from a meeting’s Copilot insights', () => {
  let t: TeamsTestClient;
  let graph: FakeGraphMeetings;
  let sync: MeetingInsightsSync;
  let priyaId: string;

  beforeAll(async () => {
    [t, graph] = await Promise.all([
      TeamsTestClient.start({ insightsFromGraph: true }),
      FakeGraphMeetings.start(),
    ]);
    const caller = aCaller({ spaceId: SPACE.spaceId });
    const { partner } = await t.app.core.partners.add(caller, aPartnerInput({ name: 'Northwind Logistics' }));
    priyaId = partner.contacts[0]!.personId;
    t.connector.rosters.set(MEETING_CHAT, [memberOf(PEOPLE.alex), memberOf(PEOPLE.megan), PRIYA]);
    t.connector.meetings.set(TEAMS_MEETING_ID, {
      details: {
        id: TEAMS_MEETING_ID,
        msGraphResourceId: ONLINE_MEETING_ID,
        scheduledStartTime: '2026-03-03T10:00:00Z',
        scheduledEndTime: '2026-03-03T11:00:00Z',
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzM0YjVh%40thread.v2/0',
        title: 'Northwind monthly delivery review',
        type: 'Scheduled',
      },
      conversation: { isGroup: true, conversationType: 'groupChat', id: MEETING_CHAT },
      organizer: { id: PEOPLE.alex.mri, aadObjectId: PEOPLE.alex.aadObjectId, tenantId: PLACES.tenant },
    });
    // The job as GRAPH_MEETING_INSIGHTS=on wires it, sending through the fake Bot Connector.
    const config = loadConfig({});
    const auth = new AppTokenProvider({
      tenantId: PLACES.tenant,
      clientId: '0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
      clientSecret: 'app-secret',
      authorityUrl: graph.baseUrl,
    });
    sync = new MeetingInsightsSync(
      { store: t.app.store.store, clock: t.app.clock },
      new GraphMeetingInsights(createGraphClient({ baseUrl: graph.graphUrl, auth, maxRetries: 0 })),
      new MeetingInsightsAnnouncer({
        clients: new ConnectorClients(botAuthentication(config), config.bot.appId),
        core: t.app.core,
        limiter: new SlidingWindowRateLimiter(() => config.reminders.conversationLimits),
        clock: t.app.clock,
        logger: silentLogger,
      }),
    );
    t.app.clock.set('2026-03-03T11:02:30Z');
  });
  afterAll(async () => Promise.all([t.close(), graph.close()]));

  /** Presses a button of a card the bot posted in the meeting chat, as Alex. */
  const press = (verb: string, data: unknown, replyToId: string) =>
    t.post(
      t.activity('adaptive-card-action', PEOPLE.alex, 'groupChat', {
        conversation: {
          isGroup: true,
          conversationType: 'groupChat',
          tenantId: PLACES.tenant,
          id: MEETING_CHAT,
        },
        replyToId,
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      }),
    );
  const stored = async () => ({
    meetings: (await t.app.core.meetings.list(SPACE, {}, { limit: 10 })).items,
    actions: (await t.app.core.actions.list(SPACE, {}, { limit: 20 })).items,
  });

  it('posts “AI action items are ready” once Copilot has them, and Review and log prefills the meeting form', async () => {
    await t.post(teamsActivity('meeting-end', t.connector.serviceUrl));
    expect(
      await t.app.store.store.read.meetingInsightsQueue.proposal(SPACE, ONLINE_MEETING_ID, STARTED),
    ).toMatchObject({
      status: 'waiting',
      organizerAadObjectId: PEOPLE.alex.aadObjectId,
      title: 'Northwind monthly delivery review',
      startedAt: '2026-03-03T10:00:00.000Z',
    });
    const offers = t.connector.posted(MEETING_CHAT).length;
    // Not ready yet (Graph answers 404): nothing is said.
    expect(await sync.run()).toMatchObject({ waiting: 1, announced: 0 });
    expect(t.connector.posted(MEETING_CHAT)).toHaveLength(offers);

    graph.insights.set(`${PEOPLE.alex.aadObjectId}/${ONLINE_MEETING_ID}`, [INSIGHT]);
    t.app.clock.advance(5 * 60_000);
    expect(await sync.run()).toMatchObject({ proposed: 1, announced: 1 });
    const posted = t.connector.posted(MEETING_CHAT);
    expect(posted).toHaveLength(offers + 1);
    const ready = posted[posted.length - 1];
    const card = ready.attachments[0].content;
    const words = cardText(card);
    expect(words).toContain('AI action items are ready for “Northwind monthly delivery review”');
    expect(words).toContain('Share the revised depot rota (owner: Priya Shah)');
    expect(words).toContain('Attach damage photos at first contact (owner: Jordan Ellis)');
    expect(buttons(card, REVIEW_INSIGHTS_VERB)).toHaveLength(1);
    expect(await stored()).toEqual({ meetings: [], actions: [] });

    const answer = await press(REVIEW_INSIGHTS_VERB, submitData(card, REVIEW_INSIGHTS_VERB), ready.id);
    const form = answeredCard(answer.body);
    expect(input(form, 'title')?.value).toBe('Northwind monthly delivery review');
    expect(input(form, 'time')?.value).toBe('10:00');
    expect(input(form, 'durationMinutes')?.value).toBe(62);
    expect(String(input(form, 'minutes')?.value)).toContain('Weekend delivery cover');
    expect(input(form, 'action1Title')?.value).toBe('Share the revised depot rota');
    // Priya, in the meeting as a guest, is matched to Northwind's contact; "megan bowen" to Megan.
    expect(input(form, 'action1Owner')?.value).toBe(priyaId);
    expect(input(form, 'action2Owner')?.value).toBe(PEOPLE.megan.aadObjectId);
    expect(input(form, 'action2Owner')?.label).toBe('Owner (the AI said “megan bowen”)');
    // Nobody in the meeting is Jordan Ellis: the owner is left empty, and the card says whom the AI named.
    expect(input(form, 'action3Owner')?.value).toBeUndefined();
    expect(cardText(form)).toContain('Nobody in this meeting matches “Jordan Ellis”');
    for (const row of [1, 2, 3]) expect(input(form, `action${row}Due`)?.value).toBeUndefined();
    expect(await stored()).toEqual({ meetings: [], actions: [] });
  });

  it('re-renders the form with the supervisor’s values and what is missing, storing nothing, then logs it', async () => {
    const ready = t.connector.posted(MEETING_CHAT).at(-1);
    const reviewed = answeredCard(
      (
        await press(
          REVIEW_INSIGHTS_VERB,
          { onlineMeetingId: ONLINE_MEETING_ID, startedAt: STARTED },
          ready.id,
        )
      ).body,
    );
    // Submitted as proposed: no due dates, and the third action has no owner.
    const again = answeredCard(
      (
        await press(
          LOG_MEETING_VERB,
          submitData(reviewed, LOG_MEETING_VERB, filledInputs(reviewed)),
          ready.id,
        )
      ).body,
    );
    expect(inputError(again, 'action3Owner')).toBe('Choose who does this');
    expect(input(again, 'action1Title')?.value).toBe('Share the revised depot rota');
    expect(input(again, 'action2Owner')?.label).toBe('Owner (the AI said “megan bowen”)');
    expect(await stored()).toEqual({ meetings: [], actions: [] });

    const undated = answeredCard(
      (
        await press(
          LOG_MEETING_VERB,
          submitData(again, LOG_MEETING_VERB, {
            ...filledInputs(again),
            action3Owner: PEOPLE.megan.aadObjectId,
          }),
          ready.id,
        )
      ).body,
    );
    expect(inputError(undated, 'action1Due')).toBeDefined();
    expect(await stored()).toEqual({ meetings: [], actions: [] });

    const answer = await press(
      LOG_MEETING_VERB,
      submitData(undated, LOG_MEETING_VERB, {
        ...filledInputs(undated),
        action3Owner: PEOPLE.megan.aadObjectId,
        action1Due: '2026-03-10',
        action2Due: '2026-03-06',
        action3Due: '2026-03-13',
      }),
      ready.id,
    );
    expect(JSON.stringify(answer.body)).toContain('Meeting logged');
    const { meetings, actions } = await stored();
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.source).toEqual({ kind: 'teams_meeting', externalId: ONLINE_MEETING_ID });
    expect(actions.map((a) => [a.title, a.dueDate]).sort()).toEqual([
      ['Attach damage photos at first contact', '2026-03-13'],
      ['Brief the contact centre on slot priority', '2026-03-06'],
      ['Share the revised depot rota', '2026-03-10'],
    ]);
    expect(actions.find((a) => a.title.startsWith('Share'))!.ownerId).toBe(priyaId);
  });

  it('offers to add the action items to the meeting once it is logged, rather than logging it twice', async () => {
    const ready = t.connector.posted(MEETING_CHAT).at(-1);
    const form = answeredCard(
      (
        await press(
          REVIEW_INSIGHTS_VERB,
          { onlineMeetingId: ONLINE_MEETING_ID, startedAt: STARTED },
          ready.id,
        )
      ).body,
    );
    expect(cardText(form)).toContain('Add agreed actions to “Northwind monthly delivery review”');
    expect(cardText(form)).toContain('This meeting was logged already with 3 actions');
    expect(buttons(form, LOG_MEETING_VERB)).toHaveLength(0);
    expect(input(form, 'action1Owner')?.value).toBe(priyaId);

    // Only the third is new: the supervisor clears the other rows, picks the owner and a date.
    const answer = await press(
      ADD_MEETING_ACTIONS_VERB,
      submitData(form, ADD_MEETING_ACTIONS_VERB, {
        action3Title: 'Follow up photos with the returns team',
        action3Owner: PEOPLE.alex.aadObjectId,
        action3Due: '2026-03-20',
      }),
      ready.id,
    );
    expect(JSON.stringify(answer.body)).toContain('Actions added to the meeting');
    const { meetings, actions } = await stored();
    expect(meetings).toHaveLength(1);
    expect(actions).toHaveLength(4);
    expect(actions.find((a) => a.title === 'Follow up photos with the returns team')).toMatchObject({
      meetingId: meetings[0]!.id,
      dueDate: '2026-03-20',
    });

    // The meeting-end form offered when it ended now names the same Teams meeting: logging it too is refused.
    const offer = t.connector.posted(MEETING_CHAT).find((p) => String(p.text).includes('has ended'));
    const offerForm = offer.attachments[0].content;
    const refused = await press(
      LOG_MEETING_VERB,
      submitData(offerForm, LOG_MEETING_VERB, filledInputs(offerForm)),
      offer.id,
    );
    expect(cardText(answeredCard(refused.body))).toContain('This Teams meeting was logged already');
    expect((await stored()).meetings).toHaveLength(1);
  });
});
