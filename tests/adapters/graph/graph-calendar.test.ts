import { AppTokenProvider } from '../../../adapters/graph/app-token';
import { GraphCalendar } from '../../../adapters/graph/graph-calendar';
import { createGraphClient } from '../../../adapters/graph/graph-client';
import { GraphPermissionError, GraphUnavailableError } from '../../../adapters/graph/graph-failure';
import type { CheckInEntry } from '../../../core/checkins/check-in-calendar';
import { FakeGraph } from '../../support/fake-graph';

const OWNER = '00000000-0000-4000-8000-000000000001';

/** The real Graph client, its retry middleware and our calendar adapter, against a loopback Graph. */
describe(GraphCalendar.name, () => {
  let graph: FakeGraph;
  let calendar: GraphCalendar;

  beforeEach(async () => {
    graph = await FakeGraph.start();
    const auth = new AppTokenProvider({
      tenantId: '11111111-1111-4111-8111-111111111111',
      clientId: '0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
      clientSecret: 'app-secret',
      authorityUrl: graph.baseUrl,
    });
    calendar = new GraphCalendar(createGraphClient({ baseUrl: graph.graphUrl, auth }));
  });
  afterEach(async () => graph.close());

  const entry = (overrides: Partial<CheckInEntry> = {}): CheckInEntry => ({
    checkInId: 'chk_000123',
    ownerAadObjectId: OWNER,
    partnerName: 'Northwind Logistics',
    dueDate: '2026-03-17',
    startTime: '09:30',
    durationMinutes: 30,
    timeZone: 'Europe/London',
    openActions: ['Share the new depot rota', 'Confirm Saturday cover'],
    ...overrides,
  });

  it("puts a check-in in its owner's calendar with the partner and the open actions", async () => {
    const id = await calendar.schedule(entry());
    const [event] = graph.eventsOf(OWNER);
    expect(event).toMatchObject({
      id,
      subject: 'Check-in: Northwind Logistics',
      start: { dateTime: '2026-03-17T09:30:00', timeZone: 'Europe/London' },
      end: { dateTime: '2026-03-17T10:00:00', timeZone: 'Europe/London' },
      transactionId: 'partner-crm-checkin-chk_000123-2026-03-17',
    });
    expect(event!.body.content).toContain('• Share the new depot rota');
  });

  it('gives the same event when the same check-in is scheduled again, and fetches one token for both', async () => {
    const first = await calendar.schedule(entry());
    const again = await calendar.schedule(entry());
    expect(again).toBe(first);
    expect(graph.eventsOf(OWNER)).toHaveLength(1);
    expect(graph.tokensIssued).toBe(1);
  });

  it('moves the event when the check-in moves, and cancels it with a reason when the cadence stops', async () => {
    const id = await calendar.schedule(entry());
    await calendar.move(id, entry({ dueDate: '2026-03-24', openActions: [] }));
    expect(graph.events.get(id)).toMatchObject({ start: { dateTime: '2026-03-24T09:30:00' } });
    expect(graph.events.get(id)!.body.content).toContain('No actions are open');
    await calendar.cancel(id, OWNER, 'Regular check-ins with Northwind Logistics have stopped.');
    expect(graph.events.get(id)).toMatchObject({
      isCancelled: true,
      cancelComment: expect.stringContaining('stopped'),
    });
    expect(graph.eventsOf(OWNER)).toEqual([]);
  });

  it('waits out a 429 for as long as Retry-After says, then succeeds', async () => {
    graph.failNext({ status: 429, retryAfterSeconds: 1 });
    const started = performance.now();
    await calendar.schedule(entry());
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(graph.requests.filter((r) => r.startsWith('POST /v1.0/users'))).toHaveLength(2);
    expect(graph.eventsOf(OWNER)).toHaveLength(1);
  });

  it('retries a create whose answer was lost to a 503 without creating the event twice', async () => {
    graph.failNext({ status: 503, retryAfterSeconds: 0, lostAnswer: true });
    const id = await calendar.schedule(entry());
    expect(graph.requests.filter((r) => r.startsWith('POST /v1.0/users'))).toHaveLength(2);
    expect(graph.eventsOf(OWNER).map((e) => e.id)).toEqual([id]);
  });

  it('says which permission an admin must grant when Graph answers 403', async () => {
    graph.failNext({ status: 403 });
    const failure = calendar.schedule(entry());
    await expect(failure).rejects.toBeInstanceOf(GraphPermissionError);
    await expect(failure).rejects.toThrow(
      /administrator must grant the app the Calendars\.ReadWrite application permission/,
    );
    expect(graph.eventsOf(OWNER)).toEqual([]);
  });

  it('gives up after the retries when Graph stays unavailable', async () => {
    for (let i = 0; i < 4; i++) graph.failNext({ status: 504, retryAfterSeconds: 0 });
    await expect(calendar.schedule(entry())).rejects.toBeInstanceOf(GraphUnavailableError);
    expect(graph.requests.filter((r) => r.startsWith('POST /v1.0/users'))).toHaveLength(4);
  });
});
