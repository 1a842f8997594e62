import { PLAYGROUND_IDENTITY } from '../../../tab/api/local-identity';
import { aPartnerInput } from '../../../testkit/factories';
import { submitData } from '../../support/card-reading';
import { startTestApp, type TestApp } from '../../../testkit/test-app';
import { aSpace } from '../../../testkit/test-core';
import { cardProblems } from './adaptive-card-check';

const me = { user: PLAYGROUND_IDENTITY.user };

describe('capturing in a meeting’s side panel through the API', () => {
  let app: TestApp;
  const space = aSpace('chat-meeting');
  const scope = { tenantId: PLAYGROUND_IDENTITY.tenantId, spaceId: space };
  let partnerId: string;
  const url = (path: string) => `${app.baseUrl}/api/v1${path}?spaceId=${space}&tz=Europe/London`;
  const get = async (path: string) => (await (await fetch(url(path))).json()) as any;
  const post = (path: string, body: unknown) =>
    fetch(url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    app = await startTestApp();
    partnerId = (
      await app.core.partners.add({ scope, user: me.user }, aPartnerInput({ relationshipOwner: me }))
    ).partner.id;
  });
  afterAll(async () => app.close());

  it('starts empty, and captures the partner, a decision and an action from the bot’s form', async () => {
    expect(await get('/meeting-draft')).toEqual({ people: {} });
    expect((await post('/meeting-draft', { kind: 'partner', partnerId })).status).toBe(200);
    expect((await post('/meeting-draft', { kind: 'decision', text: 'Two shifts from 9 March' })).status).toBe(
      200,
    );
    const { card } = await get('/forms/meeting-action');
    expect(cardProblems(card)).toEqual([]);
    const data = submitData(card, 'action.create', {
      title: 'Share the rota',
      ownerId: me.user.aadObjectId,
      dueDate: '2026-03-06',
      partnerId,
    });
    const res = await post('/forms/meeting-action', { verb: 'action.create', data });
    expect(res.status).toBe(201);
    const saved = (await res.json()) as any;
    expect(JSON.stringify(saved.card)).toContain('Captured for this meeting: Share the rota (Alex Wilber');
    // Captured, not stored: no action exists until the meeting is logged.
    expect((await app.core.actions.list(scope, {}, { limit: 5 })).items).toEqual([]);
    const { draft, people } = await get('/meeting-draft');
    expect(draft).toMatchObject({
      partnerId,
      decisions: ['Two shifts from 9 March'],
      actions: [{ title: 'Share the rota', dueDate: '2026-03-06' }],
    });
    expect(people[draft.actions[0].ownerId].displayName).toBe('Alex Wilber');
  });

  it('proposes an agreement from the side panel and links it to the meeting', async () => {
    const { card } = await get('/forms/meeting-agreement');
    const data = submitData(card, 'agreement.propose', {
      title: 'Peak season priorities',
      ourParty: 'Customer Service team',
      partner1Id: partnerId,
      internalDemand: 'Refunds within 2 days',
      externalDemand: 'Same-day dispatch in December',
      priorityRule: 'Orders promised before 24 December\nRefunds older than 3 days',
      effectiveFrom: '2026-11-01',
      reviewDate: '2027-01-31',
    });
    const res = await post('/forms/meeting-agreement', { verb: 'agreement.propose', data });
    expect(res.status).toBe(201);
    const { draft } = await get('/meeting-draft');
    expect(draft.agreementId).toMatch(/^agr_/);
    expect(draft.decisions).toContain('Conflict-priority agreement: Peak season priorities');
  });

  it('captures once when the panel sends the same request again with its Idempotency-Key', async () => {
    const retried = space.replace('chat-meeting', 'chat-retried');
    const send = () =>
      fetch(`${app.baseUrl}/api/v1/meeting-draft?spaceId=${retried}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'panel-capture-0001' },
        body: JSON.stringify({ kind: 'decision', text: 'Refunds over 3 days go first' }),
      });
    const first = await send();
    const again = await send();
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(await again.json()).toEqual(await first.json());
    const { draft } = (await (
      await fetch(`${app.baseUrl}/api/v1/meeting-draft?spaceId=${retried}`)
    ).json()) as any;
    expect(draft.decisions).toEqual(['Refunds over 3 days go first']);
  });

  it('refuses a capture it cannot parse, with the field named', async () => {
    const res = await post('/meeting-draft', { kind: 'action', title: '', dueDate: 'soon' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.code).toBe('validation');
  });
});
