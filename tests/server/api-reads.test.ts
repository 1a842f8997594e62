import { spaceIdOf } from '../../core/common/scope';
import { PLAYGROUND_IDENTITY } from '../../tab/api/local-identity';
import { aMeetingInput, anAgreementInput, anSlaInput, aPartnerInput } from '../../testkit/factories';
import { startTestApp, type TestApp } from '../../testkit/test-app';

/** The Playground user's own space: where their personal chat with the bot logs, and the API's default. */
const playground = {
  scope: {
    tenantId: PLAYGROUND_IDENTITY.tenantId,
    spaceId: spaceIdOf('personal', PLAYGROUND_IDENTITY.user.aadObjectId),
  },
  user: PLAYGROUND_IDENTITY.user,
};

describe('GET /api/v1 in local mode', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    const { partner } = await app.core.partners.add(
      playground,
      aPartnerInput({ relationshipOwner: { user: playground.user } }),
    );
    const logged = await app.core.meetings.log(
      playground,
      aMeetingInput(partner.id, {
        actions: [
          { title: 'Send the revised rota', owner: { user: playground.user }, dueDate: '2026-03-06' },
        ],
      }),
    );
    const agreement = await app.core.agreements.propose(playground, anAgreementInput(partner.id));
    const sla = await app.core.slas.define(playground, anSlaInput(partner.id));
    Object.assign(ids, {
      partner: partner.id,
      meeting: logged.meeting.id,
      action: logged.actions[0]!.id,
      agreement: agreement.agreement.id,
      sla: sla.id,
    });
  });
  afterAll(async () => app.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${app.baseUrl}/api/v1${path}`, { headers });
  const json = async (res: Response): Promise<any> => res.json();

  it('lists what the Playground user logged in their personal chat, without naming a space', async () => {
    const res = await get('/partners');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.items.map((p: { name: string }) => p.name)).toEqual(['Northwind Logistics']);
    expect(body.people[body.items[0].relationshipOwnerId].displayName).toBe('Alex Wilber');
  });

  it.each([
    [
      '/partners/:partner',
      (b: any) => b.partner.name === 'Northwind Logistics' && b.checkIn.nextDueDate === '2026-03-16',
    ],
    ['/meetings', (b: any) => b.items.length === 1],
    [
      '/meetings/:meeting',
      (b: any) => b.actions.length === 1 && b.partners[0].name === 'Northwind Logistics',
    ],
    ['/actions?status=open,in_progress', (b: any) => b.items.length === 1],
    ['/actions?mine=true', (b: any) => b.items[0].title === 'Send the revised rota'],
    ['/actions/:action', (b: any) => b.action.status === 'open'],
    ['/agreements?status=proposed', (b: any) => b.items.length === 1],
    ['/agreements/:agreement', (b: any) => b.agreement.parties.length === 2],
    ['/slas', (b: any) => b.items[0].target.value === 4],
    ['/slas/:sla', (b: any) => b.metric === 'first_response_time'],
    ['/slas/:sla/readings', (b: any) => Array.isArray(b.items)],
    ['/checkins', (b: any) => b.items[0].nextDueDate === '2026-03-16'],
    ['/checkins?mine=true', (b: any) => b.items.length === 1],
    ['/evidence?kind=meeting.logged', (b: any) => b.items.length === 1 && b.items[0].criteria.includes('P8')],
    ['/evidence/verify', (b: any) => b.intact === true && b.checked > 5],
  ])('GET %s answers with the record', async (template, check) => {
    const res = await get(template.replace(/:(\w+)/g, (_, k: string) => ids[k]!));
    expect(res.status).toBe(200);
    expect(check(await json(res))).toBe(true);
  });

  it('pages with an opaque cursor', async () => {
    const first = await json(await get('/evidence?limit=2'));
    expect(first.items).toHaveLength(2);
    const second = await json(await get(`/evidence?limit=2&cursor=${first.nextCursor}`));
    expect(second.items[0].seq).toBe(3);
  });

  it.each([
    ['/partners?limit=0', 'limit', 'Use a whole number from 1 to 100'],
    ['/partners?cursor=not-ours', 'cursor', 'Cursor is not valid; start from the first page'],
    ['/actions?status=finished', 'status.0', undefined],
    ['/meetings?from=yesterday', 'from', 'Use a date and time like 2026-03-31T14:30:00Z'],
    ['/partners?spaceId=somewhere', 'spaceId', 'Space id must look like team:…, chat:… or personal:…'],
    ['/partners/bad%20id', '', 'Not a valid id'],
  ])('GET %s is refused with a message naming the field', async (path, field, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.error.code).toBe('validation');
    expect(body.error.issues[0].path).toBe(field);
    if (message) expect(body.error.issues[0].message).toBe(message);
  });

  it('answers another tenant (x-dev-tenant-id) as if the records did not exist', async () => {
    const other = {
      'x-dev-tenant-id': '99999999-9999-4999-8999-999999999999',
      'x-dev-user-id': PLAYGROUND_IDENTITY.user.aadObjectId,
    };
    expect((await get(`/partners/${ids.partner}`, other)).status).toBe(404);
    expect((await json(await get('/partners', other))).items).toEqual([]);
    expect((await json(await get('/actions?mine=true', other))).items).toEqual([]);
  });

  it('says 404 for unknown routes and 405 for the wrong method, in JSON', async () => {
    expect((await get('/nothing-here')).status).toBe(404);
    const res = await fetch(`${app.baseUrl}/api/v1/checkins`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });

  it('serves the tab and nothing outside it', async () => {
    const tab = await fetch(`${app.baseUrl}/tab/`);
    expect(tab.status).toBe(200);
    expect(tab.headers.get('content-type')).toContain('text/html');
    expect((await fetch(`${app.baseUrl}/tab/..%2f..%2fpackage.json`)).status).not.toBe(200);
    expect((await fetch(`${app.baseUrl}/tab/%2e%2e/%2e%2e/package.json`)).status).not.toBe(200);
  });

  it('refuses a malformed activity at the bot endpoint with 400', async () => {
    const res = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"no type"}',
    });
    expect(res.status).toBe(400);
    const notJson = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":',
    });
    expect(notJson.status).toBe(400);
  });
});
