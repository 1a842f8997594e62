import { anAgreementInput } from '../../testkit/factories';
import { PEOPLE, PLACES } from '../support/teams-activities';
import { TeamsTestClient } from '../support/bot-client';
import { addPartnerViaBot } from '../support/bot-steps';
import { cardText } from '../support/card-reading';

// Microsoft 365 Copilot calls the message extension's search with the user's question as the `query`
// parameter (the name the manifest declares) and quotes each result's preview as a citation.
describe('the message extension as Microsoft 365 Copilot asks it', () => {
  let t: TeamsTestClient;
  const scope = { tenantId: PLACES.tenant, spaceId: `chat:${PLACES.groupChat}` };
  const caller = { scope, user: { aadObjectId: PEOPLE.megan.aadObjectId, displayName: 'Megan Bowen' } };

  beforeAll(async () => {
    t = await TeamsTestClient.start();
    const acme = await addPartnerViaBot(t, 'Acme Cleaning', PEOPLE.megan, 'groupChat');
    const northwind = await addPartnerViaBot(t, 'Northwind Logistics', PEOPLE.megan, 'groupChat');
    await t.app.core.agreements.propose(
      caller,
      anAgreementInput(acme, {
        title: 'Store opening before deep cleans',
        effectiveFrom: '2026-03-02',
        reviewDate: '2026-09-01',
        scenario: {
          internalDemand: 'Stores want floors cleaned before opening',
          externalDemand: 'Customers want weekend deep cleans booked first',
        },
        priorityRule: ['Floors safe before 08:00 opening', 'Booked weekend deep cleans'],
      }),
    );
    await t.app.core.agreements.propose(
      caller,
      anAgreementInput(northwind, { title: 'Peak-season returns' }),
    );
  });
  afterAll(async () => t.close());

  function ask(question: string) {
    return t.post(
      t.activity('compose-extension-query', PEOPLE.megan, 'groupChat', {
        value: {
          commandId: 'searchPartnerRecords',
          parameters: [{ name: 'query', value: question }],
          queryOptions: { skip: 0, count: 10 },
        },
      }),
    );
  }

  it('finds the priority agreement for "what did we agree with Acme about priorities?"', async () => {
    const answer = await ask('What did we agree with Acme about priorities?');
    expect(answer.status).toBe(200);
    const hits = answer.body.composeExtension.attachments;
    expect(hits).toHaveLength(1);
    expect(hits[0].preview.content).toEqual({
      title: 'Store opening before deep cleans',
      subtitle: 'Priority agreement with Acme Cleaning · from Mon, 2 Mar 2026',
      text:
        'Waiting for acknowledgements. When "Stores want floors cleaned before opening" meets ' +
        '"Customers want weekend deep cleans booked first", first: 1. Floors safe before 08:00 opening ' +
        '2. Booked weekend deep cleans',
    });
    expect(cardText(hits[0].content)).toContain('Floors safe before 08:00 opening');
  });

  it('finds an agreement by its topic when no partner is named', async () => {
    const answer = await ask('agreements about weekend deep cleans');
    expect(answer.body.composeExtension.attachments.map((a: any) => a.preview.content.title)).toEqual([
      'Store opening before deep cleans',
    ]);
  });

  it('answers a question that finds nothing with an empty list, not an error', async () => {
    const answer = await ask('what did we agree with Fabrikam about invoices?');
    expect(answer.body.composeExtension).toMatchObject({ type: 'result', attachments: [] });
  });
});
