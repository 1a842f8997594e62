import { silentLogger } from '../../adapters/logging/json-logger';
import type { Caller } from '../../core/common/caller';
import type { Reminder } from '../../core/reminders/reminder';
import type { ReminderDispatcher } from '../../core/reminders/reminder-dispatcher';
import { botAuthentication } from '../../server/bot-authentication';
import { loadConfig } from '../../server/config';
import { reminderDispatcher } from '../../server/reminder-scheduler';
import { TeamsTestClient } from '../support/bot-client';
import { aPartnerInput } from '../../testkit/factories';
import { PEOPLE, PLACES } from '../support/teams-activities';

/**
 * Reminders over the wire: the real dispatcher, Teams notifier and botbuilder adapter sending to the fake Bot
 * Connector, which answers as Teams does (including its failures), and the card's buttons pressed over HTTP.
 */
describe('reminder delivery through the Bot Connector', () => {
  let client: TeamsTestClient;
  let dispatcher: ReminderDispatcher;
  const alex = { aadObjectId: PEOPLE.alex.aadObjectId, displayName: PEOPLE.alex.name };
  const team: Caller = { scope: { tenantId: PLACES.tenant, spaceId: `team:${PLACES.team}` }, user: alex };

  /** The dispatcher as the server wires it, over the test app's store and clock. */
  function wire(env: Record<string, string> = {}): ReminderDispatcher {
    const config = loadConfig(env);
    return reminderDispatcher({
      config,
      core: client.app.core,
      store: client.app.store.store,
      clock: client.app.clock,
      auth: botAuthentication(config),
      logger: silentLogger,
      worker: 'test',
    });
  }

  beforeEach(async () => {
    client = await TeamsTestClient.start();
    dispatcher = wire();
    // Monday 2 March 2026, 08:00 in London (Teams reports Europe/London on Alex's activities).
    client.app.clock.set('2026-03-02T08:00:00Z');
  });
  afterEach(async () => client.close());

  const reminders = async (): Promise<Reminder[]> =>
    (await client.app.core.reminders.mine({ tenantId: PLACES.tenant }, alex, { limit: 50 })).items;
  const deliveries = (id: string) =>
    client.app.core.reminders.deliveries({ scope: { tenantId: PLACES.tenant }, user: alex }, id);
  const personalCards = () => client.connector.posted(PEOPLE.alex.personalConversationId);
  const teamCards = () => client.connector.posted(PLACES.team);

  /** Alex chats with the bot and in the team, then adds a partner with a daily check-in: due at 09:00 tomorrow. */
  async function alexWithDailyPartner(options: { personalChat?: boolean } = {}): Promise<void> {
    if (options.personalChat !== false) await client.say('help', PEOPLE.alex, 'personal');
    await client.say('help', PEOPLE.alex, 'channel');
    await client.app.core.partners.add(team, aPartnerInput({ checkInCadence: { every: 1, unit: 'day' } }));
    client.connector.reset();
    client.app.clock.set('2026-03-03T09:00:00Z');
  }

  it('sends a check-in card to the owner’s personal chat at their window, with Snooze, Log meeting now and Stop', async () => {
    await alexWithDailyPartner();
    expect(await dispatcher.tick()).toBe(1);
    expect(personalCards()).toHaveLength(1);
    const card = personalCards()[0].attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const words = JSON.stringify(card.content);
    expect(words).toContain('Check in with Northwind Logistics');
    for (const label of ['Snooze 1 day', 'Snooze 1 week', 'Log meeting now', 'Stop check-in reminders'])
      expect(words).toContain(label);
    expect(teamCards()).toHaveLength(0);
    const [reminder] = await reminders();
    expect(reminder).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(await deliveries(reminder!.id)).toMatchObject([{ outcome: 'sent', route: 'personal' }]);
    // Delivered is delivered: the next rounds send nothing more.
    expect(await dispatcher.tick()).toBe(0);
    expect(client.connector.postsReceived).toBe(1);
  });

  it('takes the owner’s time zone from their Teams activities and moves their reminders to their 09:00', async () => {
    await alexWithDailyPartner();
    client.app.clock.set('2026-03-02T12:00:00Z');
    const [before] = await reminders();
    expect(before!.dueAt).toBe('2026-03-03T09:00:00.000Z');
    const message = client.activity('personal-message', PEOPLE.alex, 'personal', {
      text: 'my actions',
      localTimezone: 'America/New_York',
    });
    expect((await client.post(message)).status).toBe(200);
    const [after] = await reminders();
    // 09:00 in New York before its clocks change (8 March) is 14:00 UTC.
    expect(after!.dueAt).toBe('2026-03-03T14:00:00.000Z');
    client.app.clock.set('2026-03-03T09:00:00Z');
    expect(await dispatcher.tick()).toBe(0);
    client.app.clock.set('2026-03-03T14:00:00Z');
    expect(await dispatcher.tick()).toBe(1);
  });

  it('on 429 with Retry-After makes one request, waits what Teams asked, then delivers', async () => {
    await alexWithDailyPartner();
    client.connector.failNext({ status: 429, retryAfter: '5' });
    await dispatcher.tick();
    // botbuilder would have retried inside the send; ours is the only retry, and it is logged.
    expect(client.connector.postsReceived).toBe(1);
    let [reminder] = await reminders();
    expect(reminder).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: '2026-03-03T09:00:05.000Z',
    });
    client.app.clock.set('2026-03-03T09:00:04Z');
    expect(await dispatcher.tick()).toBe(0);
    client.app.clock.set('2026-03-03T09:00:05Z');
    expect(await dispatcher.tick()).toBe(1);
    [reminder] = await reminders();
    expect(reminder).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(await deliveries(reminder!.id)).toMatchObject([
      { outcome: 'retry', statusCode: 429, detail: expect.stringContaining('next try in 5 s') },
      { outcome: 'sent', route: 'personal' },
    ]);
    expect(personalCards()).toHaveLength(1);
  });

  it('on 429 without Retry-After, 412, 500, 502 and 504 backs off exponentially with jitter', async () => {
    await alexWithDailyPartner();
    const statuses = [429, 412, 500, 502, 504] as const;
    client.connector.failNext(...statuses.map((status) => ({ status })));
    const waits: number[] = [];
    for (const status of statuses) {
      const before = client.app.clock.now().getTime();
      expect(await dispatcher.tick()).toBe(1);
      const [reminder] = await reminders();
      expect(reminder!.status).toBe('pending');
      waits.push(new Date(reminder!.nextAttemptAt!).getTime() - before);
      expect((await deliveries(reminder!.id)).at(-1)).toMatchObject({ outcome: 'retry', statusCode: status });
      client.app.clock.set(reminder!.nextAttemptAt!);
    }
    // Full jitter: each wait lies in the upper half of 2 s × 2^attempt (capped at two minutes).
    waits.forEach((wait, attempt) => {
      const ceiling = Math.min(120_000, 2000 * 2 ** attempt);
      expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
      expect(wait).toBeLessThanOrEqual(ceiling);
    });
    // The sixth attempt is the last: had it failed too, the reminder would be marked failed. It gets through.
    expect(await dispatcher.tick()).toBe(1);
    expect((await reminders())[0]).toMatchObject({ status: 'delivered', attempts: 6 });
    expect(client.connector.postsReceived).toBe(6);
  });

  it('gives up after the last attempt and says why in the delivery log', async () => {
    await alexWithDailyPartner();
    client.connector.failNext(
      ...Array.from({ length: 6 }, () => ({ status: 503 as const, retryAfter: '1' })),
    );
    for (let i = 0; i < 6; i++) {
      await dispatcher.tick();
      client.app.clock.advance(1000);
    }
    const [reminder] = await reminders();
    expect(reminder).toMatchObject({ status: 'failed', attempts: 6 });
    expect((await deliveries(reminder!.id)).at(-1)).toMatchObject({
      outcome: 'failed',
      statusCode: 503,
      detail: expect.stringContaining('gave up after 6 attempts'),
    });
    expect(await dispatcher.tick()).toBe(0);
    expect(client.connector.postsReceived).toBe(6);
  });

  it('on 403 (app blocked or removed) marks the personal chat gone and falls back to the team, never retrying it', async () => {
    await alexWithDailyPartner();
    client.connector.failNext({ status: 403, conversationId: PEOPLE.alex.personalConversationId });
    expect(await dispatcher.tick()).toBe(1);
    expect(personalCards()).toHaveLength(0);
    expect(teamCards()).toHaveLength(1);
    // In the team it is everyone's message: Alex is @mentioned, so it reaches him.
    expect(teamCards()[0]).toMatchObject({
      text: '<at>Alex Wilber</at>, this is for you.',
      entities: [{ type: 'mention', text: '<at>Alex Wilber</at>', mentioned: { name: 'Alex Wilber' } }],
    });
    const [reminder] = await reminders();
    expect(reminder).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(await deliveries(reminder!.id)).toMatchObject([{ outcome: 'sent', route: 'mention-in-space' }]);
    const personal = await client.app.core.conversations.get(
      { tenantId: PLACES.tenant },
      'user',
      PEOPLE.alex.aadObjectId.toLowerCase(),
    );
    expect(personal?.status).toBe('gone');
    // The next reminder goes straight to the team.
    await client.app.core.reminders.snooze(
      { scope: { tenantId: PLACES.tenant }, user: alex },
      { reminderId: reminder!.id, for: '1d' },
    );
    client.connector.reset();
    client.app.clock.set('2026-03-04T09:00:00Z');
    await dispatcher.tick();
    expect(client.connector.postsReceived).toBe(1);
    expect(teamCards()).toHaveLength(1);
  });

  it('reminds an owner who never installed the app in the team the partner is managed in, @mentioning them', async () => {
    await client.say('help', PEOPLE.alex, 'channel');
    const stranger = 'ffffffff-ffff-4fff-8fff-fffffffffff2';
    await client.app.core.partners.add(
      team,
      aPartnerInput({ relationshipOwner: { pending: stranger }, checkInCadence: { every: 1, unit: 'day' } }),
    );
    client.connector.reset();
    client.app.clock.set('2026-03-03T09:00:00Z');
    expect(await dispatcher.tick()).toBe(1);

    expect(teamCards()).toHaveLength(1);
    expect(teamCards()[0]).toMatchObject({
      text: '<at>Pending person (ffffffff-fff…)</at>, this is for you.',
      entities: [{ type: 'mention', mentioned: { id: stranger } }],
    });
    const owner = { aadObjectId: stranger, displayName: 'Lee Gu' };
    const [reminder] = (
      await client.app.core.reminders.mine({ tenantId: PLACES.tenant }, owner, { limit: 5 })
    ).items;
    expect(reminder).toMatchObject({ kind: 'checkin_due', status: 'delivered' });
    expect(
      await client.app.core.reminders.deliveries(
        { scope: { tenantId: PLACES.tenant }, user: owner },
        reminder!.id,
      ),
    ).toMatchObject([{ outcome: 'sent', route: 'mention-in-space' }]);
  });

  it('on 404 everywhere marks both conversations gone and fails the reminder with a reason, without retrying', async () => {
    await alexWithDailyPartner();
    client.connector.failNext({ status: 404 }, { status: 404 });
    expect(await dispatcher.tick()).toBe(1);
    const [reminder] = await reminders();
    expect(reminder).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await deliveries(reminder!.id)).toMatchObject([
      { outcome: 'failed', statusCode: 404, detail: expect.stringContaining('nowhere else to send') },
    ]);
    expect(client.connector.postsReceived).toBe(2);
    client.app.clock.advance(3_600_000);
    expect(await dispatcher.tick()).toBe(0);
  });

  it('counts a send Teams does not answer in time as worth retrying', async () => {
    dispatcher = wire({ REMINDER_SEND_TIMEOUT_MS: '1000' });
    await alexWithDailyPartner();
    client.connector.latencyMs = 1500;
    await dispatcher.tick();
    const [reminder] = await reminders();
    expect(reminder).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await deliveries(reminder!.id)).toMatchObject([
      { outcome: 'retry', detail: expect.stringContaining('No answer from Teams') },
    ]);
    client.connector.latencyMs = 0;
  });

  it('does not send a message whose turn under the rate limits comes after its claim ran out, and retries it', async () => {
    dispatcher = wire({ TEAMS_RATE_CONVERSATION: '1/2s' });
    await client.say('help', PEOPLE.alex, 'personal');
    for (const name of ['Northwind Logistics', 'Contoso Facilities'])
      await client.app.core.partners.add(
        team,
        aPartnerInput({ name, checkInCadence: { every: 1, unit: 'day' } }),
      );
    client.connector.reset();
    client.app.clock.set('2026-03-03T09:00:00Z');
    const ticking = dispatcher.tick();
    // One card goes; the other waits two seconds for its turn in Alex's chat, by when the claim has run out.
    await client.connector.waitFor(() => client.connector.postsReceived === 1, 5000);
    client.app.clock.set('2026-03-03T09:05:00Z');
    expect(await ticking).toBe(2);
    expect(client.connector.postsReceived).toBe(1);
    const statuses = (await reminders()).map((r) => [r.status, r.attempts, r.lastError]);
    expect(statuses).toEqual(
      expect.arrayContaining([
        ['delivered', 1, undefined],
        ['pending', 1, 'Its turn under Teams’ rate limits came after its claim ran out'],
      ]),
    );
  });

  it('creates the personal chat for someone the bot knows only from a team, and remembers it', async () => {
    await alexWithDailyPartner({ personalChat: false });
    expect(await dispatcher.tick()).toBe(1);
    const created = client.connector.calls.filter((c) => c.operation === 'createConversation');
    expect(created).toHaveLength(1);
    expect(created[0]!.body).toMatchObject({
      isGroup: false,
      members: [{ id: PEOPLE.alex.mri }],
      tenantId: PLACES.tenant,
    });
    const chat = client.connector.posted().at(-1);
    expect(JSON.stringify(chat.attachments[0].content)).toContain('Check in with Northwind Logistics');
    const remembered = await client.app.core.conversations.get(
      { tenantId: PLACES.tenant },
      'user',
      PEOPLE.alex.aadObjectId.toLowerCase(),
    );
    expect(remembered?.conversationId).toMatch(/^a:1/);
    expect(teamCards()).toHaveLength(0);
  });

  describe('the card’s buttons', () => {
    it('Snooze 1 day: confirms, and the same reminder arrives again at the next day’s window', async () => {
      await alexWithDailyPartner();
      await dispatcher.tick();
      const [first] = await reminders();
      const answer = await client.execute('reminder.snooze', { reminderIds: [first!.id], for: '1d' });
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).toContain('We will remind you again on');
      const repeat = (await reminders()).find((r) => r.snoozeOf === first!.id);
      expect(repeat).toMatchObject({
        status: 'pending',
        occursOn: '2026-03-04',
        dueAt: '2026-03-04T09:00:00.000Z',
      });
      client.app.clock.set('2026-03-04T08:59:59Z');
      expect(await dispatcher.tick()).toBe(0);
      client.app.clock.set('2026-03-04T09:00:00Z');
      expect(await dispatcher.tick()).toBe(1);
      expect(personalCards()).toHaveLength(2);
      expect(JSON.stringify(personalCards()[1].attachments[0].content)).toContain('Check in with Northwind');
    });

    it('Snooze with bad data re-renders nothing and changes nothing', async () => {
      await alexWithDailyPartner();
      await dispatcher.tick();
      const before = await reminders();
      const answer = await client.execute('reminder.snooze', { reminderIds: [], for: '1y' });
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).toMatch(/snooze|reminder/i);
      expect(await reminders()).toEqual(before);
    });

    it('Stop check-in reminders cancels what is pending and plans no more', async () => {
      await alexWithDailyPartner();
      await dispatcher.tick();
      const [first] = await reminders();
      await client.execute('reminder.snooze', { reminderIds: [first!.id], for: '1w' });
      const answer = await client.execute('reminder.stop', { family: 'checkin' });
      expect(JSON.stringify(answer.body)).toContain('no more check-in reminders');
      expect((await reminders()).filter((r) => r.status === 'pending')).toHaveLength(0);
      client.app.clock.set('2026-03-10T09:00:00Z');
      expect(await dispatcher.tick()).toBe(0);
    });

    it('Mark done on an action reminder completes the action and cancels its later reminders', async () => {
      await client.say('help', PEOPLE.alex, 'personal');
      const action = await client.app.core.actions.create(team, {
        title: 'Share the revised rota',
        owner: { user: alex },
        dueDate: '2026-03-04',
      });
      client.connector.reset();
      client.app.clock.set('2026-03-03T09:00:00Z');
      await dispatcher.tick();
      const card = client.lastPostedCard(PEOPLE.alex.personalConversationId);
      expect(JSON.stringify(card)).toContain('Action due soon');
      expect(JSON.stringify(card)).toContain('Mark done');
      expect((await reminders()).filter((r) => r.status === 'pending')).toHaveLength(2);
      const answer = await client.execute('reminder.done', {
        actionId: action.action.id,
        spaceId: team.scope.spaceId,
      });
      expect(JSON.stringify(answer.body)).toContain('Marked done: Share the revised rota');
      expect((await client.app.core.actions.view(team.scope, action.action.id)).action.status).toBe('done');
      expect((await reminders()).filter((r) => r.status === 'pending')).toHaveLength(0);
    });
  });

  it('tells an owner in their chat that someone assigned them an action at a meeting; they can stop these alone', async () => {
    const megan = { aadObjectId: PEOPLE.megan.aadObjectId, displayName: PEOPLE.megan.name };
    await client.say('help', PEOPLE.megan, 'personal');
    const { partner } = await client.app.core.partners.add(
      team,
      aPartnerInput({ checkInCadence: undefined }),
    );
    client.app.clock.set('2026-03-02T10:30:00Z');
    await client.app.core.meetings.log(team, {
      title: 'Monthly delivery review',
      partnerIds: [partner.id],
      occurredAt: '2026-03-02T10:00:00Z',
      attendees: [{ user: alex }, { user: megan }],
      type: 'review',
      medium: 'teams_meeting',
      actions: [
        {
          title: 'Share revised rota with the contact centre',
          owner: { user: megan },
          dueDate: '2026-03-06',
        },
        { title: 'Send weekly on-time figures', owner: { user: alex }, dueDate: '2026-03-13' },
      ],
    });
    client.connector.reset();

    // Inside Megan's window (09:00–17:00 UTC, all the bot knows of her): one notice, at once; none for Alex.
    expect(await dispatcher.tick()).toBe(1);
    const card = client.lastPostedCard(PEOPLE.megan.personalConversationId);
    const shown = JSON.stringify(card);
    expect(shown).toContain('New action for you');
    expect(shown).toContain(
      'Alex Wilber assigned you: Share revised rota with the contact centre, due Fri, 6 Mar 2026, from the meeting with Northwind Logistics on Mon, 2 Mar 2026.',
    );
    expect(shown).toContain('Stop new-action notices');
    expect(client.connector.posted()).toHaveLength(1);
    const meganReminders = async () =>
      (await client.app.core.reminders.mine({ tenantId: PLACES.tenant }, megan, { limit: 10 })).items;
    const [notice] = (await meganReminders()).filter((r) => r.kind === 'action_assigned');
    expect(
      await client.app.core.reminders.deliveries(
        { scope: { tenantId: PLACES.tenant }, user: megan },
        notice!.id,
      ),
    ).toMatchObject([{ outcome: 'sent', route: 'personal' }]);

    const stop = card.actions.find((a: { title: string }) => a.title === 'Stop new-action notices');
    const answer = await client.execute(stop.verb, stop.data, { who: PEOPLE.megan });
    expect(JSON.stringify(answer.body)).toContain('no more notices of actions assigned to you');
    expect((await client.app.core.reminders.preferences({ tenantId: PLACES.tenant }, megan)).stopped).toEqual(
      ['assignment'],
    );
    // The action's own reminders keep coming.
    expect((await meganReminders()).filter((r) => r.status === 'pending').map((r) => r.kind)).toEqual([
      'action_due_soon',
      'action_due_today',
      'action_overdue',
    ]);
  });
});
