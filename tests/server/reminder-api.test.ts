import { DEV_HEADERS, PLAYGROUND_IDENTITY } from '../../tab/api/local-identity';
import { aPartnerInput, aUser } from '../../testkit/factories';
import { startTestApp, type TestApp } from '../../testkit/test-app';

/** The tab's reminder API in local mode, as the Playground's default user. */
describe('/api/v1 reminders and reminder preferences', () => {
  let app: TestApp;
  const me = PLAYGROUND_IDENTITY;
  const personal = { tenantId: me.tenantId, spaceId: `personal:${me.user.aadObjectId}` };

  beforeEach(async () => {
    app = await startTestApp();
    // Monday 2 March 2026, 08:00 UTC: a daily check-in is due tomorrow at 09:00 UTC.
    app.clock.set('2026-03-02T08:00:00Z');
    await app.core.partners.add(
      { scope: personal, user: me.user },
      aPartnerInput({ relationshipOwner: { user: me.user }, checkInCadence: { every: 1, unit: 'day' } }),
    );
  });
  afterEach(async () => app.close());

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('lists the caller’s reminders, filtered by status, with each one’s delivery log', async () => {
    const all = await call('GET', '/reminders');
    expect(all.status).toBe(200);
    expect(all.body.items).toMatchObject([
      { kind: 'checkin_due', status: 'pending', occursOn: '2026-03-03', dueAt: '2026-03-03T09:00:00.000Z' },
    ]);
    expect((await call('GET', '/reminders?status=failed,delivered')).body.items).toEqual([]);
    const log = await call('GET', `/reminders/${all.body.items[0].id}/deliveries`);
    expect(log).toEqual({ status: 200, body: { items: [] } });
  });

  it('refuses a status it does not know, and another person’s delivery log', async () => {
    expect((await call('GET', '/reminders?status=lost')).status).toBe(400);
    const [mine] = (await call('GET', '/reminders')).body.items;
    const other = { [DEV_HEADERS.userId]: aUser(7).aadObjectId, [DEV_HEADERS.tenantId]: me.tenantId };
    const theirs = await call('GET', `/reminders/${mine.id}/deliveries`, undefined, other);
    // Someone else's reminder gets the same answer as one that does not exist.
    const unknown = await call('GET', '/reminders/rem_unknown/deliveries');
    expect(theirs.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(theirs.body.error.code).toBe(unknown.body.error.code);
  });

  it('answers the defaults until the caller chooses, then moves their pending reminders to the new window', async () => {
    expect((await call('GET', '/me/reminder-preferences')).body).toEqual({
      timeZone: 'UTC',
      windowStart: '09:00',
      windowEnd: '17:00',
      weekdays: [1, 2, 3, 4, 5],
      quietDates: [],
      digest: false,
      stopped: [],
    });
    const chosen = {
      timeZone: 'Asia/Kolkata',
      windowStart: '10:00',
      windowEnd: '12:00',
      weekdays: [5, 1, 2, 3, 4],
      quietDates: ['2026-03-04'],
      digest: true,
      stopped: [],
    };
    const saved = await call('PUT', '/me/reminder-preferences', chosen);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...chosen, weekdays: [1, 2, 3, 4, 5] });
    // 10:00 in Kolkata (UTC+05:30) is 04:30 UTC.
    const [moved] = (await call('GET', '/reminders?status=pending')).body.items;
    expect(moved.dueAt).toBe('2026-03-03T04:30:00.000Z');
    expect((await call('GET', '/me/reminder-preferences')).body).toEqual(saved.body);
  });

  it('refuses bad preferences field by field and changes nothing', async () => {
    const before = (await call('GET', '/reminders')).body.items;
    const refused = await call('PUT', '/me/reminder-preferences', {
      timeZone: 'Mars/Olympus_Mons',
      windowStart: '9am',
      windowEnd: '08:00',
      weekdays: [],
    });
    expect(refused.status).toBe(400);
    const fields = refused.body.error.issues.map((i: { path: string }) => i.path);
    expect(fields).toEqual(expect.arrayContaining(['timeZone', 'windowStart', 'weekdays']));
    expect((await call('GET', '/reminders')).body.items).toEqual(before);
    expect((await call('GET', '/me/reminder-preferences')).body.timeZone).toBe('UTC');
  });
});
