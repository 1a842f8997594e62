import { PLAYGROUND_IDENTITY } from '../../../tab/api/local-identity';
import { aMeetingInput, aPartnerInput } from '../../support/factories';
import { startTestApp, type TestApp } from '../../support/test-app';
import { aSpace } from '../../support/test-core';
import { cardProblems } from './adaptive-card-check';

const me = { user: PLAYGROUND_IDENTITY.user };

/** The value of a card input by id. */
function inputOf(card: any, id: string): any {
  return card.body.find((e: any) => e.id === id);
}

describe('the Adaptive Card seam: /forms and /cards', () => {
  let app: TestApp;
  const space = aSpace('forms');
  let partnerId: string;
  const url = (path: string) =>
    `${app.baseUrl}/api/v1${path}${path.includes('?') ? '&' : '?'}spaceId=${space}`;
  const post = (path: string, body: unknown) =>
    fetch(url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    app = await startTestApp();
    const caller = { scope: { tenantId: PLAYGROUND_IDENTITY.tenantId, spaceId: space }, user: me.user };
    partnerId = (await app.core.partners.add(caller, aPartnerInput({ relationshipOwner: me }))).partner.id;
  });
  afterAll(async () => app.close());

  it('serves the action form as a valid card offering the space’s partners and contacts', async () => {
    const res = await fetch(url(`/forms/action?partnerId=${partnerId}`));
    expect(res.status).toBe(200);
    const { card } = (await res.json()) as any;
    expect(cardProblems(card)).toEqual([]);
    expect(inputOf(card, 'partnerId')).toMatchObject({
      value: partnerId,
      choices: [{ title: 'Northwind Logistics', value: partnerId }],
    });
    expect(inputOf(card, 'owner').choices.map((c: any) => c.title)).toEqual([
      'Alex Wilber (me)',
      'Priya Shah (Northwind Logistics)',
    ]);
  });

  it('answers an invalid submit with the same form, the user’s values and the errors, storing nothing', async () => {
    const res = await post('/forms/action', {
      verb: 'action.create',
      data: { kind: 'action', title: 'Call the depot', dueDate: '2026-02-30', owner: 'me', partnerId },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.outcome).toBe('invalid');
    expect(body.error.issues).toEqual([{ path: 'dueDate', message: 'That date does not exist' }]);
    expect(cardProblems(body.card)).toEqual([]);
    expect(inputOf(body.card, 'title').value).toBe('Call the depot');
    expect(inputOf(body.card, 'dueDate-error').text).toBe('That date does not exist');
    expect(
      (
        await app.core.actions.list(
          { tenantId: PLAYGROUND_IDENTITY.tenantId, spaceId: space },
          {},
          { limit: 5 },
        )
      ).items,
    ).toEqual([]);
  });

  it('saves a valid submit through the use case and answers with the action’s card', async () => {
    const res = await post('/forms/action', {
      verb: 'action.create',
      data: { kind: 'action', title: 'Call the depot', dueDate: '2026-03-09', owner: 'me', partnerId },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as any;
    expect(body.outcome).toBe('saved');
    expect(body.record.action).toMatchObject({ title: 'Call the depot', partnerId, status: 'open' });
    expect(cardProblems(body.card)).toEqual([]);
    expect(JSON.stringify(body.card)).toContain('Call the depot');

    const again = (await (await fetch(url(`/cards/action/${body.record.action.id}`))).json()) as any;
    expect(again.card).toEqual(body.card);
  });

  it('renders a logged meeting as its card', async () => {
    const caller = { scope: { tenantId: PLAYGROUND_IDENTITY.tenantId, spaceId: space }, user: me.user };
    const logged = await app.core.meetings.log(caller, aMeetingInput(partnerId));
    const { card } = (await (await fetch(url(`/cards/meeting/${logged.meeting.id}`))).json()) as any;
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Depot rota returns to two shifts from 9 March');
  });

  it('says 404 for a form it does not have', async () => {
    expect((await fetch(url('/forms/invoice'))).status).toBe(404);
    expect((await post('/forms/invoice', { verb: 'x', data: {} })).status).toBe(404);
  });
});
