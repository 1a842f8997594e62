import { silentLogger } from '../../adapters/logging/json-logger';
import { AppTokenProvider } from '../../adapters/graph/app-token';
import { createGraphClient } from '../../adapters/graph/graph-client';
import { GraphAppInstaller } from '../../adapters/graph/graph-app-installer';
import type { Caller } from '../../core/common/caller';
import { spaceIdOf } from '../../core/common/scope';
import type { Reminder } from '../../core/reminders/reminder';
import type { ReminderDispatcher } from '../../core/reminders/reminder-dispatcher';
import { botAuthentication } from '../../server/bot-authentication';
import { loadConfig } from '../../server/config';
import { reminderDispatcher } from '../../server/reminder-scheduler';
import { TeamsTestClient } from '../support/bot-client';
import { FakeGraph } from '../support/fake-graph';
import { PEOPLE, PLACES } from '../support/teams-activities';

const CATALOG_APP = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
/** Lee Gu: in the directory, never installed Partner CRM, never in a chat with the bot. */
const LEE = { aadObjectId: '6e7b8c9d-0000-4000-8000-000000000004', displayName: 'Lee Gu' };

/**
 * Reminders for an owner who never installed the app, over the wire: the real dispatcher, Teams notifier and
 * botbuilder adapter sending to the fake Bot Connector, and the real Graph client installing the app through a
 * loopback Graph. Three ways it can go: the app is installed for them and the card goes to that chat; the tenant
 * did not grant the permission and they are @mentioned in the team; nothing reaches them and whoever assigned
 * the work is told, once.
 */
