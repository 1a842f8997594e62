import { AppTokenProvider } from '../../../adapters/graph/app-token';
import { createGraphClient } from '../../../adapters/graph/graph-client';
import { GraphMeetingInsights } from '../../../adapters/graph/graph-meeting-insights';
import { PostgresStore } from '../../../adapters/store/postgres/postgres-store';
import { SqliteStore } from '../../../adapters/store/sqlite/sqlite-store';
import type { Scope } from '../../../core/common/scope';
import { MeetingInsightsSync } from '../../../core/meetings/meeting-insights-sync';
import type { Store } from '../../../core/ports';
import { aCaller, aPartnerInput, aUser, TENANT_A } from '../../../testkit/factories';
import { FakeClock } from '../../../testkit/fake-clock';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { STORE_KINDS, type TestStore } from '../../../testkit/test-stores';
import { FakeGraphMeetings } from '../../support/fake-graph-meetings';
import { recordedAiInsight } from '../../support/graph-recordings';
import { RecordingAnnouncer } from '../../support/recording-announcer';

const ORGANIZER = aUser(1, 'Alex Wilber');
const INSIGHT = recordedAiInsight();
const STARTED = '2026-03-03T10:00:00.000Z';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

for (const kind of STORE_KINDS) {
  describe(`${MeetingInsightsSync.name} with Copilot's meeting insights, on ${kind.name}`, () => {
    let t: TestStore;
    let tc: TestCore;
    let graph: FakeGraphMeetings;
    let announcer: RecordingAnnouncer;
    let run = 0;

    beforeAll(async () => {
      t = await kind.open();
      graph = await FakeGraphMeetings.start();
    });
    afterAll(async () => {
      await graph.close();
      await t.dispose();
    });
    beforeEach(async () => {
      // The queue is read across tenants: each test starts with it empty, so none works another's meetings.
      await t.raw('DELETE FROM meeting_insight_jobs');
      // Each test its own id salt: they share one store. 11:05, five minutes after the meeting ended.
      tc = testCore(t.store, '2026-03-03T11:05:00Z', `ins${(run += 1)}-`);
      graph.insights.clear();
      announcer = new RecordingAnnouncer();
    });

    /** The job as the server wires it: a Graph client without client-side retries, so the job's own backoff shows. */
    function syncOn(store: Store, clock: FakeClock = tc.clock, told = announcer): MeetingInsightsSync {
      const auth = new AppTokenProvider({
        tenantId: TENANT_A,
        clientId: '0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
        clientSecret: 'app-secret',
        authorityUrl: graph.baseUrl,
      });
      const client = createGraphClient({ baseUrl: graph.graphUrl, auth, maxRetries: 0 });
      return new MeetingInsightsSync({ store, clock }, new GraphMeetingInsights(client), told);
    }

    /** A meeting with Northwind ended in its chat at 11:02; the bot queued it. */
    async function meetingEnded(
      name: string,
      tenantId = TENANT_A,
    ): Promise<{ scope: Scope; meetingId: string }> {
      const caller = aCaller({ tenantId, spaceId: aSpace('meeting-chat') });
      await tc.core.partners.add(caller, aPartnerInput());
      const meetingId = `MSp${name}-${kind.name}-${run}`;
      await tc.core.meetingInsights.meetingEnded(caller.scope, {
        onlineMeetingId: meetingId,
        organizerAadObjectId: ORGANIZER.aadObjectId,
        title: 'Northwind monthly delivery review',
        startedAt: STARTED,
        endedAt: '2026-03-03T11:02:00.000Z',
      });
      return { scope: caller.scope, meetingId };
    }

    const insightsAreReady = (meetingId: string) =>
      graph.insights.set(`${ORGANIZER.aadObjectId}/${meetingId}`, [INSIGHT]);
    const asked = (meetingId: string) => graph.requests.filter((r) => r.includes(meetingId)).length;

    it('waits while Copilot has nothing (404), then keeps the proposal and tells the chat, storing no action', async () => {
      const { scope, meetingId } = await meetingEnded('ready');
      const sync = syncOn(t.store);
      expect(await sync.run()).toEqual({ proposed: 0, announced: 0, waiting: 1, refused: [] });
      // Not asked again before its wait.
      tc.clock.advance(4 * MINUTE);
      expect(await sync.run()).toEqual({ proposed: 0, announced: 0, waiting: 0, refused: [] });
      insightsAreReady(meetingId);
      tc.clock.advance(MINUTE);
      expect(await sync.run()).toEqual({ proposed: 1, announced: 1, waiting: 0, refused: [] });

      expect(announcer.announced).toEqual([
        {
          tenantId: TENANT_A,
          spaceId: scope.spaceId,
          onlineMeetingId: meetingId,
          startedAt: STARTED,
          organizerAadObjectId: ORGANIZER.aadObjectId,
          meetingTitle: 'Northwind monthly delivery review',
          actionItems: [
            expect.objectContaining({
              title: 'Share the revised depot rota',
              ownerDisplayName: 'Priya Shah',
            }),
            expect.objectContaining({ ownerDisplayName: 'megan bowen' }),
            expect.objectContaining({ ownerDisplayName: 'Jordan Ellis' }),
          ],
          notes: 2,
        },
      ]);
      const job = await t.store.read.meetingInsightsQueue.proposal(scope, meetingId, STARTED);
      expect(job).toMatchObject({ status: 'announced', proposal: { ids: [INSIGHT.id] } });
      expect(job!.proposal!.actionItems).toHaveLength(3);
      // A proposal, not a record: no action and no evidence until a supervisor logs it.
      expect((await tc.core.actions.list(scope, {}, { limit: 10 })).items).toEqual([]);
      const events = await tc.core.evidence.list(scope, {}, { limit: 50 });
      expect(events.items.map((e) => e.kind).filter((k) => /^(action|meeting)\./.test(k))).toEqual([]);
      // Done: nothing more is asked or said.
      tc.clock.advance(24 * HOUR);
      const before = asked(meetingId);
      expect(await sync.run()).toEqual({ proposed: 0, announced: 0, waiting: 0, refused: [] });
      expect(asked(meetingId)).toBe(before);
      expect(announcer.announced).toHaveLength(1);
    });

    it('keeps the occurrences of a recurring meeting apart: each its own job, proposal and card', async () => {
      const { scope, meetingId } = await meetingEnded('weekly');
      const nextWeek = { startedAt: '2026-03-10T10:00:00.000Z', endedAt: '2026-03-10T11:00:00.000Z' };
      await tc.core.meetingInsights.meetingEnded(scope, {
        onlineMeetingId: meetingId,
        organizerAadObjectId: ORGANIZER.aadObjectId,
        title: 'Northwind monthly delivery review',
        ...nextWeek,
      });
      graph.insights.set(`${ORGANIZER.aadObjectId}/${meetingId}`, [
        INSIGHT,
        {
          ...INSIGHT,
          id: 'next-week',
          createdDateTime: '2026-03-10T10:02:00Z',
          actionItems: [
            { title: 'Check the new rota worked', text: 'Check it.', ownerDisplayName: 'Priya Shah' },
          ],
        },
      ]);
      expect(await syncOn(t.store).run()).toMatchObject({ proposed: 2, announced: 2 });
      const first = await t.store.read.meetingInsightsQueue.proposal(scope, meetingId, STARTED);
      const second = await t.store.read.meetingInsightsQueue.proposal(scope, meetingId, nextWeek.startedAt);
      expect(first!.proposal!.ids).toEqual([INSIGHT.id]);
      expect(second!.proposal!.actionItems.map((a) => a.title)).toEqual(['Check the new rota worked']);
      expect(announcer.announced.map((a) => a.startedAt).sort()).toEqual([STARTED, nextWeek.startedAt]);
    });

    it('takes an empty list of insight sets as not ready yet', async () => {
      const { meetingId } = await meetingEnded('empty');
      graph.insights.set(`${ORGANIZER.aadObjectId}/${meetingId}`, []);
      expect(await syncOn(t.store).run()).toMatchObject({ proposed: 0, waiting: 1 });
    });

    it('honours Graph’s Retry-After when throttled (429): not asked again before it, even past the usual wait', async () => {
      const { meetingId } = await meetingEnded('throttled');
      insightsAreReady(meetingId);
      const sync = syncOn(t.store);
      graph.failNext({ status: 429, retryAfterSeconds: 2 * 60 * 60 });
      expect(await sync.run()).toMatchObject({ proposed: 0, waiting: 1 });
      const after429 = asked(meetingId);
      tc.clock.advance(HOUR);
      expect(await sync.run()).toMatchObject({ proposed: 0, waiting: 0 });
      expect(asked(meetingId)).toBe(after429);
      tc.clock.advance(HOUR);
      expect(await sync.run()).toMatchObject({ proposed: 1, announced: 1 });
    });

    it.each([500, 503] as const)('backs off after a %d, growing waits, then proposes', async (status) => {
      const { meetingId } = await meetingEnded(`fail${status}`);
      insightsAreReady(meetingId);
      const sync = syncOn(t.store);
      graph.failNext({ status });
      graph.failNext({ status });
      expect(await sync.run()).toMatchObject({ waiting: 1 });
      tc.clock.advance(5 * MINUTE);
      expect(await sync.run()).toMatchObject({ waiting: 1 });
      // The second wait is longer than the first.
      tc.clock.advance(5 * MINUTE);
      expect(await sync.run()).toMatchObject({ waiting: 0, proposed: 0 });
      tc.clock.advance(5 * MINUTE);
      expect(await sync.run()).toMatchObject({ proposed: 1, announced: 1 });
    });

    it('says once per tenant that AI action items are refused (403), holds those meetings and stops asking', async () => {
      const tenant = `tenant-403-${kind.name}`;
      const first = await meetingEnded('refused-a', tenant);
      const second = await meetingEnded('refused-b', tenant);
      graph.failNext({ status: 403 });
      graph.failNext({ status: 403 });
      const sync = syncOn(t.store);
      const report = await sync.run();
      expect(report).toMatchObject({ proposed: 0, waiting: 0 });
      expect(report.refused).toHaveLength(1);
      expect(report.refused[0]).toMatch(/Microsoft 365 Copilot licence.*OnlineMeetingAiInsight\.Read\.All/);
      expect(announcer.unavailableNotices).toEqual([
        expect.objectContaining({ tenantId: tenant, meetingTitle: 'Northwind monthly delivery review' }),
      ]);
      for (const m of [first, second])
        expect(await t.store.read.meetingInsightsQueue.proposal(m.scope, m.meetingId, STARTED)).toMatchObject(
          {
            status: 'held',
            lastError: expect.stringContaining('Copilot licence'),
          },
        );
      // Held: a week of runs asks Graph nothing more about them.
      const before = graph.requests.length;
      tc.clock.advance(7 * 24 * HOUR);
      expect(await sync.run()).toEqual({ proposed: 0, announced: 0, waiting: 0, refused: [] });
      expect(graph.requests).toHaveLength(before);
      // A later meeting in the same tenant meets the same refusal: held, and not said again.
      await meetingEnded('refused-c', tenant);
      graph.failNext({ status: 403 });
      expect((await sync.run()).refused).toEqual([]);
      expect(announcer.unavailableNotices).toHaveLength(1);
    });

    it('survives a restart: a new runner on its own connection to the store carries on where the last stopped', async () => {
      const { scope, meetingId } = await meetingEnded('restart');
      expect(await syncOn(t.store).run()).toMatchObject({ waiting: 1 });
      // Another process: its own store connection, clock and Graph client; nothing shared but the database.
      const reopened = await reopen(t);
      try {
        const clock = new FakeClock('2026-03-03T11:10:00Z');
        insightsAreReady(meetingId);
        const later = new RecordingAnnouncer().answer('retry');
        expect(await syncOn(reopened, clock, later).run()).toMatchObject({
          proposed: 1,
          announced: 0,
          waiting: 1,
        });
        // Teams did not take the message: the proposal is kept and only the message is tried again.
        const asks = asked(meetingId);
        clock.advance(10 * MINUTE);
        expect(await syncOn(reopened, clock, later).run()).toMatchObject({ proposed: 0, announced: 1 });
        expect(asked(meetingId)).toBe(asks);
        expect(later.announced).toHaveLength(2);
        expect(await reopened.read.meetingInsightsQueue.proposal(scope, meetingId, STARTED)).toMatchObject({
          status: 'announced',
        });
      } finally {
        await reopened.close();
      }
    });

    it('lets one of two runners working at once take a meeting', async () => {
      const { meetingId } = await meetingEnded('race');
      insightsAreReady(meetingId);
      const other = new RecordingAnnouncer();
      const reports = await Promise.all([syncOn(t.store).run(), syncOn(t.store, tc.clock, other).run()]);
      expect(reports.map((r) => r.proposed).sort()).toEqual([0, 1]);
      expect(announcer.announced.length + other.announced.length).toBe(1);
    });

    it('gives up on a meeting Copilot never has insights for, after about a day of tries', async () => {
      const { scope, meetingId } = await meetingEnded('never');
      const sync = syncOn(t.store);
      for (let i = 0; i < 12; i++) {
        await sync.run();
        tc.clock.advance(6 * HOUR);
      }
      expect(await t.store.read.meetingInsightsQueue.proposal(scope, meetingId, STARTED)).toMatchObject({
        status: 'held',
        attempts: 12,
        lastError: expect.stringContaining('Gave up after 12 attempts'),
      });
      const before = asked(meetingId);
      await sync.run();
      expect(asked(meetingId)).toBe(before);
    });
  });
}

/** A second connection to the same database, as a restarted process would open. */
async function reopen(t: TestStore): Promise<Store> {
  const location = t.readerLocation;
  return 'sqliteFile' in location
    ? SqliteStore.open(location.sqliteFile)
    : PostgresStore.open(location.postgres);
}
