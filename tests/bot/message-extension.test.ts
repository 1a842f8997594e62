import { PEOPLE } from '../support/teams-activities';
import { TeamsTestClient } from '../support/bot-client';
import { addPartnerViaBot, storedCounts } from '../support/bot-steps';
import { cardText, input, inputError } from '../support/card-reading';
import { cardBytes } from '../../cards/card-kit';

describe('the message extension', () => {
  let t: TeamsTestClient;
  let partnerId: string;

  beforeAll(async () => {
    t = await TeamsTestClient.start();
    partnerId = await addPartnerViaBot(t, 'Northwind Logistics', PEOPLE.megan, 'groupChat');
    await addPartnerViaBot(t, 'Contoso Facilities', PEOPLE.megan, 'groupChat');
  });
  afterAll(async () => t.close());
  beforeEach(() => t.connector.reset());

  function query(parameters: unknown[]) {
    return t.post(
      t.activity('compose-extension-query', PEOPLE.megan, 'groupChat', {
        value: { commandId: 'searchPartnerRecords', parameters, queryOptions: { skip: 0, count: 25 } },
      }),
    );
  }

  it('finds partners by name and offers their card for the compose box, under 28 KB', async () => {
    const answer = await query([{ name: 'query', value: 'north' }]);
    expect(answer.status).toBe(200);
    const result = answer.body.composeExtension;
    expect(result).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    expect(result.attachments).toHaveLength(1);
    const [hit] = result.attachments;
    expect(hit.preview).toEqual({
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: {
        title: 'Northwind Logistics',
        subtitle: 'Partner · External supplier · next check-in Mon, 16 Mar 2026',
        text: 'Relationship owner Megan Bowen',
      },
    });
    expect(hit.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(hit.content)).toContain('Priya Shah · Account manager');
    expect(cardBytes(hit.content)).toBeLessThan(28 * 1024);
  });

  it('ignores a parameter the manifest does not declare', async () => {
    const answer = await query([{ name: 'searchText', value: 'north' }]);
    expect(answer.body.composeExtension.attachments).toHaveLength(2);
  });

  it('lists the first records when the extension opens (initial run)', async () => {
    const answer = await query([{ name: 'initialRun', value: 'true' }]);
    expect(answer.body.composeExtension.attachments.map((a: any) => a.preview.content.title)).toEqual([
      'Contoso Facilities',
      'Northwind Logistics',
    ]);
  });

  it('answers a search it cannot run with a message, not a failure', async () => {
    const answer = await query([{ name: 'query', value: 'x'.repeat(101) }]);
    expect(answer.body).toEqual({
      composeExtension: {
        type: 'message',
        text: 'That request was not valid: text: Search for at most 100 characters',
      },
    });
  });

  it('opens the meeting form from a message, with its text, author, time and link filled in', async () => {
    const answer = await t.post(t.activity('compose-extension-fetch-task', PEOPLE.megan, 'groupChat'));
    expect(answer.status).toBe(200);
    expect(answer.body.task).toMatchObject({ type: 'continue', value: { title: 'Log as partner meeting' } });
    const form = answer.body.task.value.card.content;
    expect(input(form, 'title')?.value).toBe(
      'Call with Priya at Northwind: depot rota goes back to two shifts from 9 March.',
    );
    expect(input(form, 'minutes')?.value).toBe(
      "Adele Vance wrote:\nCall with Priya at Northwind: depot rota goes back to two shifts from 9 March.\nShe'll send weekly on-time figures & we brief the contact centre.",
    );
    expect(input(form, 'date')?.value).toBe('2026-03-02');
    expect(input(form, 'time')?.value).toBe('14:05');
    expect(input(form, 'medium')?.value).toBe('chat');
    // Dialogs only know Action.Submit.
    const submit = form.actions.find((a: any) => a.title === 'Log meeting');
    expect(submit).toMatchObject({
      type: 'Action.Submit',
      data: { verb: 'meeting.log', sourceMessageId: '1772460300000' },
    });
  });

  it('logs the meeting from the dialog and puts the summary card in the compose box', async () => {
    const opened = await t.post(t.activity('compose-extension-fetch-task', PEOPLE.megan, 'groupChat'));
    const submit = opened.body.task.value.card.content.actions.find((a: any) => a.title === 'Log meeting');
    const before = await storedCounts(t);
    const answer = await t.post(
      t.activity('compose-extension-submit-action', PEOPLE.megan, 'groupChat', {
        value: {
          commandId: 'logAsPartnerMeeting',
          commandContext: 'message',
          data: {
            ...submit.data,
            title: 'Rota call with Priya',
            partnerIds: partnerId,
            date: '2026-03-02',
            time: '14:05',
            type: 'check_in',
            medium: 'chat',
            minutes: 'Depot rota back to two shifts',
            attendees: PEOPLE.megan.aadObjectId,
          },
        },
      }),
    );
    expect(answer.body.composeExtension.type).toBe('result');
    const card = answer.body.composeExtension.attachments[0].content;
    expect(cardText(card)).toContain('Rota call with Priya');
    expect(cardBytes(card)).toBeLessThan(28 * 1024);
    const after = await storedCounts(t);
    expect(after.meetings - before.meetings).toBe(1);
    const logged = (
      await t.app.core.meetings.list(
        {
          tenantId: PEOPLE.megan && '11111111-1111-4111-8111-111111111111',
          spaceId: 'chat:19:6f1c2b9a8e7d4c3b2a1f0e9d8c7b6a59@thread.v2',
        },
        {},
        { limit: 1 },
      )
    ).items[0];
    expect(logged?.source).toEqual({
      kind: 'chat_message',
      url: 'https://teams.microsoft.com/l/message/19:6f1c2b9a8e7d4c3b2a1f0e9d8c7b6a59@thread.v2/1772460300000',
      externalId: '1772460300000',
    });
    // Nothing was posted by the bot: the person sends the card themselves.
    expect(t.connector.posted()).toHaveLength(0);
  });

  it('keeps the dialog open with the problems shown when the form is incomplete', async () => {
    const opened = await t.post(t.activity('compose-extension-fetch-task', PEOPLE.megan, 'groupChat'));
    const submit = opened.body.task.value.card.content.actions.find((a: any) => a.title === 'Log meeting');
    const before = await storedCounts(t);
    const answer = await t.post(
      t.activity('compose-extension-submit-action', PEOPLE.megan, 'groupChat', {
        value: {
          commandId: 'logAsPartnerMeeting',
          data: {
            ...submit.data,
            title: 'No partner chosen',
            date: '2026-03-02',
            time: '14:05',
            type: 'check_in',
            medium: 'chat',
          },
        },
      }),
    );
    expect(answer.body.task.type).toBe('continue');
    const form = answer.body.task.value.card.content;
    expect(inputError(form, 'partnerIds')).toBe('Choose at least one partner');
    expect(input(form, 'title')?.value).toBe('No partner chosen');
    expect(await storedCounts(t)).toEqual(before);
  });
});
