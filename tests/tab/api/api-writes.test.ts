import { spaceIdOf } from '../../../core/common/scope';
import { PLAYGROUND_IDENTITY } from '../../../tab/api/local-identity';
import {
  aMeetingInput,
  anAgreementInput,
  anSlaInput,
  aPartnerInput,
  aUser,
} from '../../../testkit/factories';
import { startTestApp, type TestApp } from '../../../testkit/test-app';
import { aSpace } from '../../../testkit/test-core';

const me = { user: PLAYGROUND_IDENTITY.user };

describe('API writes in local mode', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app.close());

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const inSpace = (path: string, space: string) => `${path}${path.includes('?') ? '&' : '?'}spaceId=${space}`;

  it('adds a partner, lists it with its health, updates it with its version and archives it', async () => {
    const space = aSpace('writes');
    const added = await call('POST', inSpace('/partners', space), aPartnerInput({ relationshipOwner: me }));
    expect(added.status).toBe(201);
    const id = added.body.partner.id;

    const board = await call('GET', inSpace('/partners?include=health', space));
    expect(board.body.items.map((p: any) => p.name)).toEqual(['Northwind Logistics']);
    expect(board.body.health[id]).toMatchObject({ level: 'good', actions: { open: 0, overdue: 0 } });
    expect(board.body.people[added.body.partner.contacts[0].personId].displayName).toBe('Priya Shah');

    const one = await call('GET', inSpace(`/partners/${id}?include=health`, space));
    expect(one.body.health.checkIn.nextDueDate).toBe('2026-03-16');

    const renamed = await call('PUT', inSpace(`/partners/${id}`, space), {
      ...aPartnerInput({ name: 'Northwind Freight', relationshipOwner: me, contacts: [] }),
      expectedVersion: 1,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.partner).toMatchObject({ name: 'Northwind Freight', version: 2 });

    const stale = await call('PUT', inSpace(`/partners/${id}`, space), {
      ...aPartnerInput({ relationshipOwner: me }),
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);

    const archived = await call('POST', inSpace(`/partners/${id}/archive`, space));
    expect(archived.body.partner.status).toBe('archived');
    expect((await call('GET', inSpace('/partners?status=active', space))).body.items).toEqual([]);
  });

  it('refuses a bad partner with every field named, and stores nothing', async () => {
    const space = aSpace('writes');
    const bad = await call('POST', inSpace('/partners', space), {
      ...aPartnerInput({ relationshipOwner: me }),
      name: '  ',
      chain: { direction: 'sideways', stage: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation');
    expect(bad.body.error.issues.map((i: any) => i.path).sort()).toEqual([
      'chain.direction',
      'chain.stage',
      'name',
    ]);
    expect(bad.body.error.issues.find((i: any) => i.path === 'name').message).toBe(
      'Partner name is required',
    );
    expect((await call('GET', inSpace('/partners', space))).body.items).toEqual([]);
    expect((await call('GET', inSpace('/evidence', space))).body.items).toEqual([]);
    expect((await call('POST', inSpace('/partners', space))).body.error.issues.length).toBeGreaterThan(2);
  });

  it('defines an SLA and records readings, refusing a period that ends before it starts', async () => {
    const space = aSpace('writes');
    const partner = (
      await call('POST', inSpace('/partners', space), aPartnerInput({ relationshipOwner: me }))
    ).body.partner;
    const sla = await call('POST', inSpace('/slas', space), anSlaInput(partner.id));
    expect(sla.status).toBe(201);
    const reading = await call('POST', inSpace(`/slas/${sla.body.id}/readings`, space), {
      periodStart: '2026-02-01',
      periodEnd: '2026-02-28',
      value: 5,
    });
    expect(reading.status).toBe(201);
    expect(reading.body.met).toBe(false);
    const backwards = await call('POST', inSpace(`/slas/${sla.body.id}/readings`, space), {
      periodStart: '2026-02-28',
      periodEnd: '2026-02-01',
      value: 3,
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.issues).toEqual([
      { path: 'periodEnd', message: 'Period ends before it starts' },
    ]);
    expect(
      (await call('GET', inSpace('/partners?include=health', space))).body.health[partner.id].slas,
    ).toEqual({
      total: 1,
      met: 0,
      missed: 1,
    });
  });

  it('logs a meeting once per idempotency key, then completes one of its actions', async () => {
    const space = aSpace('writes');
    const partner = (
      await call('POST', inSpace('/partners', space), aPartnerInput({ relationshipOwner: me }))
    ).body.partner;
    const input = aMeetingInput(partner.id, {
      actions: [{ title: 'Send the rota', owner: me, dueDate: '2026-03-06' }],
    });
    const key = { 'idempotency-key': 'meeting-form-0001' };
    const first = await call('POST', inSpace('/meetings', space), input, key);
    expect(first.status).toBe(201);
    const again = await call('POST', inSpace('/meetings', space), input, key);
    expect(again.status).toBe(200);
    expect(again.body.meeting.id).toBe(first.body.meeting.id);
    expect((await call('GET', inSpace('/meetings', space))).body.items).toHaveLength(1);

    const actionId = first.body.actions[0].id;
    const someoneElse = { 'x-dev-user-id': aUser(7).aadObjectId };
    const refused = await call(
      'POST',
      inSpace(`/actions/${actionId}/status`, space),
      { status: 'done' },
      someoneElse,
    );
    expect(refused.status).toBe(403);
    const blocked = await call('POST', inSpace(`/actions/${actionId}/status`, space), { status: 'blocked' });
    expect(blocked.body.error.issues).toEqual([{ path: 'note', message: 'Say what blocks it' }]);
    const done = await call('POST', inSpace(`/actions/${actionId}/status`, space), { status: 'done' });
    expect(done.body).toMatchObject({ changed: true, action: { status: 'done' } });
  });

  it('sorts actions by due date either way, and filters by owner', async () => {
    const space = aSpace('writes');
    const partner = (
      await call('POST', inSpace('/partners', space), aPartnerInput({ relationshipOwner: me }))
    ).body.partner;
    for (const dueDate of ['2026-03-20', '2026-03-05', '2026-03-12'])
      await call('POST', inSpace('/actions', space), {
        title: `Due ${dueDate}`,
        owner: me,
        dueDate,
        partnerId: partner.id,
      });
    const due = (q: string) =>
      call('GET', inSpace(`/actions?${q}`, space)).then((r) => r.body.items.map((a: any) => a.dueDate));
    expect(await due('sort=due')).toEqual(['2026-03-05', '2026-03-12', '2026-03-20']);
    expect(await due('sort=-due')).toEqual(['2026-03-20', '2026-03-12', '2026-03-05']);
    const firstPage = await call('GET', inSpace('/actions?sort=-due&limit=2', space));
    const next = await call(
      'GET',
      inSpace(`/actions?sort=-due&limit=2&cursor=${firstPage.body.nextCursor}`, space),
    );
    expect(next.body.items.map((a: any) => a.dueDate)).toEqual(['2026-03-05']);
    const ownerId = firstPage.body.items[0].ownerId;
    expect(await due(`ownerId=${ownerId}`)).toHaveLength(3);
    expect(await due('ownerId=per-nobody')).toEqual([]);
    expect((await call('GET', inSpace('/actions?sort=owner', space))).status).toBe(400);
  });

  it('proposes an agreement and records an acknowledgement', async () => {
    const space = aSpace('writes');
    const partner = (
      await call('POST', inSpace('/partners', space), aPartnerInput({ relationshipOwner: me }))
    ).body.partner;
    const proposed = await call('POST', inSpace('/agreements', space), anAgreementInput(partner.id));
    expect(proposed.status).toBe(201);
    const ack = await call('POST', inSpace(`/agreements/${proposed.body.agreement.id}/acknowledge`, space), {
      partyId: 'party-1',
    });
    expect(ack.body.agreement.acknowledgements).toHaveLength(1);
    expect(ack.body.changed).toBe(true);
  });

  it('says who the caller is, which space is their own, and that Microsoft Graph is not connected', async () => {
    const me = await call('GET', '/me');
    expect(me.body).toEqual({
      tenantId: PLAYGROUND_IDENTITY.tenantId,
      user: PLAYGROUND_IDENTITY.user,
      personalSpaceId: spaceIdOf('personal', PLAYGROUND_IDENTITY.user.aadObjectId),
      microsoftGraph: { calendar: false, people: false },
    });
  });
});
