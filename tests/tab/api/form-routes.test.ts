import { PLAYGROUND_IDENTITY } from '../../../tab/api/local-identity';
import { aMeetingInput, aPartnerInput } from '../../../testkit/factories';
import { input, inputError, submitData } from '../../support/card-reading';
import { startTestApp, type TestApp } from '../../../testkit/test-app';
import { aSpace } from '../../../testkit/test-core';
import { cardProblems } from './adaptive-card-check';

const me = { user: PLAYGROUND_IDENTITY.user };

describe('the Adaptive Card seam: the bot’s own forms and cards in the tab', () => {
  let app: TestApp;
  const space = aSpace('forms');
  const scope = { tenantId: PLAYGROUND_IDENTITY.tenantId, spaceId: space };
  let partnerId: string;
  const url = (path: string) =>
    `${app.baseUrl}/api/v1${path}${path.includes('?') ? '&' : '?'}spaceId=${space}&tz=Europe/London`;
  const form = async (kind: string, query = '') =>
    ((await (await fetch(url(`/forms/${kind}${query}`))).json()) as any).card;
  const post = (kind: string, body: unknown) =>
    fetch(url(`/forms/${kind}`), {
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

  it.each(['meeting', 'action', 'agreement'])(
    'serves the bot’s %s form as a valid card offering the space’s partners',
    async (kind) => {
      const card = await form(kind);
      expect(cardProblems(card)).toEqual([]);
      const partnerInput = input(
        card,
        kind === 'meeting' ? 'partnerIds' : kind === 'agreement' ? 'partner1Id' : 'partnerId',
      );
      expect(partnerInput?.choices).toEqual(
        expect.arrayContaining([{ title: 'Northwind Logistics', value: partnerId }]),
      );
    },
  );

  it('offers the caller and the partner’s contacts as people', async () => {
    const card = await form('action', `?partnerId=${partnerId}`);
    expect(input(card, 'partnerId')?.value).toBe(partnerId);
    expect(input(card, 'ownerId')?.choices.map((c: any) => c.title)).toEqual(
      expect.arrayContaining(['Alex Wilber (me)', 'Priya Shah (Northwind Logistics)']),
    );
  });

  it('answers an invalid submit with the same form, the user’s values and the errors, storing nothing', async () => {
    const card = await form('action');
    const data = submitData(card, 'action.create', {
      title: 'Call the depot',
      ownerId: me.user.aadObjectId,
      dueDate: '2026-02-30',
      partnerId,
    });
    const res = await post('action', { verb: 'action.create', data });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.outcome).toBe('invalid');
    expect(cardProblems(body.card)).toEqual([]);
    expect(input(body.card, 'title')?.value).toBe('Call the depot');
    expect(inputError(body.card, 'dueDate')).toBeDefined();
    expect((await app.core.actions.list(scope, {}, { limit: 5 })).items).toEqual([]);
  });

  it('logs a meeting with two actions through the bot’s form, once however often it is submitted', async () => {
    const card = await form('meeting');
    const data = submitData(card, 'meeting.log', {
      title: 'Depot review',
      partnerIds: partnerId,
      date: '2026-03-02',
      time: '10:00',
      type: 'review',
      medium: 'teams_meeting',
      decisions: 'Two shifts from 9 March',
      action1Title: 'Share the rota',
      action1Owner: me.user.aadObjectId,
      action1Due: '2026-03-06',
      action2Title: 'Send weekly figures',
      action2Owner: me.user.aadObjectId,
      action2Due: '2026-03-13',
    });
    const first = await post('meeting', { verb: 'meeting.log', data });
    expect(first.status).toBe(201);
    const saved = (await first.json()) as any;
    expect(cardProblems(saved.card)).toEqual([]);
    expect(JSON.stringify(saved.card)).toContain('Depot review');
    expect(saved.record.actions.map((a: any) => a.title)).toEqual(['Share the rota', 'Send weekly figures']);
    const again = (await (await post('meeting', { verb: 'meeting.log', data })).json()) as any;
    expect(again.record.meeting.id).toBe(saved.record.meeting.id);
    expect((await app.core.meetings.list(scope, {}, { limit: 5 })).items).toHaveLength(1);
    // The meeting's card in the tab is the card the form answered with.
    const shown = (await (await fetch(url(`/cards/meeting/${saved.record.meeting.id}`))).json()) as any;
    expect(shown.card).toEqual(saved.card);
  });

  it('proposes an agreement through the bot’s form', async () => {
    const card = await form('agreement');
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
    const res = await post('agreement', { verb: 'agreement.propose', data });
    expect(res.status).toBe(201);
    const saved = (await res.json()) as any;
    expect(saved.record.agreement).toMatchObject({ title: 'Peak season priorities', status: 'proposed' });
    expect(cardProblems(saved.card)).toEqual([]);
  });

  it('renders a logged meeting as the bot’s summary card', async () => {
    const logged = await app.core.meetings.log(
      { scope, user: me.user },
      aMeetingInput(partnerId, { title: 'Quarterly review' }),
    );
    const { card } = (await (await fetch(url(`/cards/meeting/${logged.meeting.id}`))).json()) as any;
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Depot rota returns to two shifts from 9 March');
  });

  it('says 404 for a form it does not have', async () => {
    expect((await fetch(url('/forms/invoice'))).status).toBe(404);
    expect((await post('invoice', { verb: 'x', data: {} })).status).toBe(404);
  });
});
