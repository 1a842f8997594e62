import { AppTokenProvider } from '../../../adapters/graph/app-token';
import { createGraphClient } from '../../../adapters/graph/graph-client';
import { GraphMeetingInsights, InsightsRefusedError } from '../../../adapters/graph/graph-meeting-insights';
import { ForbiddenError } from '../../../core/errors';
import { TENANT_A } from '../../../testkit/factories';
import { FakeGraphMeetings, type FakeAiInsight } from '../../support/fake-graph-meetings';
import { recordedAiInsight } from '../../support/graph-recordings';

const ORGANIZER = '2b4d7c8e-5a31-4f6e-9c2d-1e0f3a4b5c61';
const MEETING = 'MSpkYzE3NjQ2My1mNTU2LTRmZmEtYTk4My05ZmE5NWRiNzk0YjIqMCoqMTk6bWVldGluZw==';
const STARTED = { startedAt: '2026-03-03T10:00:00.000Z', endedAt: '2026-03-03T11:02:00.000Z' };
/** The recorded insight set, without the context Graph adds per response. */
const INSIGHT = recordedAiInsight();

/** The real Graph client (no client-side retries) and our insights adapter, against a loopback Graph. */
describe(GraphMeetingInsights.name, () => {
  let graph: FakeGraphMeetings;
  let insights: GraphMeetingInsights;

  beforeAll(async () => {
    graph = await FakeGraphMeetings.start();
  });
  afterAll(async () => graph.close());
  beforeEach(() => {
    graph.insights.clear();
    graph.requests.length = 0;
    const auth = new AppTokenProvider({
      tenantId: TENANT_A,
      clientId: '0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
      clientSecret: 'app-secret',
      authorityUrl: graph.baseUrl,
    });
    insights = new GraphMeetingInsights(createGraphClient({ baseUrl: graph.graphUrl, auth, maxRetries: 0 }));
  });

  const ready = (...sets: FakeAiInsight[]) => graph.insights.set(`${ORGANIZER}/${MEETING}`, sets);

  it('lists the insight sets, then reads the action items and notes of this occurrence', async () => {
    ready(INSIGHT);
    const reading = await insights.read(ORGANIZER, MEETING, STARTED);
    expect(reading).toEqual({
      kind: 'ready',
      insights: {
        ids: [INSIGHT.id],
        actionItems: [
          {
            title: 'Share the revised depot rota',
            text: 'Send the revised weekend depot rota, with named cover for late leave, to the contact centre team.',
            ownerDisplayName: 'Priya Shah',
          },
          expect.objectContaining({
            title: 'Brief the contact centre on slot priority',
            ownerDisplayName: 'megan bowen',
          }),
          expect.objectContaining({
            title: 'Attach damage photos at first contact',
            ownerDisplayName: 'Jordan Ellis',
          }),
        ],
        notes: [
          expect.objectContaining({
            title: 'Weekend delivery cover',
            subpoints: [
              { title: 'Root cause', text: expect.stringContaining('depot rota') },
              { title: 'Customer impact', text: expect.stringContaining('Eleven customers') },
            ],
          }),
          expect.objectContaining({ title: 'Refund turnaround', subpoints: [] }),
        ],
      },
    });
    const path = `/v1.0/copilot/users/${ORGANIZER}/onlineMeetings/${encodeURIComponent(MEETING)}/aiInsights`;
    expect(graph.requests.filter((r) => !r.includes('/oauth2/'))).toEqual([
      `GET ${path}`,
      `GET ${path}/${encodeURIComponent(INSIGHT.id)}`,
    ]);
  });

  it('puts together the sets of one occurrence (transcription restarted) and leaves out other occurrences', async () => {
    ready(
      {
        ...INSIGHT,
        id: 'next-month',
        createdDateTime: '2026-04-03T10:01:00Z',
        actionItems: [{ title: 'New', text: 'New', ownerDisplayName: 'Alex Wilber' }],
      },
      {
        ...INSIGHT,
        id: 'last-month',
        createdDateTime: '2026-02-03T10:02:00Z',
        actionItems: [{ title: 'Old', text: 'Old', ownerDisplayName: 'Alex Wilber' }],
      },
      INSIGHT,
      {
        ...INSIGHT,
        id: 'restarted',
        createdDateTime: '2026-03-03T10:40:00Z',
        meetingNotes: [],
        actionItems: [
          {
            title: 'Confirm the Saturday driver',
            text: 'Confirm who covers Saturday.',
            ownerDisplayName: null,
          },
        ],
      },
    );
    const reading = await insights.read(ORGANIZER, MEETING, STARTED);
    if (reading.kind !== 'ready') throw new Error(`expected insights, got ${reading.kind}`);
    expect(reading.insights.ids).toEqual([INSIGHT.id, 'restarted']);
    expect(reading.insights.actionItems.map((a) => a.title)).toEqual([
      'Share the revised depot rota',
      'Brief the contact centre on slot priority',
      'Attach damage photos at first contact',
      'Confirm the Saturday driver',
    ]);
    // An owner Copilot did not name is left out, not made up.
    expect(reading.insights.actionItems[3]).not.toHaveProperty('ownerDisplayName');
  });

  it('is not ready while Graph has no insights: a 404, an empty list, or only an earlier occurrence’s', async () => {
    expect(await insights.read(ORGANIZER, MEETING, STARTED)).toEqual({ kind: 'not_ready' });
    ready();
    expect(await insights.read(ORGANIZER, MEETING, STARTED)).toEqual({ kind: 'not_ready' });
    ready({ ...INSIGHT, createdDateTime: '2026-02-03T10:02:00Z' });
    expect(await insights.read(ORGANIZER, MEETING, STARTED)).toEqual({ kind: 'not_ready' });
  });

  it('says what is missing when Graph refuses (403): the Copilot licence, the permission, the access policy', async () => {
    ready(INSIGHT);
    graph.failNext({ status: 403 });
    const refused = insights.read(ORGANIZER, MEETING, STARTED);
    await expect(refused).rejects.toBeInstanceOf(InsightsRefusedError);
    await expect(refused).rejects.toBeInstanceOf(ForbiddenError);
    await expect(refused).rejects.toThrow(
      /Microsoft 365 Copilot licence.*OnlineMeetingAiInsight\.Read\.All.*application access policy/,
    );
  });

  it('passes on Graph’s Retry-After when throttled (429)', async () => {
    ready(INSIGHT);
    graph.failNext({ status: 429, retryAfterSeconds: 120 });
    expect(await insights.read(ORGANIZER, MEETING, STARTED)).toEqual({
      kind: 'unavailable',
      detail: expect.stringContaining('429'),
      retryAfterMs: 120_000,
    });
  });

  it.each([500, 503] as const)(
    'is unavailable for now after a %d, without a wait of its own',
    async (status) => {
      ready(INSIGHT);
      graph.failNext({ status });
      const reading = await insights.read(ORGANIZER, MEETING, STARTED);
      expect(reading).toEqual({ kind: 'unavailable', detail: expect.stringContaining(String(status)) });
    },
  );

  it.each([
    [403, 'refused'],
    [404, 'not_ready'],
    [429, 'unavailable'],
    [500, 'unavailable'],
    [503, 'unavailable'],
  ] as const)('reads a %d on an insight set itself (its list answered) as %s', async (status, outcome) => {
    ready(INSIGHT);
    graph.failNextMatching(/\/aiInsights\/[^/]+$/, {
      status,
      ...(status === 429 ? { retryAfterSeconds: 30 } : {}),
    });
    const reading = insights.read(ORGANIZER, MEETING, STARTED);
    if (outcome === 'refused') return expect(reading).rejects.toBeInstanceOf(InsightsRefusedError);
    const read = await reading;
    expect(read.kind).toBe(outcome);
    if (status === 429) expect(read).toMatchObject({ retryAfterMs: 30_000 });
  });
});
