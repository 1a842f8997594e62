import { PEOPLE, PLACES } from '../support/teams-activities';
import { TeamsTestClient } from '../support/bot-client';
import { addPartnerViaBot, storedCounts } from '../support/bot-steps';
import { UNRESOLVED_PERSON } from '../../cards/people-choices';
import { answeredCard, buttons, cardText, input, inputError, submitData } from '../support/card-reading';

describe('logging a partner meeting from chat', () => {
  let t: TeamsTestClient;

  beforeAll(async () => {
    t = await TeamsTestClient.start();
  });
  afterAll(async () => t.close());
  beforeEach(() => t.connector.reset());

  function meetingInputs(partnerId: string, overrides: Record<string, string> = {}) {
    return {
      title: 'Monthly delivery review',
      partnerIds: partnerId,
      date: '2026-03-02',
      time: '10:30',
      durationMinutes: '45',
      attendees: `${PEOPLE.alex.aadObjectId},${PEOPLE.megan.aadObjectId}`,
      type: 'review',
      medium: 'teams_meeting',
      minutes: 'Reviewed late deliveries; root cause was the **new** depot rota.',
      decisions: 'Rota back to two shifts from 9 March\n\nWeekly on-time figures shared',
      issues: 'Three orders missed their promised date',
      customerImpact: 'Fewer missed delivery promises.',
      action1Title: 'Share revised rota with the contact centre',
      action1Owner: PEOPLE.megan.aadObjectId,
      action1Due: '2026-03-06',
      action2Title: 'Send weekly on-time figures',
      action2Owner: PEOPLE.alex.aadObjectId,
      action2Due: '2026-03-13',
      ...overrides,
    };
  }

  /** Logs a meeting in the group chat as Alex and returns his summary card. */
  async function logMeeting(title: string): Promise<any> {
    await t.say('log meeting', PEOPLE.alex, 'groupChat');
    const form = t.lastPostedCard();
    const data = submitData(
      form,
      'meeting.log',
      meetingInputs(input(form, 'partnerIds')!.choices[0].value, { title }),
    );
    return answeredCard((await t.execute('meeting.log', data, { where: 'groupChat' })).body);
  }

  it('answers "log meeting" with one message: the form, in the user’s time zone, with the partners here', async () => {
    const partnerId = await addPartnerViaBot(t, 'Northwind Logistics', PEOPLE.alex, 'groupChat');
    t.connector.reset();
    await t.say('Log Meeting', PEOPLE.alex, 'groupChat');
    expect(t.connector.posted()).toHaveLength(1);
    const form = t.lastPostedCard();
    expect(cardText(form)).toContain('Log a partner meeting');
    expect(input(form, 'partnerIds')?.choices).toEqual([{ title: 'Northwind Logistics', value: partnerId }]);
    expect(input(form, 'date')?.value).toBe('2026-03-02');
    expect(input(form, 'time')?.value).toBe('09:00');
    // The group's members are offered by the people pickers before anyone searches.
    expect(input(form, 'attendees')?.choices.map((c: any) => c.title)).toEqual([
      'Alex Wilber',
      'Megan Bowen',
      'Adele Vance',
      'Priya Shah (Northwind Logistics)',
    ]);
    expect(input(form, 'attendees')?.['choices.data']).toEqual({
      type: 'Data.Query',
      dataset: 'graph.microsoft.com/users?scope=currentContext',
    });
  });

  it('logs the meeting with two actions and answers with the summary, owners’ buttons and all', async () => {
    await t.say('log meeting', PEOPLE.alex, 'groupChat');
    const form = t.lastPostedCard();
    const partnerId = input(form, 'partnerIds')!.choices[0].value;
    const before = await storedCounts(t);

    const answer = await t.execute('meeting.log', submitData(form, 'meeting.log', meetingInputs(partnerId)), {
      where: 'groupChat',
      replyToId: '1772442009001',
    });

    expect(answer.status).toBe(200);
    const summary = answeredCard(answer.body);
    const text = cardText(summary);
    expect(text).toContain('Meeting logged');
    expect(text).toContain('Monthly delivery review');
    expect(text).toContain('When: Mon, 2 Mar 2026, 10:30 (Europe/London)');
    expect(text).toContain('Alex Wilber, Megan Bowen');
    expect(text).toContain('• Rota back to two shifts from 9 March\n• Weekly on-time figures shared');
    // Markdown in minutes stays literal.
    expect(text).toContain('the **new** depot rota');
    expect(text).toContain('Share revised rota with the contact centre');
    // Alex owns one action: his view offers Mark done for that one only.
    expect(buttons(summary, 'action.done')).toHaveLength(1);
    expect(summary.refresh.action.verb).toBe('meeting.refresh');
    expect(summary.refresh.userIds).toContain(PEOPLE.alex.mri);

    const after = await storedCounts(t);
    expect(after.meetings - before.meetings).toBe(1);
    expect(after.actions - before.actions).toBe(2);
    // Everyone else in the group chat sees the card without anyone's buttons.
    const [update] = t.connector.updated();
    expect(update).toMatchObject({ conversationId: PLACES.groupChat, activityId: '1772442009001' });
    const everyones = update!.body.attachments[0].content;
    expect(buttons(everyones, 'action.done')).toHaveLength(0);
    expect(cardText(everyones)).toContain('Monthly delivery review');
    // Clients that cannot refresh cards ask for their own view with a button.
    expect(buttons(everyones, 'meeting.refresh').map((b) => b.title)).toContain('My actions here');
  });

  it('stores one meeting when the same form is submitted twice (double click, Teams retry)', async () => {
    await t.say('log meeting', PEOPLE.alex, 'groupChat');
    const form = t.lastPostedCard();
    const data = submitData(
      form,
      'meeting.log',
      meetingInputs(input(form, 'partnerIds')!.choices[0].value, { title: 'Twice' }),
    );
    const before = await storedCounts(t);
    const [first, second] = await Promise.all([
      t.execute('meeting.log', data, { where: 'groupChat' }),
      t.execute('meeting.log', data, { where: 'groupChat' }),
    ]);
    const after = await storedCounts(t);
    expect(after.meetings - before.meetings).toBe(1);
    expect(after.actions - before.actions).toBe(2);
    const notices = [cardText(answeredCard(first.body)), cardText(answeredCard(second.body))];
    expect(notices.filter((n) => n.includes('This meeting was already logged'))).toHaveLength(1);
  });

  it('re-renders the same form with the values kept and the problems shown, storing nothing', async () => {
    await t.say('log meeting', PEOPLE.alex, 'groupChat');
    const form = t.lastPostedCard();
    const partnerId = input(form, 'partnerIds')!.choices[0].value;
    const before = await storedCounts(t);
    const formId = submitData(form, 'meeting.log').formId;

    const answer = await t.execute(
      'meeting.log',
      submitData(form, 'meeting.log', meetingInputs(partnerId, { title: '   ', action2Due: '2026-02-27' })),
      { where: 'groupChat' },
    );

    const again = answeredCard(answer.body);
    expect(cardText(again)).toContain('Log a partner meeting');
    expect(inputError(again, 'title')).toBe('Title is required');
    expect(input(again, 'minutes')?.value).toContain('depot rota');
    expect(submitData(again, 'meeting.log').formId).toBe(formId);
    expect(await storedCounts(t)).toEqual(before);

    // Fixing the title then finds the core rule: an action cannot be due before the meeting.
    const second = answeredCard(
      (
        await t.execute(
          'meeting.log',
          submitData(again, 'meeting.log', meetingInputs(partnerId, { action2Due: '2026-02-27' })),
          {
            where: 'groupChat',
          },
        )
      ).body,
    );
    expect(inputError(second, 'action2Due')).toBe('Due date is before the meeting');
    expect(input(second, 'action2Title')?.value).toBe('Send weekly on-time figures');
    expect(await storedCounts(t)).toEqual(before);
  });

  it('accepts a picker that submits a member’s Teams user id instead of the Entra id', async () => {
    await t.say('log meeting', PEOPLE.alex, 'groupChat');
    const form = t.lastPostedCard();
    const inputs = meetingInputs(input(form, 'partnerIds')!.choices[0].value, {
      title: 'Picked by member id',
      attendees: PEOPLE.adele.mri,
      action1Owner: PEOPLE.adele.mri,
    });
    const summary = answeredCard(
      (await t.execute('meeting.log', submitData(form, 'meeting.log', inputs), { where: 'groupChat' })).body,
    );
    expect(cardText(summary)).toContain('Attendees: Adele Vance');
    expect(cardText(summary)).toContain('Adele Vance · due Fri, 6 Mar 2026');
  });

  it('takes someone nobody can name yet as a pending person, and names them when they first write', async () => {
    await addPartnerViaBot(t, 'Tailspin Couriers', PEOPLE.alex, 'personal');
    await t.say('log meeting', PEOPLE.alex, 'personal');
    const form = t.lastPostedCard();
    const partnerId = input(form, 'partnerIds')?.choices[0]?.value ?? 'ptn_none';
    const stranger = 'ffffffff-ffff-4fff-8fff-fffffffffff0';
    const answer = await t.execute(
      'meeting.log',
      submitData(form, 'meeting.log', meetingInputs(partnerId, { action1Owner: stranger })),
    );
    // Alex's personal chat lists only Alex (the connector answers 404 for anyone else), nobody knows the
    // stranger and no directory is connected: the action is stored, its owner pending.
    expect(cardText(answeredCard(answer.body))).toContain(
      'Pending person (ffffffff-fff…) · due Fri, 6 Mar 2026',
    );
    const scope = { tenantId: PLACES.tenant };
    const people = t.app.store.store.read.people;
    const pending = await people.findByAadObjectId(scope, stranger);
    expect(pending).toMatchObject({ pending: true });

    // The day they first write to the bot, Teams names them, on the same person the action points at.
    const lee = {
      mri: '29:1leeG4uH7jK0lZ3xC6vB9nM2qW5eR8tY1uI4oP',
      aadObjectId: stranger,
      name: 'Lee Gu',
      personalConversationId: 'a:1leePersonalChatWithPartnerCrm_Xq7vN3kL0pZrT5yB',
    };
    await t.say('help', lee, 'personal');
    expect(await people.findByAadObjectId(scope, stranger)).toMatchObject({
      id: pending!.id,
      displayName: 'Lee Gu',
      teamsUserId: lee.mri,
    });
  });

  it('refuses an id that cannot be anyone’s, names the field and keeps what was typed', async () => {
    await addPartnerViaBot(t, 'Contoso Facilities', PEOPLE.alex, 'personal');
    await t.say('log meeting', PEOPLE.alex, 'personal');
    const form = t.lastPostedCard();
    const partnerId = input(form, 'partnerIds')?.choices[0]?.value ?? 'ptn_none';
    const before = await storedCounts(t);
    const answer = await t.execute(
      'meeting.log',
      submitData(form, 'meeting.log', meetingInputs(partnerId, { action1Owner: '8:orgid:4d2f7a' })),
    );
    const again = answeredCard(answer.body);
    expect(inputError(again, 'action1Owner')).toBe(UNRESOLVED_PERSON);
    expect(input(again, 'action1Title')?.value).toBe('Share revised rota with the contact centre');
    expect(await storedCounts(t)).toEqual(before);
  });

  it('marks an action done from the summary: the owner’s card and everyone’s card update in place', async () => {
    const logged = await logMeeting('To be done');
    t.connector.reset();

    // Megan opens the chat: Teams refreshes the card for her, and she sees Mark done on her own action.
    const refreshed = answeredCard(
      (
        await t.execute('meeting.refresh', logged.refresh.action.data, {
          who: PEOPLE.megan,
          where: 'groupChat',
          trigger: 'automatic',
        })
      ).body,
    );
    const [megansButton] = buttons(refreshed, 'action.done');
    expect(buttons(refreshed, 'action.done')).toHaveLength(1);
    expect(t.connector.updated()).toHaveLength(0);

    const done = await t.execute('action.done', megansButton!.data, {
      who: PEOPLE.megan,
      where: 'groupChat',
      replyToId: '1772442009555',
    });
    const mine = answeredCard(done.body);
    expect(cardText(mine)).toContain('Marked done: Share revised rota with the contact centre');
    expect(cardText(mine)).toMatch(/Done Mon, 2 Mar 2026/);
    expect(buttons(mine, 'action.done')).toHaveLength(0);
    const [update] = t.connector.updated();
    expect(update?.activityId).toBe('1772442009555');
    expect(cardText(update!.body.attachments[0].content)).toMatch(/Done Mon, 2 Mar 2026/);

    // Pressing it again (a second client, a retry) stores nothing more.
    const before = await storedCounts(t);
    const again = await t.execute('action.done', megansButton!.data, {
      who: PEOPLE.megan,
      where: 'groupChat',
    });
    expect(cardText(answeredCard(again.body))).toContain('This action was already done');
    expect(await storedCounts(t)).toEqual(before);
  });

  it('lets only the owner or the person who agreed it mark an action done', async () => {
    const logged = await logMeeting('Not Adele’s');
    const [alexsButton] = buttons(logged, 'action.done');
    const before = await storedCounts(t);
    const answer = await t.execute('action.done', alexsButton!.data, {
      who: PEOPLE.adele,
      where: 'groupChat',
    });
    expect(answer.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Only the owner of this action or the person who agreed it can change it',
    });
    expect(await storedCounts(t)).toEqual(before);
  });

  it('answers clients without Universal Actions (Action.Submit) by updating the card message', async () => {
    await t.say('log meeting', PEOPLE.alex, 'personal');
    const form = t.lastPostedCard();
    const partnerId = input(form, 'partnerIds')!.choices[0]?.value;
    t.connector.reset();
    const fallback = form.actions.find((a: any) => a.verb === 'meeting.log').fallback;
    expect(fallback.type).toBe('Action.Submit');
    const answer = await t.post(
      t.activity('card-submit-message', PEOPLE.alex, 'personal', {
        replyToId: '1772442007777',
        value: {
          ...fallback.data,
          ...meetingInputs(partnerId, {
            title: 'Logged from an old client',
            action1Owner: PEOPLE.alex.aadObjectId,
          }),
        },
      }),
    );
    expect(answer.status).toBe(200);
    expect(t.connector.posted()).toHaveLength(0);
    const [update] = t.connector.updated();
    expect(update?.activityId).toBe('1772442007777');
    expect(cardText(update!.body.attachments[0].content)).toContain('Logged from an old client');
  });
});
