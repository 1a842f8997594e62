import { AppTokenProvider } from '../../../adapters/graph/app-token';
import { GraphAttendance } from '../../../adapters/graph/graph-attendance';
import { createGraphClient } from '../../../adapters/graph/graph-client';
import { AttendanceSync } from '../../../core/meetings/attendance-sync';
import { aCaller, aPartnerInput, aUser, TENANT_A } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { STORE_KINDS, type TestStore } from '../../../testkit/test-stores';
import { FakeGraphMeetings } from '../../support/fake-graph-meetings';

const ORGANIZER = aUser(1, 'Alex Wilber');
const MEETING = 'MSpkYzE3NjQ2My1mNTU2LTRmZmEtYTk4My05ZmE5NWRiNzk0YjIqMCoqMTk6bWVldGluZw==';
/** When Teams said the meeting ended; its attendance report (below) ends 11:02:49. */
const ENDED_AT = '2026-03-03T11:03:00Z';

/** Attendance records as Graph returns them (shape from its documentation), for a partner meeting. */
function records(): Record<string, unknown>[] {
  const interval = (join: string, leave: string, seconds: number) => ({
    joinDateTime: join,
    leaveDateTime: leave,
    durationInSeconds: seconds,
  });
  return [
    {
      id: ORGANIZER.aadObjectId,
      emailAddress: ORGANIZER.email ?? 'alex.wilber@contoso.example',
      totalAttendanceInSeconds: 3720,
      role: 'Organizer',
      identity: { id: ORGANIZER.aadObjectId, displayName: 'Alex Wilber', tenantId: null },
      attendanceIntervals: [interval('2026-03-03T10:00:05Z', '2026-03-03T11:02:05Z', 3720)],
    },
    {
      id: aUser(2).aadObjectId,
      emailAddress: 'megan.bowen@contoso.example',
      totalAttendanceInSeconds: 1800,
      role: 'Presenter',
      identity: { id: aUser(2).aadObjectId, displayName: 'Megan Bowen', tenantId: TENANT_A },
      attendanceIntervals: [interval('2026-03-03T10:30:00Z', '2026-03-03T11:00:00Z', 1800)],
    },
    {
      id: '7a1b2c3d-0000-4000-8000-00000000a001',
      emailAddress: 'priya.shah@northwind.example',
      totalAttendanceInSeconds: 3600,
      role: 'Attendee',
      identity: {
        id: '7a1b2c3d-0000-4000-8000-00000000a001',
        displayName: 'Priya Shah',
        tenantId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
      },
      attendanceIntervals: [interval('2026-03-03T10:01:00Z', '2026-03-03T11:01:00Z', 3600)],
    },
    {
      id: '',
      emailAddress: null,
      totalAttendanceInSeconds: 600,
      role: 'Attendee',
      identity: { id: null, displayName: 'Driver (Unverified)', tenantId: null },
      attendanceIntervals: [interval('2026-03-03T10:10:00Z', '2026-03-03T10:20:00Z', 600)],
    },
  ];
}

