import { ENTRA_APP, entraEnv } from '../support/entra-app';
import { FakeBotConnector } from '../../testkit/fake-bot-connector';
import { FakeOpenIdIssuer, type TokenOptions } from '../support/fake-openid';
import { PEOPLE, fromPerson, teamsActivity } from '../support/teams-activities';
import { startTestApp, type TestApp } from '../../testkit/test-app';

const { appId: APP_ID, tenantId: TENANT } = ENTRA_APP;

/**
 * The bot endpoint with a real identity (MicrosoftAppId set): botbuilder validates every activity's token
 * against a Bot Framework stand-in on loopback that publishes keys and mints tokens.
 */
describe('bot endpoint authentication', () => {
  let botFramework: FakeOpenIdIssuer;
  let emulator: FakeOpenIdIssuer;
  let connector: FakeBotConnector;
  let app: TestApp;

  beforeAll(async () => {
    // botbuilder reports each refused token on the console; the assertions below say what matters.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    [botFramework, emulator, connector] = await Promise.all([
      FakeOpenIdIssuer.start({ issuer: 'https://api.botframework.com' }),
      FakeOpenIdIssuer.start({ issuer: `https://sts.windows.net/${TENANT}/` }),
      FakeBotConnector.start(),
    ]);
    app = await startTestApp({
      env: entraEnv({
        ToBotFromChannelOpenIdMetadataUrl: botFramework.metadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: emulator.metadataUrl,
      }),
    });
  });

  afterAll(async () => {
    await Promise.all([app.close(), botFramework.close(), emulator.close(), connector.close()]);
  });

  /** An invoke from Teams that the bot answers in the HTTP response (no call back to Teams needed). */
  const invoke = (patch: Record<string, unknown> = {}) =>
    teamsActivity('adaptive-card-action', connector.serviceUrl, {
      ...fromPerson(PEOPLE.alex, true),
      value: { action: { type: 'Action.Execute', verb: 'meeting.log', data: {} }, trigger: 'manual' },
      ...patch,
    });

  const validClaims = (activity: { serviceUrl: string }) => ({
    aud: APP_ID,
    serviceurl: activity.serviceUrl,
  });

  async function post(activity: unknown, authorization?: string) {
    const res = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  const bearer = (issuer: FakeOpenIdIssuer, options: TokenOptions) => `Bearer ${issuer.token(options)}`;

  /** Conversations the bot has seen: every turn it runs remembers its conversation. */
  const conversationsSeen = async () =>
    Number(
      ((await app.store.raw('SELECT COUNT(*) AS n FROM conversation_references')) as { n: number }[])[0]!.n,
    );

  it('runs the bot for an activity with a valid Bot Framework token', async () => {
    const activity = invoke();
    const answer = await post(activity, bearer(botFramework, { claims: validClaims(activity) }));
    expect(answer.status).toBe(200);
    // The bot answered the button: the meeting form comes back with what is missing marked.
    expect(answer.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(await conversationsSeen()).toBe(1);
  });

  it('accepts a token that expired less than the 5 minute clock skew ago', async () => {
    const activity = invoke();
    const authorization = bearer(botFramework, { claims: validClaims(activity), expiresIn: -2 * 60 });
    expect((await post(activity, authorization)).status).toBe(200);
  });

  const refused: [string, (activity: { serviceUrl: string }) => string | undefined, () => unknown][] = [
    ['no token', () => undefined, invoke],
    [
      'a token for another bot (wrong audience)',
      (a) =>
        bearer(botFramework, { claims: { ...validClaims(a), aud: '9f8e7d6c-0000-4000-8000-000000000000' } }),
      invoke,
    ],
    [
      'an expired token (beyond the 5 minute skew)',
      (a) => bearer(botFramework, { claims: validClaims(a), expiresIn: -6 * 60 }),
      invoke,
    ],
    [
      'a token signed by a key the metadata does not publish',
      (a) => bearer(botFramework, { claims: validClaims(a), unknownKey: true }),
      invoke,
    ],
    [
      'a token whose signature was altered',
      (a) => bearer(botFramework, { claims: validClaims(a), badSignature: true }),
      invoke,
    ],
    [
      'a token from another issuer',
      (a) => bearer(botFramework, { claims: { ...validClaims(a), iss: 'https://evil.example' } }),
      invoke,
    ],
    [
      'a token for another serviceUrl',
      (a) =>
        bearer(botFramework, { claims: { ...validClaims(a), serviceurl: 'https://evil.example/teams/' } }),
      invoke,
    ],
    [
      'a token whose key is not endorsed for the channel',
      (a) => bearer(botFramework, { claims: validClaims(a) }),
      () => invoke({ channelId: 'webchat' }),
    ],
    [
      'an Emulator-style token signed by an unknown key',
      (a) => bearer(emulator, { claims: { ...validClaims(a), appid: APP_ID, ver: '1.0' }, unknownKey: true }),
      invoke,
    ],
    ['a token that is not a JWT', () => 'Bearer not.a.token', invoke],
    ['a token of another scheme', () => `Basic ${Buffer.from('a:b').toString('base64')}`, invoke],
  ];

  it.each(refused)('refuses %s with 401 and runs nothing', async (_name, authorization, build) => {
    // A conversation the bot has not seen: a turn that ran would remember it.
    const activity = build() as { serviceUrl: string; conversation: { id: string } };
    activity.conversation.id = `a:unseen-${Math.random().toString(36).slice(2)}`;
    const seen = await conversationsSeen();
    const answer = await post(activity, authorization(activity));
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('unauthenticated');
    expect(await conversationsSeen()).toBe(seen);
    expect(connector.calls).toEqual([]);
  });

  it('refuses an activity without a serviceUrl, whose token claim could then not be checked', async () => {
    const activity = invoke();
    const authorization = bearer(botFramework, { claims: validClaims(activity) });
    const answer = await post({ ...activity, serviceUrl: undefined }, authorization);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('bad_activity');
  });

  it('fetches the signing keys once and caches them', async () => {
    // Several validated tokens of its own, so the test says the same run alone or after the others.
    for (let i = 0; i < 3; i += 1) {
      const activity = invoke();
      const answer = await post(activity, bearer(botFramework, { claims: validClaims(activity) }));
      expect(answer.status).toBe(200);
    }
    // One refresh is the metadata and the key set it names; botbuilder refreshes daily, not per request,
    // and a token with an unknown key refetches at most hourly, so the refused ones above fetched nothing.
    expect(botFramework.fetched).toEqual(['/.well-known/openid-configuration', '/keys']);
  });
});