describe('reminders for an owner who never installed the app', () => {
  let client: TeamsTestClient;
  let graph: FakeGraph;
  let dispatcher: ReminderDispatcher;
  const alex = { aadObjectId: PEOPLE.alex.aadObjectId, displayName: PEOPLE.alex.name };
  const team: Caller = { scope: { tenantId: PLACES.tenant, spaceId: `team:${PLACES.team}` }, user: alex };
  const alexOwn: Caller = {
    scope: { tenantId: PLACES.tenant, spaceId: spaceIdOf('personal', alex.aadObjectId) },
    user: alex,
  };

  beforeEach(async () => {
    client = await TeamsTestClient.start();
    graph = await FakeGraph.start();
    graph.users.set(LEE.aadObjectId, { id: LEE.aadObjectId, displayName: LEE.displayName });
    const config = loadConfig({});
    const auth = new AppTokenProvider({
      tenantId: PLACES.tenant,
      clientId: '0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
      clientSecret: 'app-secret',
      authorityUrl: graph.baseUrl,
    });
    dispatcher = reminderDispatcher({
      config,
      core: client.app.core,
      store: client.app.store.store,
      clock: client.app.clock,
      auth: botAuthentication(config),
      logger: silentLogger,
      worker: 'test',
      installer: new GraphAppInstaller(
        // No retries inside the client: the dispatcher's retries are the ones these tests watch.
        createGraphClient({ baseUrl: graph.graphUrl, auth, maxRetries: 0 }),
        {
          homeTenantId: PLACES.tenant,
          catalogAppId: CATALOG_APP,
          graphUrl: 'https://graph.microsoft.com/v1.0',
          logger: silentLogger,
          now: () => client.app.clock.now().getTime(),
        },
      ),
    });
    client.app.clock.set('2026-03-02T08:00:00Z');
    // Alex chats with the bot and uses it in the team: both conversations are known.
    await client.say('help', PEOPLE.alex, 'personal');
    await client.say('help', PEOPLE.alex, 'channel');
  });
  afterEach(async () => {
    await client.close();
    await graph.close();
  });

  /**
   * Alex gives Lee an action due on Wednesday 4 March: reminded on Tuesday, then on the day, at 09:00. Most tests
   * here are about those reminders, so Lee has stopped notices of new actions unless `notice` (see the last tests).
   */
  async function actionForLee(
    caller: Caller,
    title = 'Share the revised rota',
    options: { notice?: boolean } = {},
  ): Promise<void> {
    if (!options.notice)
      await client.app.core.reminders.stop({ scope: { tenantId: PLACES.tenant }, user: LEE }, 'assignment');
    await client.app.core.actions.create(caller, { title, owner: { user: LEE }, dueDate: '2026-03-04' });
    client.connector.reset();
  }

  const leesReminders = async (): Promise<Reminder[]> =>
    (await client.app.core.reminders.mine({ tenantId: PLACES.tenant }, LEE, { limit: 10 })).items;
  const log = (id: string) =>
    client.app.core.reminders.deliveries({ scope: { tenantId: PLACES.tenant }, user: LEE }, id);
  const installRequests = () => graph.requests.filter((r) => r.includes('/teamwork/installedApps'));
  const leesChat = () => graph.installations.get(LEE.aadObjectId)?.chatId;

  it('installs the app for them through Graph, sends the card to that chat, and next time goes straight there', async () => {
    await actionForLee(team);
    client.app.clock.set('2026-03-03T09:00:00Z');
    expect(await dispatcher.tick()).toBe(1);

    expect(graph.installations.get(LEE.aadObjectId)?.teamsAppId).toBe(CATALOG_APP);
    const [card] = client.connector.posted(leesChat());
    expect(JSON.stringify(card.attachments[0].content)).toContain('Share the revised rota');
    expect(card.conversation).toMatchObject({ id: leesChat(), conversationType: 'personal' });
    expect(client.connector.posted(PLACES.team)).toHaveLength(0);
    const [soon] = (await leesReminders()).filter((r) => r.kind === 'action_due_soon');
    expect(soon).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(await log(soon!.id)).toMatchObject([{ outcome: 'sent', route: 'installed-via-graph' }]);
    const remembered = await client.app.core.conversations.get(
      { tenantId: PLACES.tenant },
      'user',
      LEE.aadObjectId,
    );
    expect(remembered).toMatchObject({ status: 'active', conversationId: leesChat() });

    const asked = installRequests().length;
    client.app.clock.set('2026-03-04T09:00:00Z');
    expect(await dispatcher.tick()).toBe(1);
    expect(installRequests()).toHaveLength(asked);
    expect(client.connector.posted(leesChat())).toHaveLength(2);
    const [today] = (await leesReminders()).filter((r) => r.kind === 'action_due_today');
    expect(await log(today!.id)).toMatchObject([{ outcome: 'sent', route: 'personal' }]);
  });

  it('without the permission (403) @mentions them in the team, and does not ask Graph again for an hour', async () => {
    graph.installPermissionGranted = false;
    await actionForLee(team);
    await actionForLee(team, 'Confirm the new delivery slots');
    client.app.clock.set('2026-03-03T09:00:00Z');
    expect(await dispatcher.tick()).toBe(2);

    expect(graph.installations.size).toBe(0);
    const posted = client.connector.posted(PLACES.team);
    expect(posted).toHaveLength(2);
    expect(posted[0]).toMatchObject({
      text: '<at>Lee Gu</at>, this is for you.',
      entities: [{ type: 'mention', mentioned: { id: LEE.aadObjectId, name: 'Lee Gu' } }],
    });
    for (const soon of (await leesReminders()).filter((r) => r.kind === 'action_due_soon'))
      expect(await log(soon.id)).toMatchObject([{ outcome: 'sent', route: 'mention-in-space' }]);
    // Two sends, one question: the 403 is remembered for the tenant.
    expect(installRequests()).toEqual([`POST /v1.0/users/${LEE.aadObjectId}/teamwork/installedApps`]);

    // A day later Graph is asked again; an administrator has granted it meanwhile, so Lee gets the app.
    graph.installPermissionGranted = true;
    client.app.clock.set('2026-03-04T09:00:00Z');
    expect(await dispatcher.tick()).toBe(2);
    expect(client.connector.posted(leesChat())).toHaveLength(2);
    expect(client.connector.posted(PLACES.team)).toHaveLength(2);
  });

  it('when nothing reaches them, tells whoever assigned the work in their chat and My work, once across retries', async () => {
    // The action lives in Alex's own space: no team or chat to mention Lee in.
    await actionForLee(alexOwn);
    client.app.clock.set('2026-03-03T09:00:00Z');
    // Graph fails first (500): worth trying again, so nobody is told yet.
    graph.failNext({ status: 500 });
    expect(await dispatcher.tick()).toBe(1);
    let [soon] = (await leesReminders()).filter((r) => r.kind === 'action_due_soon');
    expect(soon).toMatchObject({ status: 'pending', attempts: 1 });
    expect(client.connector.posted(PEOPLE.alex.personalConversationId)).toHaveLength(0);

    // Then Graph says the permission is not granted: nothing reaches Lee, and Alex is told.
    graph.installPermissionGranted = false;
    client.app.clock.set(soon!.nextAttemptAt!);
    expect(await dispatcher.tick()).toBe(1);
    [soon] = (await leesReminders()).filter((r) => r.kind === 'action_due_soon');
    expect(soon).toMatchObject({ status: 'failed', attempts: 2 });
    expect(await log(soon!.id)).toMatchObject([
      { outcome: 'retry', detail: expect.stringContaining('Microsoft Graph answered 500') },
      { outcome: 'failed', route: 'assigner-told', detail: expect.stringContaining('Nowhere to send') },
    ]);
    const told = client.connector.posted(PEOPLE.alex.personalConversationId);
    expect(told).toHaveLength(1);
    expect(told[0].text).toContain('We could not reach Lee Gu about “Share the revised rota” (2026-03-04)');

    // The day's reminder finds nobody either: the log says so, and Alex is not told again.
    client.app.clock.set('2026-03-04T09:00:00Z');
    expect(await dispatcher.tick()).toBe(1);
    const [today] = (await leesReminders()).filter((r) => r.kind === 'action_due_today');
    expect(await log(today!.id)).toMatchObject([{ outcome: 'failed', route: 'unreachable' }]);
    expect(client.connector.posted(PEOPLE.alex.personalConversationId)).toHaveLength(1);
    expect(client.connector.posted()).toHaveLength(1);

    // Alex's My work lists it, over the tab's API.
    const res = await fetch(`${client.app.baseUrl}/api/v1/reminders/unreachable-owners`, {
      headers: { 'x-dev-user-id': alex.aadObjectId, 'x-dev-tenant-id': PLACES.tenant },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      items: { title: string; date: string; ownerId: string }[];
      people: Record<string, { displayName: string }>;
    };
    expect(body.items).toMatchObject([{ title: 'Share the revised rota', date: '2026-03-04' }]);
    expect(body.people[body.items[0]!.ownerId]).toMatchObject({ displayName: 'Lee Gu' });
  });

  describe('the notice that Alex assigned them an action', () => {
    const notice = async () => (await leesReminders()).find((r) => r.kind === 'action_assigned')!;

    it('comes in their working hours, through a chat made by installing the app for them', async () => {
      // Monday 2 March, 08:00: Lee's window opens at 09:00 UTC (nothing is known of their time zone).
      await actionForLee(team, 'Share the revised rota', { notice: true });
      expect(await notice()).toMatchObject({ status: 'pending', dueAt: '2026-03-02T09:00:00.000Z' });
      expect(await dispatcher.tick()).toBe(0);

      client.app.clock.set('2026-03-02T09:00:00Z');
      expect(await dispatcher.tick()).toBe(1);
      const [card] = client.connector.posted(leesChat());
      const shown = JSON.stringify(card.attachments[0].content);
      expect(shown).toContain('New action for you');
      expect(shown).toContain('Alex Wilber assigned you: Share the revised rota, due Wed, 4 Mar 2026.');
      expect(shown).toContain('"verb":"reminder.done"');
      expect(shown).not.toContain('reminder.snooze');
      expect(await log((await notice()).id)).toMatchObject([
        { outcome: 'sent', route: 'installed-via-graph' },
      ]);
    });

    it('without the permission @mentions them in the team', async () => {
      graph.installPermissionGranted = false;
      await actionForLee(team, 'Share the revised rota', { notice: true });
      client.app.clock.set('2026-03-02T09:00:00Z');
      expect(await dispatcher.tick()).toBe(1);
      const [posted] = client.connector.posted(PLACES.team);
      expect(posted).toMatchObject({ text: '<at>Lee Gu</at>, this is for you.' });
      expect(JSON.stringify(posted.attachments[0].content)).toContain('New action for you');
      expect(await log((await notice()).id)).toMatchObject([{ outcome: 'sent', route: 'mention-in-space' }]);
    });

    it('when nothing reaches them, tells Alex once, and the action’s reminders do not tell him again', async () => {
      graph.installPermissionGranted = false;
      await actionForLee(alexOwn, 'Share the revised rota', { notice: true });
      client.app.clock.set('2026-03-02T09:00:00Z');
      expect(await dispatcher.tick()).toBe(1);
      expect(await log((await notice()).id)).toMatchObject([{ outcome: 'failed', route: 'assigner-told' }]);
      const told = client.connector.posted(PEOPLE.alex.personalConversationId);
      expect(told).toHaveLength(1);
      expect(told[0].text).toContain('We could not reach Lee Gu about “Share the revised rota” (2026-03-04)');

      client.app.clock.set('2026-03-03T09:00:00Z');
      expect(await dispatcher.tick()).toBe(1);
      const [soon] = (await leesReminders()).filter((r) => r.kind === 'action_due_soon');
      expect(await log(soon!.id)).toMatchObject([{ outcome: 'failed', route: 'unreachable' }]);
      expect(client.connector.posted()).toHaveLength(1);
    });
  });
});
