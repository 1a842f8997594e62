import { PEOPLE, PLACES } from '../support/teams-activities';
import { TeamsTestClient } from '../support/bot-client';
import { addPartnerViaBot, storedCounts } from '../support/bot-steps';
import { cardText, input, inputError } from '../support/card-reading';

describe('dialogs opened from cards', () => {
  let t: TeamsTestClient;
  let partnerId: string;

  beforeAll(async () => {
    t = await TeamsTestClient.start();
    partnerId = await addPartnerViaBot(t, 'Northwind Logistics', PEOPLE.alex, 'groupChat');
  });
  afterAll(async () => t.close());
  beforeEach(() => t.connector.reset());

  function fetchTask(data: unknown) {
    return t.post(
      t.activity('task-fetch', PEOPLE.alex, 'groupChat', {
        value: { type: 'task/fetch', data, context: { theme: 'dark' } },
      }),
    );
  }
  function submitTask(data: unknown) {
    return t.post(
      t.activity('task-submit', PEOPLE.alex, 'groupChat', {
        value: { type: 'task/submit', data, context: { theme: 'dark' } },
      }),
    );
  }

  it('opens the meeting form for the partner the button was on', async () => {
    const answer = await fetchTask({ msteams: { type: 'task/fetch' }, verb: 'meeting.dialog', partnerId });
    expect(answer.body.task).toMatchObject({
      type: 'continue',
      value: { title: 'Log a partner meeting', width: 'large', height: 'large' },
    });
    const form = answer.body.task.value.card.content;
    expect(input(form, 'partnerIds')?.value).toBe(partnerId);
  });

  it('logs the meeting, posts its summary in the conversation and closes the dialog', async () => {
    const form = (await fetchTask({ verb: 'meeting.dialog', partnerId })).body.task.value.card.content;
    const submit = form.actions.find((a: any) => a.type === 'Action.Submit' && a.data.verb === 'meeting.log');
    const before = await storedCounts(t);
    const answer = await submitTask({
      ...submit.data,
      title: 'Logged in a dialog',
      partnerIds: partnerId,
      date: '2026-03-02',
      time: '11:00',
      type: 'check_in',
      medium: 'phone',
      action1Title: 'Confirm the rota',
      action1Owner: PEOPLE.megan.aadObjectId,
      action1Due: '2026-03-04',
    });
    expect(answer.status).toBe(200);
    expect(answer.body ?? {}).toEqual({});
    const [posted] = t.connector.posted(PLACES.groupChat);
    expect(cardText(posted.attachments[0].content)).toContain('Logged in a dialog');
    const after = await storedCounts(t);
    expect([after.meetings - before.meetings, after.actions - before.actions]).toEqual([1, 1]);
  });

  it('keeps the dialog open with the values and problems when the submit is refused', async () => {
    const form = (await fetchTask({ verb: 'action.dialog', partnerId })).body.task.value.card.content;
    const submit = form.actions.find((a: any) => a.data?.verb === 'action.create');
    const before = await storedCounts(t);
    const answer = await submitTask({
      ...submit.data,
      title: 'Too late',
      ownerId: PEOPLE.alex.aadObjectId,
      dueDate: '2026-02-30',
    });
    const again = answer.body.task.value.card.content;
    expect(inputError(again, 'dueDate')).toBe('That date does not exist');
    expect(input(again, 'title')?.value).toBe('Too late');
    expect(await storedCounts(t)).toEqual(before);
    expect(t.connector.posted()).toHaveLength(0);
  });

  it.each([
    ['wrong types', { verb: 'meeting.dialog', partnerId: 42 }, /partnerId: This button names no record/],
    ['a missing verb', { verb: null, partnerId: 'ptn_x' }, /verb: This button opens no known dialog/],
    ['oversized text', { verb: 'meeting.dialog', partnerId: 'p'.repeat(5000) }, /not one of ours/],
    ['an unknown verb', { verb: 'secrets.dialog' }, /This button opens no known dialog; reload the card/],
  ])('answers a dialog request with %s with a message and stores nothing', async (_label, data, message) => {
    const before = await storedCounts(t);
    const answer = await fetchTask(data);
    expect(answer.body.task.type).toBe('message');
    expect(answer.body.task.value).toMatch(message);
    expect(await storedCounts(t)).toEqual(before);
  });

  it('refuses a dialog submit that names no known form', async () => {
    const before = await storedCounts(t);
    const answer = await submitTask({
      verb: 'agreement.acknowledge',
      agreementId: 'agr_x',
      partyId: 'party-1',
    });
    expect(answer.body).toEqual({
      task: {
        type: 'message',
        value: 'That request was not valid: verb: This dialog submitted no known form; open it again',
      },
    });
    expect(await storedCounts(t)).toEqual(before);
  });

  it('answers a dialog for a partner that is not here with a message', async () => {
    const answer = await fetchTask({ verb: 'meeting.dialog', partnerId: 'ptn_not_here' });
    expect(answer.body).toEqual({
      task: {
        type: 'message',
        value:
          'That partner was not found here. It may belong to another chat or team, or have been removed.',
      },
    });
  });
});
