import { PEOPLE } from '../support/teams-activities';
import { TeamsTestClient } from '../support/bot-client';
import { addPartnerViaBot } from '../support/bot-steps';

describe('partner type-ahead in pickers (application/search)', () => {
  let t: TeamsTestClient;

  beforeAll(async () => {
    t = await TeamsTestClient.start();
    for (const name of ['Northwind Logistics', 'Northgate Cleaning', 'Contoso Facilities'])
      await addPartnerViaBot(t, name, PEOPLE.alex, 'groupChat');
  });
  afterAll(async () => t.close());

  function search(value: unknown) {
    return t.post(
      t.activity('adaptive-card-action', PEOPLE.alex, 'groupChat', { name: 'application/search', value }),
    );
  }

  it('answers with the partners here whose name starts with what was typed', async () => {
    const answer = await search({
      kind: 'search',
      queryText: 'north',
      dataset: 'partners',
      queryOptions: { skip: 0, top: 15 },
    });
    expect(answer.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.search.searchResponse',
    });
    expect(answer.body.value.results.map((r: any) => r.title)).toEqual([
      'Northgate Cleaning',
      'Northwind Logistics',
    ]);
    expect(answer.body.value.results[0].value).toMatch(/^ptn_/);
  });

  it('finds nothing from another conversation’s partners', async () => {
    const elsewhere = await t.post(
      t.activity('adaptive-card-action', PEOPLE.alex, 'personal', {
        name: 'application/search',
        value: { kind: 'search', queryText: 'north', dataset: 'partners' },
      }),
    );
    expect(elsewhere.body.value.results).toEqual([]);
  });

  it('leaves a search without text to botbuilder, which refuses it clearly', async () => {
    const answer = await search({ kind: 'search', queryText: '', dataset: 'partners' });
    expect(answer.body).toMatchObject({
      statusCode: 400,
      value: { message: 'Missing queryText for search.' },
    });
  });

  it('refuses a dataset it does not have', async () => {
    const answer = await search({ kind: 'search', queryText: 'x', dataset: 'graph.microsoft.com/users' });
    expect(answer.body).toMatchObject({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { message: expect.stringContaining('This picker searches a list the bot does not have') },
    });
  });
});
