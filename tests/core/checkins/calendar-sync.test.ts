import { AppTokenProvider } from '../../../adapters/graph/app-token';
import { GraphCalendar } from '../../../adapters/graph/graph-calendar';
import { createGraphClient } from '../../../adapters/graph/graph-client';
import { renderCheckInListCard } from '../../../cards/check-in-list-card';
import { CalendarSync } from '../../../core/checkins/calendar-sync';
import { aCaller, aMeetingInput, aPartnerInput, aUser } from '../../../testkit/factories';
import { FakeGraph } from '../../support/fake-graph';
import { testCore, type TestCore } from '../../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';

const ALEX = aUser(1, 'Alex Wilber');

/** Check-in schedules followed into the owner's Outlook calendar: core, the SQLite outbox, the real Graph client. */
describe(CalendarSync.name, () => {
  let store: TestStore;
  let tc: TestCore;
  let graph: FakeGraph;
  let sync: CalendarSync;
  const caller = aCaller({ spaceId: 'team:calendar', user: ALEX });

  beforeEach(async () => {
    store = await openSqliteTestStore();
    tc = testCore(store.store, '2026-03-02T08:00:00Z', '', { calendarConnected: true });
    graph = await FakeGraph.start();
    const auth = new AppTokenProvider({
      tenantId: caller.scope.tenantId,
      clientId: '0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
      clientSecret: 'app-secret',
      authorityUrl: graph.baseUrl,
    });
    const calendar = new GraphCalendar(createGraphClient({ baseUrl: graph.graphUrl, auth }));
    sync = new CalendarSync({ store: store.store, clock: tc.clock }, calendar);
  });
  afterEach(async () => {
    await graph.close();
    await store.dispose();
  });

  it('puts the next check-in in the owner’s calendar, moves it after a meeting, and cancels it when stopped', async () => {
    const { partner } = await tc.core.partners.add(caller, aPartnerInput({ name: 'Northwind Logistics' }));
    expect(await sync.run()).toEqual({ synced: 1, failed: 0 });
    const [event] = graph.eventsOf(ALEX.aadObjectId);
    expect(event).toMatchObject({
      subject: 'Check-in: Northwind Logistics',
      start: { dateTime: '2026-03-16T09:00:00' },
    });
    expect(await sync.run()).toEqual({ synced: 0, failed: 0 });

    tc.clock.set('2026-03-10T15:00:00Z');
    await tc.core.meetings.log(
      caller,
      aMeetingInput(partner.id, {
        occurredAt: '2026-03-10T14:00:00Z',
        actions: [{ title: 'Share the new depot rota', owner: { user: ALEX }, dueDate: '2026-03-20' }],
      }),
    );
    expect(await sync.run()).toEqual({ synced: 1, failed: 0 });
    const moved = graph.events.get(event!.id)!;
    expect(moved.start.dateTime).toBe('2026-03-24T09:00:00');
    expect(moved.body.content).toContain('• Share the new depot rota');
    expect(graph.eventsOf(ALEX.aadObjectId)).toHaveLength(1);

    await tc.core.partners.archive(caller, partner.id);
    expect(await sync.run()).toEqual({ synced: 1, failed: 0 });
    expect(graph.events.get(event!.id)).toMatchObject({ isCancelled: true });
    expect(graph.eventsOf(ALEX.aadObjectId)).toEqual([]);
  });

  it('syncs a check-in once when two processes run the job at the same moment', async () => {
    await tc.core.partners.add(caller, aPartnerInput({ name: 'Northwind Logistics' }));
    const auth = new AppTokenProvider({
      tenantId: caller.scope.tenantId,
      clientId: '0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
      clientSecret: 'app-secret',
      authorityUrl: graph.baseUrl,
    });
    const other = new CalendarSync(
      { store: store.store, clock: tc.clock },
      new GraphCalendar(createGraphClient({ baseUrl: graph.graphUrl, auth })),
    );
    const [mine, theirs] = await Promise.all([sync.run(), other.run()]);
    expect(mine.synced + theirs.synced).toBe(1);
    expect(graph.eventsOf(ALEX.aadObjectId)).toHaveLength(1);
  });

  it('keeps a change queued while its check-in was being synced, for the next run', async () => {
    await tc.core.partners.add(caller, aPartnerInput({ name: 'Northwind Logistics' }));
    const now = tc.clock.now().toISOString();
    const [item] = await store.store.transaction((tx) =>
      tx.calendarSync.claim(now, 10, '2026-03-02T08:10:00.000Z'),
    );
    // The schedule changes while that sync is under way: queued again, with a later time.
    await store.store.transaction((tx) =>
      tx.calendarSync.enqueue(item!, item!.checkInId, '2026-03-02T08:00:01.000Z'),
    );
    await store.store.transaction((tx) => tx.calendarSync.done(item!, item!.checkInId, item!.queuedAt));
    tc.clock.set('2026-03-02T08:00:02Z');
    expect(await sync.run()).toEqual({ synced: 1, failed: 0 });
  });

  it('keeps a change that Graph refused and applies it once the permission is granted, without a duplicate', async () => {
    await tc.core.partners.add(caller, aPartnerInput({ name: 'Northwind Logistics' }));
    graph.failNext({ status: 403 });
    expect(await sync.run()).toEqual({ synced: 0, failed: 1 });
    const [row] = (await store.raw('SELECT attempts, last_error FROM calendar_outbox')) as {
      attempts: number;
      last_error: string;
    }[];
    expect(row).toMatchObject({ attempts: 1, last_error: expect.stringContaining('Calendars.ReadWrite') });
    // Not before its retry time…
    expect(await sync.run()).toEqual({ synced: 0, failed: 0 });
    tc.clock.advance(61_000);
    expect(await sync.run()).toEqual({ synced: 1, failed: 0 });
    expect(graph.eventsOf(ALEX.aadObjectId)).toHaveLength(1);
  });

  it('puts the check-in back when its owner deleted the event in Outlook, and cancels quietly what is gone', async () => {
    const { partner } = await tc.core.partners.add(caller, aPartnerInput({ name: 'Northwind Logistics' }));
    await sync.run();
    const [first] = graph.eventsOf(ALEX.aadObjectId);
    graph.events.delete(first!.id);

    tc.clock.set('2026-03-10T15:00:00Z');
    await tc.core.meetings.log(
      caller,
      aMeetingInput(partner.id, { occurredAt: '2026-03-10T14:00:00Z', actions: [] }),
    );
    expect(await sync.run()).toEqual({ synced: 1, failed: 0 });
    const [again] = graph.eventsOf(ALEX.aadObjectId);
    expect(again).toMatchObject({ start: { dateTime: '2026-03-24T09:00:00' } });
    expect(again!.id).not.toBe(first!.id);

    graph.events.delete(again!.id);
    await tc.core.partners.archive(caller, partner.id);
    expect(await sync.run()).toEqual({ synced: 1, failed: 0 });
  });

  it('tells the owner where each check-in stands with Outlook, spelling out a refused permission', async () => {
    const { partner } = await tc.core.partners.add(caller, aPartnerInput({ name: 'Northwind Logistics' }));
    const stateOf = async () => {
      const board = await tc.core.checkIns.list(caller.scope, {}, { limit: 10 });
      const checkIn = board.items.find((c) => c.partnerId === partner.id)!;
      const card = JSON.stringify(
        renderCheckInListCard({ page: board, today: '2026-03-02', paged: false, inOutlook: true }),
      );
      return { state: board.calendar?.[checkIn.id], card };
    };
    expect((await stateOf()).state).toEqual({ state: 'pending' });
    expect((await stateOf()).card).toContain('Being added to Outlook');

    graph.failNext({ status: 403 });
    await sync.run();
    const refused = await stateOf();
    expect(refused.state).toMatchObject({
      state: 'failing',
      problem: expect.stringContaining('Calendars.ReadWrite'),
    });
    expect(refused.card).toContain(
      'Not in Outlook yet. Microsoft Graph would not let Partner CRM put the check-in in the calendar: an administrator must grant the app the Calendars.ReadWrite application permission',
    );

    tc.clock.advance(61_000);
    await sync.run();
    expect(await stateOf()).toEqual({
      state: { state: 'in_calendar' },
      card: expect.stringContaining("In the owner's Outlook calendar"),
    });
  });

  it('says nothing about calendars when Outlook is not connected', async () => {
    const unconnected = testCore(store.store, '2026-03-02T08:00:00Z', 'u');
    await unconnected.core.partners.add(caller, aPartnerInput({ name: 'Contoso Cleaning' }));
    const board = await unconnected.core.checkIns.list(caller.scope, {}, { limit: 10 });
    expect(board.items).toHaveLength(1);
    expect(board.calendar).toBeUndefined();
  });
});