for (const kind of STORE_KINDS) {
  describe(`${AttendanceSync.name} with Graph's attendance reports, on ${kind.name}`, () => {
    let t: TestStore;
    let tc: TestCore;
    let graph: FakeGraphMeetings;
    let sync: AttendanceSync;
    let run = 0;

    beforeAll(async () => {
      t = await kind.open();
      graph = await FakeGraphMeetings.start();
    });
    afterAll(async () => {
      await graph.close();
      await t.dispose();
    });
    beforeEach(() => {
      // Each test its own id salt: they share one store.
      tc = testCore(t.store, '2026-03-03T11:05:00Z', `att${(run += 1)}-`);
      graph.reports.clear();
      const auth = new AppTokenProvider({
        tenantId: TENANT_A,
        clientId: '0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
        clientSecret: 'app-secret',
        authorityUrl: graph.baseUrl,
      });
      // No client-side retries: a 429 or 5xx reaches the job, which retries with its own backoff.
      const client = createGraphClient({ baseUrl: graph.graphUrl, auth, maxRetries: 0 });
      sync = new AttendanceSync(
        { store: t.store, clock: tc.clock, ids: tc.ids },
        new GraphAttendance(client),
      );
    });

    async function meetingWithNorthwind(meetingId: string) {
      const caller = aCaller({ spaceId: aSpace('meeting-chat') });
      const { partner } = await tc.core.partners.add(caller, aPartnerInput());
      await tc.core.attendance.meetingEnded(caller.scope, {
        onlineMeetingId: meetingId,
        organizerAadObjectId: ORGANIZER.aadObjectId,
        endedAt: ENDED_AT,
      });
      return { caller, partner };
    }

    function reportIsReady(meetingId: string, recordsPerPage = 100) {
      graph.recordsPerPage = recordsPerPage;
      graph.reports.set(`${ORGANIZER.aadObjectId}/${meetingId}`, [
        {
          id: 'c9b6db1c-d5eb-427d-a5c0-20088d9b22d7',
          meetingStartDateTime: '2026-03-03T10:00:05.945Z',
          meetingEndDateTime: '2026-03-03T11:02:49.77Z',
          records: records(),
        },
      ]);
    }

    it('records who attended and for how long, colleagues and the partner’s contact apart, as evidence', async () => {
      const meetingId = `${MEETING}-ready-${kind.name}`;
      const { caller, partner } = await meetingWithNorthwind(meetingId);
      reportIsReady(meetingId, 3);
      expect(await sync.run()).toEqual({ recorded: 1, waiting: 0, held: [] });

      const events = await tc.core.evidence.list(
        caller.scope,
        { kinds: ['meeting.attended'] },
        {
          limit: 5,
        },
      );
      const event = events.items.find((e) => e.kind === 'meeting.attended')!;
      expect(event).toMatchObject({
        subject: { type: 'meeting', id: meetingId },
        partnerIds: [partner.id],
        occurredAt: '2026-03-03T10:00:05.945Z',
        criteria: expect.arrayContaining(['P8']),
      });
      const people = await t.store.read.people.getMany(caller.scope, event.snapshot.attendeeIds as string[]);
      const nameOf = (id: unknown) => people.find((p) => p.id === id)?.displayName;
      const rows = (
        event.snapshot.attendance as { personId?: string; side: string; seconds: number; role: string }[]
      ).map((r) => [nameOf(r.personId) ?? 'guest', r.side, r.role, r.seconds]);
      expect(rows).toEqual([
        ['Alex Wilber', 'internal', 'Organizer', 3720],
        ['Megan Bowen', 'internal', 'Presenter', 1800],
        ['Priya Shah', 'external', 'Attendee', 3600],
        ['guest', 'external', 'Attendee', 600],
      ]);
      // No name, e-mail or display name of a guest is kept in the evidence itself.
      expect(JSON.stringify(event.snapshot)).not.toMatch(/Driver|priya\.shah|Megan/);
      // Done: nothing is due any more, and the records' second page was followed.
      tc.clock.advance(24 * 60 * 60_000);
      expect(await sync.run()).toEqual({ recorded: 0, waiting: 0, held: [] });
      expect(graph.requests.filter((r) => r.endsWith('/attendanceRecords'))).toHaveLength(2);
    });

    it('waits while Teams has no report (404), and records it once it is there', async () => {
      const meetingId = `${MEETING}-later-${kind.name}`;
      await meetingWithNorthwind(meetingId);
      expect(await sync.run()).toEqual({ recorded: 0, waiting: 1, held: [] });
      // Not due again before its wait.
      expect(await sync.run()).toEqual({ recorded: 0, waiting: 0, held: [] });
      reportIsReady(meetingId);
      tc.clock.advance(5 * 60_000);
      expect(await sync.run()).toEqual({ recorded: 1, waiting: 0, held: [] });
    });

    it.each([
      { status: 429 as const, retryAfterSeconds: 30 },
      { status: 500 as const },
      { status: 503 as const },
    ])('retries later after a $status, then records', async (fault) => {
      const meetingId = `${MEETING}-${fault.status}-${kind.name}`;
      await meetingWithNorthwind(meetingId);
      reportIsReady(meetingId);
      graph.failNext(fault);
      expect(await sync.run()).toEqual({ recorded: 0, waiting: 1, held: [] });
      tc.clock.advance(5 * 60_000);
      expect(await sync.run()).toEqual({ recorded: 1, waiting: 0, held: [] });
    });

    it('says once that the permission or access policy is missing (403), and stops asking', async () => {
      const meetingId = `${MEETING}-403-${kind.name}`;
      await meetingWithNorthwind(meetingId);
      reportIsReady(meetingId);
      graph.failNext({ status: 403 });
      const first = await sync.run();
      expect(first.recorded).toBe(0);
      expect(first.held).toHaveLength(1);
      expect(first.held[0]).toContain('OnlineMeetingArtifact.Read.All');
      const asked = graph.requests.length;
      tc.clock.advance(7 * 24 * 60 * 60_000);
      expect(await sync.run()).toEqual({ recorded: 0, waiting: 0, held: [] });
      expect(graph.requests).toHaveLength(asked);
    });

    it('records a meeting once when two processes run the job at the same moment', async () => {
      const meetingId = `${MEETING}-racing-${kind.name}`;
      const { caller } = await meetingWithNorthwind(meetingId);
      reportIsReady(meetingId);
      const other = new AttendanceSync(
        { store: t.store, clock: tc.clock, ids: tc.ids },
        new GraphAttendance(
          createGraphClient({
            baseUrl: graph.graphUrl,
            auth: new AppTokenProvider({
              tenantId: TENANT_A,
              clientId: '0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
              clientSecret: 'app-secret',
              authorityUrl: graph.baseUrl,
            }),
            maxRetries: 0,
          }),
        ),
      );
      const [mine, theirs] = await Promise.all([sync.run(), other.run()]);
      expect(mine.recorded + theirs.recorded).toBe(1);
      const events = await tc.core.evidence.list(caller.scope, { kinds: ['meeting.attended'] }, { limit: 5 });
      expect(events.items).toHaveLength(1);
    });

    it('records a recurring meeting’s occurrence from its own report, not the one before it', async () => {
      const meetingId = `${MEETING}-weekly-${kind.name}`;
      const { caller } = await meetingWithNorthwind(meetingId);
      // Last week's occurrence has its report; this one's is not there yet.
      const lastWeek = {
        id: '0a1b2c3d-last-week',
        meetingStartDateTime: '2026-02-24T10:00:03.112Z',
        meetingEndDateTime: '2026-02-24T11:00:41.5Z',
        records: records().slice(0, 2),
      };
      graph.reports.set(`${ORGANIZER.aadObjectId}/${meetingId}`, [lastWeek]);
      expect(await sync.run()).toEqual({ recorded: 0, waiting: 1, held: [] });

      reportIsReady(meetingId);
      graph.reports.get(`${ORGANIZER.aadObjectId}/${meetingId}`)!.push(lastWeek);
      tc.clock.advance(5 * 60_000);
      expect(await sync.run()).toEqual({ recorded: 1, waiting: 0, held: [] });
      const events = await tc.core.evidence.list(caller.scope, { kinds: ['meeting.attended'] }, { limit: 5 });
      expect(events.items.map((e) => e.snapshot.reportId)).toEqual(['c9b6db1c-d5eb-427d-a5c0-20088d9b22d7']);
    });

    it('asks again at a recurring meeting’s next occurrence after a 403, and records it once permitted', async () => {
      const meetingId = `${MEETING}-granted-${kind.name}`;
      const { caller } = await meetingWithNorthwind(meetingId);
      graph.failNext({ status: 403 });
      expect((await sync.run()).held).toHaveLength(1);

      // A week later the administrator has granted it, and the next occurrence ends.
      tc.clock.advance(7 * 24 * 60 * 60_000);
      const nextWeek = {
        id: '5e6f7a8b-next-week',
        meetingStartDateTime: '2026-03-10T10:00:01.5Z',
        meetingEndDateTime: '2026-03-10T10:58:30Z',
        records: records(),
      };
      graph.reports.set(`${ORGANIZER.aadObjectId}/${meetingId}`, [nextWeek]);
      await tc.core.attendance.meetingEnded(caller.scope, {
        onlineMeetingId: meetingId,
        organizerAadObjectId: ORGANIZER.aadObjectId,
        endedAt: '2026-03-10T10:58:40Z',
      });
      expect(await sync.run()).toEqual({ recorded: 1, waiting: 0, held: [] });
      const events = await tc.core.evidence.list(caller.scope, { kinds: ['meeting.attended'] }, { limit: 5 });
      expect(events.items.map((e) => e.occurredAt)).toEqual(['2026-03-10T10:00:01.500Z']);
    });

    it('queues a meeting once however often its end is reported', async () => {
      const meetingId = `${MEETING}-twice-${kind.name}`;
      const { caller } = await meetingWithNorthwind(meetingId);
      await tc.core.attendance.meetingEnded(caller.scope, {
        onlineMeetingId: meetingId,
        organizerAadObjectId: ORGANIZER.aadObjectId,
        endedAt: ENDED_AT,
      });
      reportIsReady(meetingId);
      expect(await sync.run()).toEqual({ recorded: 1, waiting: 0, held: [] });
    });
  });
}
