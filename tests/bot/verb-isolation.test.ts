import { aCaller, aMeetingInput, anAgreementInput, aPartnerInput, TENANT_B } from '../../testkit/factories';
import { PEOPLE, PLACES } from '../support/teams-activities';
import { TeamsTestClient } from '../support/bot-client';
import { storedCounts } from '../support/bot-steps';

/**
 * Every card verb that names a record, pressed in the team's group chat with the ids of another team's records
 * in the same tenant, and of a record in another tenant: each is "not found" (the same answer as for an id
 * that exists nowhere, so nothing tells that it does), and nothing is stored.
 */
describe('card verbs cannot reach another team or tenant', () => {
  let t: TeamsTestClient;
  const elsewhere: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    t = await TeamsTestClient.start();
    const places = {
      'another team': aCaller({ spaceId: 'team:19:finance-team@thread.tacv2' }),
      'another tenant': aCaller({ tenantId: TENANT_B, spaceId: `chat:${PLACES.groupChat}` }),
    };
    for (const [name, caller] of Object.entries(places)) {
      const { partner } = await t.app.core.partners.add(
        caller,
        aPartnerInput({ name: `Partner of ${name}` }),
      );
      const meeting = await t.app.core.meetings.log(caller, aMeetingInput(partner.id));
      const { agreement } = await t.app.core.agreements.propose(caller, anAgreementInput(partner.id));
      elsewhere[name] = {
        meetingId: meeting.meeting.id,
        actionId: meeting.actions[0]!.id,
        ownerId: meeting.actions[0]!.ownerId,
        agreementId: agreement.id,
      };
    }
  });
  afterAll(async () => t.close());

  const verbs: [verb: string, data: (ids: Record<string, string>) => unknown, unknown: unknown][] = [
    [
      'action.done',
      (ids) => ({ actionId: ids.actionId, card: 'action' }),
      { actionId: 'act_nowhere', card: 'action' },
    ],
    ['action.refresh', (ids) => ({ actionId: ids.actionId }), { actionId: 'act_nowhere' }],
    ['meeting.refresh', (ids) => ({ meetingId: ids.meetingId }), { meetingId: 'mtg_nowhere' }],
    ['agreement.open', (ids) => ({ agreementId: ids.agreementId }), { agreementId: 'agr_nowhere' }],
    ['agreement.refresh', (ids) => ({ agreementId: ids.agreementId }), { agreementId: 'agr_nowhere' }],
    [
      'person.name',
      (ids) => ({
        personId: ids.ownerId,
        card: 'action',
        recordId: ids.actionId,
        [`typedName-${ids.ownerId}`]: 'M',
      }),
      { personId: 'per_nowhere', card: 'action', recordId: 'act_nowhere', 'typedName-per_nowhere': 'M' },
    ],
    [
      'agreement.acknowledge',
      (ids) => ({ agreementId: ids.agreementId, partyId: 'party-1' }),
      { agreementId: 'agr_nowhere', partyId: 'party-1' },
    ],
  ];

  describe.each(['another team', 'another tenant'])("with %s's ids", (place) => {
    it.each(verbs)(
      '%s answers exactly as for an id that exists nowhere, and stores nothing',
      async (verb, data, unknown) => {
        const before = await storedCounts(t);
        const theirs = await t.execute(verb, data(elsewhere[place]!), {
          where: 'groupChat',
          who: PEOPLE.alex,
        });
        const nowhere = await t.execute(verb, unknown, { where: 'groupChat', who: PEOPLE.alex });
        expect(theirs.body).toMatchObject({ statusCode: 404, type: 'application/vnd.microsoft.error' });
        expect(theirs.body).toEqual(nowhere.body);
        expect(await storedCounts(t)).toEqual(before);
      },
    );
  });
});
