import { aCaller, aMeetingInput, anAgreementInput, aPartnerInput, TENANT_B } from '../../testkit/factories';
import { PEOPLE, PLACES } from '../support/teams-activities';
import { TeamsTestClient } from '../support/bot-client';
import { addPartnerViaBot, formSubmitsViaBot, storedCounts } from '../support/bot-steps';
import { answeredCard, buttons, cardText, submitData } from '../support/card-reading';

/**
 * Every verb a card can send, fed what a broken client or a forger could send: wrong types, missing fields,
 * oversized text, ids that do not exist, and another tenant's ids. Each gets a clear answer; nothing is stored.
 */
describe('every card verb refuses malformed data and stores nothing', () => {
  let t: TeamsTestClient;
  const mine: Record<string, string> = {};
  const theirs: Record<string, string> = {};
  const forms: Record<string, Record<string, any>> = {};

  beforeAll(async () => {
    t = await TeamsTestClient.start();
    mine.partnerId = await addPartnerViaBot(t, 'Northwind Logistics', PEOPLE.alex, 'groupChat');
    const caller = aCaller({ spaceId: `chat:${PLACES.groupChat}` });
    const meeting = await t.app.core.meetings.log(
      { ...caller, scope: { ...caller.scope } },
      aMeetingInput(mine.partnerId),
    );
    mine.meetingId = meeting.meeting.id;
    mine.actionId = meeting.actions[0]!.id;
    mine.agreementId = (
      await t.app.core.agreements.propose(caller, anAgreementInput(mine.partnerId))
    ).agreement.id;

    // The same group chat id in another tenant: ids that exist, but not for Alex.
    const intruder = aCaller({ tenantId: TENANT_B, spaceId: `chat:${PLACES.groupChat}` });
    const { partner } = await t.app.core.partners.add(
      intruder,
      aPartnerInput({ name: 'Other tenant partner' }),
    );
    const other = await t.app.core.meetings.log(intruder, aMeetingInput(partner.id));
    Object.assign(theirs, {
      partnerId: partner.id,
      meetingId: other.meeting.id,
      actionId: other.actions[0]!.id,
      agreementId: (await t.app.core.agreements.propose(intruder, anAgreementInput(partner.id))).agreement.id,
    });

    Object.assign(forms, await formSubmitsViaBot(t, PEOPLE.alex, 'groupChat'));
  });
  afterAll(async () => t.close());

  const long = 'x'.repeat(5000);
  /** Larger than a whole card may be: a form shows it again only as far as its input can hold. */
  const huge = 'x'.repeat(70_000);

  /** Button verbs: the answer is an error (400 malformed, 404 unknown) or a message, never a card. */
  const buttonCases: [verb: string, label: string, data: () => unknown, status: number, message: RegExp][] = [
    [
      'action.done',
      'wrong types',
      () => ({ actionId: 42, card: 'action' }),
      400,
      /actionId: This button names no record/,
    ],
    [
      'action.done',
      'missing fields',
      () => ({ actionId: mine.actionId }),
      400,
      /card: This button belongs to no known card/,
    ],
    [
      'action.done',
      'oversized text',
      () => ({ actionId: long, card: 'action' }),
      400,
      /actionId: This button names a record that is not one of ours/,
    ],
    [
      'action.done',
      'an unknown id',
      () => ({ actionId: 'act_unknown', card: 'meeting' }),
      404,
      /That action was not found here/,
    ],
    [
      'action.done',
      'another tenant’s id',
      () => ({ actionId: theirs.actionId, card: 'action' }),
      404,
      /That action was not found here/,
    ],
    [
      'action.done',
      'another tenant’s space',
      () => ({ actionId: mine.actionId, card: 'mine', spaceId: 'chat:elsewhere' }),
      404,
      /That action was not found here/,
    ],
    [
      'agreement.acknowledge',
      'wrong types',
      () => ({ agreementId: true, partyId: 'party-1' }),
      400,
      /agreementId: This button names no record/,
    ],
    [
      'agreement.acknowledge',
      'missing fields',
      () => ({ agreementId: mine.agreementId }),
      400,
      /partyId: This button names no party/,
    ],
    [
      'agreement.acknowledge',
      'oversized text',
      () => ({ agreementId: mine.agreementId, partyId: `party-${long}` }),
      400,
      /partyId: Not a party of this agreement/,
    ],
    [
      'agreement.acknowledge',
      'an unknown id',
      () => ({ agreementId: mine.agreementId, partyId: 'party-9' }),
      404,
      /That party was not found here/,
    ],
    [
      'agreement.acknowledge',
      'another tenant’s id',
      () => ({ agreementId: theirs.agreementId, partyId: 'party-1' }),
      404,
      /That agreement was not found here/,
    ],
    [
      'agreement.open',
      'wrong types',
      () => ({ agreementId: ['agr'] }),
      400,
      /agreementId: This button names no record/,
    ],
    ['agreement.open', 'missing fields', () => ({}), 400, /agreementId: This button names no record/],
    ['agreement.open', 'oversized text', () => ({ agreementId: long }), 400, /not one of ours/],
    [
      'agreement.open',
      'an unknown id',
      () => ({ agreementId: 'agr_unknown' }),
      404,
      /That agreement was not found here/,
    ],
    [
      'agreement.open',
      'another tenant’s id',
      () => ({ agreementId: theirs.agreementId }),
      404,
      /That agreement was not found here/,
    ],
    [
      'meeting.refresh',
      'wrong types',
      () => ({ meetingId: 7 }),
      400,
      /meetingId: This button names no record/,
    ],
    ['meeting.refresh', 'missing fields', () => ({}), 400, /meetingId/],
    ['meeting.refresh', 'oversized text', () => ({ meetingId: long }), 400, /not one of ours/],
    [
      'meeting.refresh',
      'an unknown id',
      () => ({ meetingId: 'mtg_unknown' }),
      404,
      /That meeting was not found here/,
    ],
    [
      'meeting.refresh',
      'another tenant’s id',
      () => ({ meetingId: theirs.meetingId }),
      404,
      /That meeting was not found here/,
    ],
    ['agreement.refresh', 'wrong types', () => ({ agreementId: {} }), 400, /agreementId/],
    ['agreement.refresh', 'missing fields', () => ({}), 400, /agreementId/],
    ['agreement.refresh', 'oversized text', () => ({ agreementId: long }), 400, /not one of ours/],
    [
      'agreement.refresh',
      'an unknown id',
      () => ({ agreementId: 'agr_unknown' }),
      404,
      /That agreement was not found here/,
    ],
    [
      'agreement.refresh',
      'another tenant’s id',
      () => ({ agreementId: theirs.agreementId }),
      404,
      /That agreement was not found here/,
    ],
    ['action.refresh', 'wrong types', () => ({ actionId: null }), 400, /actionId/],
    ['action.refresh', 'missing fields', () => ({}), 400, /actionId/],
    ['action.refresh', 'oversized text', () => ({ actionId: long }), 400, /not one of ours/],
    [
      'action.refresh',
      'an unknown id',
      () => ({ actionId: 'act_unknown' }),
      404,
      /That action was not found here/,
    ],
    [
      'action.refresh',
      'another tenant’s id',
      () => ({ actionId: theirs.actionId }),
      404,
      /That action was not found here/,
    ],
    ['list.page', 'wrong types', () => ({ list: 5 }), 400, /list: This list is not one the bot knows/],
    ['list.page', 'missing fields', () => ({}), 400, /list: This list is not one the bot knows/],
    [
      'list.page',
      'oversized text',
      () => ({ list: 'partners', cursor: long }),
      400,
      /cursor: The page marker is too long/,
    ],
    ['list.page', 'an unknown id', () => ({ list: 'secrets' }), 400, /This list is not one the bot knows/],
    [
      'list.page',
      'a forged page marker',
      () => ({ list: 'agreements', cursor: Buffer.from('not json').toString('base64url') }),
      400,
      /Cursor is not valid/,
    ],
    ['no.such.verb', 'an unknown verb', () => ({}), 400, /This button is not one the bot knows/],
  ];

  it.each(buttonCases)('%s refuses %s', async (verb, _label, data, status, message) => {
    const before = await storedCounts(t);
    const answer = await t.execute(verb, data(), { where: 'groupChat' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: status, type: 'application/vnd.microsoft.error' });
    expect(answer.body.value.message).toMatch(message);
    expect(await storedCounts(t)).toEqual(before);
  });

  /** Form verbs: the answer is the same form again, with the problem shown. */
  const formCases: [verb: string, label: string, inputs: () => Record<string, unknown>, message: RegExp][] = [
    [
      'partner.add',
      'wrong types',
      () => ({
        name: 42,
        kind: 'external_supplier',
        direction: 'upstream',
        stage: '1',
        ownerId: PEOPLE.alex.aadObjectId,
      }),
      /Name must be text/,
    ],
    ['partner.add', 'missing fields', () => ({}), /Name is required|Choose the kind of partner/],
    [
      'partner.add',
      'oversized text',
      () => ({
        name: long,
        kind: 'contractor',
        direction: 'upstream',
        stage: '1',
        ownerId: PEOPLE.alex.aadObjectId,
      }),
      /Name must be at most 120 characters/,
    ],
    [
      'partner.add',
      'an unknown id',
      () => ({
        name: 'Unknown owner',
        kind: 'contractor',
        direction: 'upstream',
        stage: '1',
        ownerId: 'per_unknown',
      }),
      /That relationship owner was not found here/,
    ],
    [
      'partner.add',
      'an id that is nobody’s (another tenant’s Entra ids are taken as pending people of this one)',
      () => ({
        name: 'Their owner',
        kind: 'contractor',
        direction: 'upstream',
        stage: '1',
        ownerId: '8:orgid:ffff0000',
      }),
      /This is not someone Teams knows/,
    ],
    [
      'meeting.log',
      'wrong types',
      () => ({
        title: ['Review'],
        partnerIds: mine.partnerId,
        date: '2026-03-02',
        time: '10:00',
        type: 'review',
        medium: 'phone',
      }),
      /Title must be text/,
    ],
    ['meeting.log', 'missing fields', () => ({ title: 'No partner' }), /Choose at least one partner/],
    [
      'meeting.log',
      'oversized text',
      () => ({
        title: 'Long minutes',
        partnerIds: mine.partnerId,
        date: '2026-03-02',
        time: '10:00',
        type: 'review',
        medium: 'phone',
        minutes: long,
      }),
      /Minutes must be at most 1500 characters/,
    ],
    [
      'meeting.log',
      'an unknown id',
      () => ({
        title: 'Ghost partner',
        partnerIds: 'ptn_unknown',
        date: '2026-03-02',
        time: '10:00',
        type: 'review',
        medium: 'phone',
      }),
      /That partner was not found here/,
    ],
    [
      'meeting.log',
      'another tenant’s id',
      () => ({
        title: 'Their partner',
        partnerIds: theirs.partnerId,
        date: '2026-03-02',
        time: '10:00',
        type: 'review',
        medium: 'phone',
      }),
      /That partner was not found here/,
    ],
    [
      'action.create',
      'wrong types',
      () => ({ title: 'Owner as number', ownerId: 5, dueDate: '2026-03-09' }),
      /Owner must be a list of ids/,
    ],
    [
      'action.create',
      'missing fields',
      () => ({ title: 'No due date', ownerId: PEOPLE.alex.aadObjectId }),
      /Choose a due date/,
    ],
    [
      'action.create',
      'oversized text',
      () => ({ title: long, ownerId: PEOPLE.alex.aadObjectId, dueDate: '2026-03-09' }),
      /What must be at most 300 characters/,
    ],
    [
      'action.create',
      'a due date and an owner too long for any card to show again (the form stays within Teams’ limits)',
      () => ({ title: 'Huge values', ownerId: huge, dueDate: huge }),
      /Due: use a date like 2026-03-31/,
    ],
    [
      'action.create',
      'an unknown id',
      () => ({
        title: 'Ghost partner',
        ownerId: PEOPLE.alex.aadObjectId,
        dueDate: '2026-03-09',
        partnerId: 'ptn_unknown',
      }),
      /That partner was not found here/,
    ],
    [
      'action.create',
      'another tenant’s id',
      () => ({
        title: 'Their meeting',
        ownerId: PEOPLE.alex.aadObjectId,
        dueDate: '2026-03-09',
        partnerId: theirs.partnerId,
      }),
      /That partner was not found here/,
    ],
    [
      'agreement.propose',
      'wrong types',
      () => ({
        title: 'Typed wrong',
        ourParty: 'Us',
        partner1Id: mine.partnerId,
        internalDemand: 1,
        externalDemand: 'b',
        priorityRule: 'a\nb',
        effectiveFrom: '2026-03-01',
        reviewDate: '2026-09-01',
      }),
      /Internal customer demand must be text/,
    ],
    [
      'agreement.propose',
      'missing fields',
      () => ({ title: 'Half done' }),
      /Choose the partner this agreement is with/,
    ],
    [
      'agreement.propose',
      'oversized text',
      () => ({
        title: 'Long rule',
        ourParty: 'Us',
        partner1Id: mine.partnerId,
        internalDemand: 'a',
        externalDemand: 'b',
        priorityRule: long,
        effectiveFrom: '2026-03-01',
        reviewDate: '2026-09-01',
      }),
      /Priority order must be at most 1500 characters/,
    ],
    [
      'agreement.propose',
      'an unknown id',
      () => ({
        title: 'Ghost',
        ourParty: 'Us',
        partner1Id: 'ptn_unknown',
        internalDemand: 'a',
        externalDemand: 'b',
        priorityRule: 'a\nb',
        effectiveFrom: '2026-03-01',
        reviewDate: '2026-09-01',
      }),
      /That partner was not found here/,
    ],
    [
      'agreement.propose',
      'another tenant’s id',
      () => ({
        title: 'Theirs',
        ourParty: 'Us',
        partner1Id: theirs.partnerId,
        internalDemand: 'a',
        externalDemand: 'b',
        priorityRule: 'a\nb',
        effectiveFrom: '2026-03-01',
        reviewDate: '2026-09-01',
      }),
      /That partner was not found here/,
    ],
  ];

  it.each(formCases)(
    '%s refuses %s with the form and the problem shown',
    async (verb, _label, inputs, message) => {
      const before = await storedCounts(t);
      const answer = await t.execute(verb, { ...forms[verb], ...inputs() }, { where: 'groupChat' });
      const form = answeredCard(answer.body);
      expect(buttons(form, verb)).toHaveLength(1);
      expect(cardText(form)).toMatch(message);
      expect(await storedCounts(t)).toEqual(before);
    },
  );

  it('refuses a form whose id is not one of ours, keeping what was typed', async () => {
    const before = await storedCounts(t);
    const answer = await t.execute(
      'action.create',
      {
        ...forms['action.create'],
        formId: '../../etc',
        title: 'Kept',
        ownerId: PEOPLE.alex.aadObjectId,
        dueDate: '2026-03-09',
      },
      { where: 'groupChat' },
    );
    const form = answeredCard(answer.body);
    expect(cardText(form)).toContain('This form is not one of ours; open it again');
    expect(submitData(form, 'action.create').formId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(form)).toContain('"value":"Kept"');
    expect(await storedCounts(t)).toEqual(before);
  });

  it('refuses an invoke that is not Action.Execute', async () => {
    const answer = await t.post(
      t.activity('adaptive-card-action', PEOPLE.alex, 'groupChat', {
        value: { action: { type: 'Action.Submit', verb: 'action.done' } },
      }),
    );
    expect(answer.body).toMatchObject({
      statusCode: 400,
      value: { message: expect.stringContaining('Only Action.Execute buttons') },
    });
  });
});
