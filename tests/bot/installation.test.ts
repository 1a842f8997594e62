import { PEOPLE, PLACES } from '../support/teams-activities';
import { TeamsTestClient } from '../support/bot-client';
import { cardText } from '../support/card-reading';

describe('installing and removing the app', () => {
  let t: TeamsTestClient;
  const tenant = { tenantId: PLACES.tenant };

  beforeAll(async () => {
    t = await TeamsTestClient.start();
  });
  afterAll(async () => t.close());
  beforeEach(() => t.connector.reset());

  it('welcomes a person once in personal chat and remembers how to reach them', async () => {
    const install = t.activity('installation-update-personal', PEOPLE.megan, 'personal', { action: 'add' });
    expect((await t.post(install)).status).toBe(200);
    const [welcome] = t.connector.posted();
    expect(cardText(welcome.attachments[0].content)).toContain('Partner CRM is ready');
    expect(cardText(welcome.attachments[0].content)).toContain('To stop them, remove Partner CRM');

    // Teams may deliver the install event again: no second welcome.
    await t.post(t.activity('installation-update-personal', PEOPLE.megan, 'personal', { action: 'add' }));
    expect(t.connector.posted()).toHaveLength(1);

    expect(await t.app.core.conversations.get(tenant, 'user', PEOPLE.megan.aadObjectId)).toMatchObject({
      status: 'active',
      conversationId: PEOPLE.megan.personalConversationId,
      userId: PEOPLE.megan.mri,
      serviceUrl: t.connector.serviceUrl,
      botId: PLACES.bot,
    });
  });

  it('marks the personal chat gone on uninstall, and nothing is sent', async () => {
    await t.post(t.activity('installation-update-personal', PEOPLE.megan, 'personal', { action: 'remove' }));
    expect(t.connector.posted()).toHaveLength(0);
    expect((await t.app.core.conversations.get(tenant, 'user', PEOPLE.megan.aadObjectId))?.status).toBe(
      'gone',
    );
    // Installing again makes it reachable again, with a new welcome.
    await t.post(t.activity('installation-update-personal', PEOPLE.megan, 'personal', { action: 'add' }));
    expect(t.connector.posted()).toHaveLength(1);
    expect((await t.app.core.conversations.get(tenant, 'user', PEOPLE.megan.aadObjectId))?.status).toBe(
      'active',
    );
  });

  it('welcomes a team in the channel it was added from and remembers the team and the channel', async () => {
    await t.post(t.activity('conversation-update-team', PEOPLE.alex, 'channel'));
    expect(t.connector.posted()).toHaveLength(0);
    expect(await t.app.core.conversations.get(tenant, 'team', PLACES.team)).toMatchObject({
      status: 'active',
      teamId: PLACES.team,
    });

    await t.post(
      t.activity('installation-update-channel', PEOPLE.alex, 'channel', {
        conversation: { id: PLACES.team },
      }),
    );
    const [welcome] = t.connector.posted();
    expect(cardText(welcome.attachments[0].content)).toContain('Everything logged in this team');
    expect(await t.app.core.conversations.get(tenant, 'channel', PLACES.team)).toMatchObject({
      status: 'active',
      conversationId: PLACES.team,
    });
  });

  it('refreshes references on every activity: a user seen in a group chat gets their Teams user id stored', async () => {
    await t.say('help', PEOPLE.adele, 'groupChat');
    expect(await t.app.core.conversations.get(tenant, 'user', PEOPLE.adele.aadObjectId)).toMatchObject({
      userId: PEOPLE.adele.mri,
      conversationId: undefined,
    });
    expect(await t.app.core.conversations.get(tenant, 'chat', PLACES.groupChat)).toMatchObject({
      status: 'active',
    });
  });

  it('forgets a team when the bot is removed from it', async () => {
    await t.post(
      t.activity('conversation-update-team', PEOPLE.alex, 'channel', {
        membersAdded: undefined,
        membersRemoved: [{ id: PLACES.bot }],
        conversation: { id: PLACES.team },
        channelData: { eventType: 'teamMemberRemoved' },
      }),
    );
    expect((await t.app.core.conversations.get(tenant, 'team', PLACES.team))?.status).toBe('gone');
  });
});
