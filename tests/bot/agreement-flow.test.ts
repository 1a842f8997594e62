import { PEOPLE, PLACES } from '../support/teams-activities';
import { TeamsTestClient } from '../support/bot-client';
import { addPartnerViaBot, storedCounts } from '../support/bot-steps';
import { answeredCard, buttons, cardText, input, inputError, submitData } from '../support/card-reading';

describe('agreeing how conflicting demands are prioritised', () => {
  let t: TeamsTestClient;
  let partnerId: string;

  beforeAll(async () => {
    t = await TeamsTestClient.start();
    partnerId = await addPartnerViaBot(t, 'Northwind Logistics', PEOPLE.alex, 'groupChat');
  });
  afterAll(async () => t.close());
  beforeEach(() => t.connector.reset());

  function agreementInputs(overrides: Record<string, string> = {}) {
    return {
      title: 'Peak-season priority between returns and new orders',
      ourParty: 'Customer Service team',
      ourRepresentative: PEOPLE.alex.aadObjectId,
      partner1Id: partnerId,
      partner1Representative: PEOPLE.megan.aadObjectId,
      internalDemand: 'Finance wants refunds processed within 2 days',
      externalDemand: 'Customers want new orders dispatched the same day in December',
      priorityRule:
        'Orders promised before 24 December\nRefunds older than 3 days\nEverything else in date order',
      rationale: 'Missed Christmas deliveries cannot be recovered.',
      escalationRoute: 'Team leaders\nOperations managers',
      effectiveFrom: '2026-11-01',
      reviewDate: '2027-01-31',
      ...overrides,
    };
  }

  async function propose(overrides: Record<string, string> = {}) {
    await t.say('new agreement', PEOPLE.alex, 'groupChat');
    const form = t.lastPostedCard();
    return t.execute('agreement.propose', submitData(form, 'agreement.propose', agreementInputs(overrides)), {
      where: 'groupChat',
      replyToId: '1772442020001',
    });
  }

  it('proposes an agreement and shows each party waiting, with Acknowledge for the proposer’s own party', async () => {
    const card = answeredCard((await propose()).body);
    const text = cardText(card);
    expect(text).toContain('Agreement proposed to every party');
    expect(text).toContain('Waiting for acknowledgements');
    expect(text).toContain('1. Orders promised before 24 December\n2. Refunds older than 3 days');
    expect(text).toContain('Team leaders → Operations managers');
    // Alex represents our side only: his view offers that party, not Northwind's (Megan's).
    expect(buttons(card, 'agreement.acknowledge').map((b) => b.title)).toEqual([
      'Acknowledge for Customer Service team',
    ]);
    // Everyone else's card offers every waiting party.
    const shared = t.connector.updated()[0]!.body.attachments[0].content;
    expect(buttons(shared, 'agreement.acknowledge')).toHaveLength(2);
  });

  it('records each party’s acknowledgement with its time and agrees it when the last party acknowledges', async () => {
    const proposed = answeredCard((await propose({ title: 'Returns versus dispatch' })).body);
    const [ours] = buttons(proposed, 'agreement.acknowledge');
    const afterAlex = answeredCard(
      (await t.execute('agreement.acknowledge', ours!.data, { where: 'groupChat' })).body,
    );
    expect(cardText(afterAlex)).toContain('Acknowledged for Customer Service team');
    expect(cardText(afterAlex)).toContain(
      '✓ Acknowledged by Alex Wilber, Mon, 2 Mar 2026, 09:00 (Europe/London)',
    );

    // Megan opens the chat: her view offers Northwind's party, which she represents.
    const hers = answeredCard(
      (
        await t.execute('agreement.refresh', proposed.refresh.action.data, {
          who: PEOPLE.megan,
          where: 'groupChat',
          trigger: 'automatic',
        })
      ).body,
    );
    const [theirs] = buttons(hers, 'agreement.acknowledge');
    expect(theirs?.title).toBe('Acknowledge for Northwind Logistics');

    t.app.clock.advance(90 * 60_000);
    t.connector.reset();
    const agreed = answeredCard(
      (
        await t.execute('agreement.acknowledge', theirs!.data, {
          who: PEOPLE.megan,
          where: 'groupChat',
          replyToId: '1772442020099',
        })
      ).body,
    );
    expect(cardText(agreed)).toContain('Agreed by every party');
    expect(cardText(agreed)).toContain(
      '✓ Acknowledged by Megan Bowen, Mon, 2 Mar 2026, 10:30 (Europe/London)',
    );
    expect(buttons(agreed, 'agreement.acknowledge')).toHaveLength(0);
    const [update] = t.connector.updated();
    expect(update).toMatchObject({ conversationId: PLACES.groupChat, activityId: '1772442020099' });
    expect(cardText(update!.body.attachments[0].content)).toContain('Agreed by every party');
  });

  it('lets only a party’s representative acknowledge for it, and stores nothing otherwise', async () => {
    const proposed = answeredCard((await propose({ title: 'Only Megan may' })).body);
    const shared = t.connector.updated()[0]!.body.attachments[0].content;
    const northwind = buttons(shared, 'agreement.acknowledge').find((b) => b.title.includes('Northwind'))!;
    const before = await storedCounts(t);
    const answer = await t.execute('agreement.acknowledge', northwind.data, {
      who: PEOPLE.adele,
      where: 'groupChat',
    });
    expect(answer.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Only the representative of Northwind Logistics can acknowledge for it',
    });
    expect(await storedCounts(t)).toEqual(before);
    expect(proposed).toBeDefined();
  });

  it('keeps the form and its values when the priority order has one step only', async () => {
    const before = await storedCounts(t);
    const again = answeredCard((await propose({ priorityRule: 'Whatever comes first' })).body);
    expect(inputError(again, 'priorityRule')).toBe('Give at least two steps, in order');
    expect(input(again, 'internalDemand')?.value).toBe('Finance wants refunds processed within 2 days');
    expect(await storedCounts(t)).toEqual(before);
  });

  it('lists agreements newest first and opens one in place', async () => {
    await t.say('agreements', PEOPLE.megan, 'groupChat');
    const list = t.lastPostedCard();
    expect(cardText(list)).toContain('Conflict-priority agreements');
    const [open] = buttons(list, 'agreement.open');
    const opened = answeredCard(
      (await t.execute('agreement.open', open!.data, { who: PEOPLE.megan, where: 'groupChat' })).body,
    );
    expect(cardText(opened)).toContain('Conflict-priority agreement · version 1');
    expect(t.connector.updated()).toHaveLength(0);
  });
});
