import { ENTRA_APP, entraEnv } from '../support/entra-app';
import { FakeBotConnector } from '../../testkit/fake-bot-connector';
import { FakeOpenIdIssuer, tokenNow, type TokenOptions } from '../support/fake-openid';
import { startTestApp, type TestApp } from '../../testkit/test-app';

const { appId: APP_ID, tenantId: TENANT } = ENTRA_APP;
const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';
const ALEX = '00000000-0000-4000-8000-000000000001';
const MORGAN = '00000000-0000-4000-8000-000000000002';
const TEAM = '19:partner-team-general@thread.tacv2';
const OTHER_TEAM = '19:finance-team-general@thread.tacv2';

/**
 * The tab's API with a real identity: Teams SSO tokens are checked against keys from a loopback stand-in for
 * Entra's JWKS, and team spaces are open to their members as the (fake) Bot Connector's roster says.
 */
describe('API authentication and space access', () => {
  let entra: FakeOpenIdIssuer;
  let connector: FakeBotConnector;
  let app: TestApp;

  beforeAll(async () => {
    [entra, connector] = await Promise.all([FakeOpenIdIssuer.start(), FakeBotConnector.start()]);
    app = await startTestApp({
      env: entraEnv({ PUBLIC_URL: 'https://crm.contoso.example', TAB_SSO_JWKS_URL: entra.jwksUrl }),
    });
    connector.rosters.set(TEAM, [{ id: '29:alex', name: 'Alex Wilber', aadObjectId: ALEX }]);
    connector.rosters.set(OTHER_TEAM, [{ id: '29:morgan', name: 'Morgan Lee', aadObjectId: MORGAN }]);
    for (const team of [TEAM, OTHER_TEAM])
      await app.core.conversations.remember({
        tenantId: TENANT,
        kind: 'team',
        key: team,
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        botId: `28:${APP_ID}`,
        conversationId: team,
        teamId: team,
      });
  });

  afterAll(async () => {
    await Promise.all([app.close(), entra.close(), connector.close()]);
  });

  /** Claims of a Teams SSO (v2 access) token for Alex, as Entra issues it to the tab. */
  const alexClaims = (overrides: Record<string, unknown> = {}) => ({
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    aud: APP_ID,
    tid: TENANT,
    oid: ALEX,
    scp: 'access_as_user',
    name: 'Alex Wilber',
    preferred_username: 'alex.wilber@contoso.example',
    ver: '2.0',
    ...overrides,
  });

  const bearer = (options: Partial<TokenOptions> = {}) =>
    `Bearer ${entra.token({ claims: alexClaims(), ...options })}`;

  async function get(path: string, authorization?: string) {
    const res = await fetch(`${app.baseUrl}/api/v1${path}`, {
      headers: authorization ? { authorization } : {},
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  it('answers a caller with a valid Teams SSO token, as that user in that tenant', async () => {
    const answer = await get('/me', bearer());
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ personalSpaceId: `personal:${ALEX}` });
  });

  it('accepts the v1 form of the token (sts.windows.net issuer, application ID URI audience)', async () => {
    const claims = alexClaims({
      iss: `https://sts.windows.net/${TENANT}/`,
      aud: `api://crm.contoso.example/botid-${APP_ID}`,
      ver: '1.0',
    });
    expect((await get('/partners', `Bearer ${entra.token({ claims })}`)).status).toBe(200);
  });

  const unsigned = (claims: Record<string, unknown>) => {
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    return `Bearer ${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
  };

  const refused: [string, () => string | undefined][] = [
    ['no token', () => undefined],
    [
      'a token for another app (audience)',
      () => bearer({ claims: alexClaims({ aud: '9f8e7d6c-0000-4000-8000-000000000000' }) }),
    ],
    ['an expired token (beyond 5 minutes)', () => bearer({ expiresIn: -6 * 60 })],
    ['a token not valid yet', () => bearer({ claims: alexClaims({ nbf: tokenNow() + 3600 }) })],
    ['a token signed by an unpublished key', () => bearer({ unknownKey: true })],
    ['a token with an altered signature', () => bearer({ badSignature: true })],
    [
      'a token from an issuer that is not its tenant',
      () => bearer({ claims: alexClaims({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }) }),
    ],
    [
      'a token from another tenant (single-tenant app)',
      () =>
        bearer({
          claims: alexClaims({
            tid: OTHER_TENANT,
            iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`,
          }),
        }),
    ],
    ['a token without the access_as_user scope', () => bearer({ claims: alexClaims({ scp: 'User.Read' }) })],
    ['an unsigned token (alg none)', () => unsigned(alexClaims())],
    ['a token that is not a JWT', () => 'Bearer not-a-token'],
    ['a local-mode identity header instead of a token', () => undefined],
  ];

  it.each(refused)('refuses %s with 401', async (_name, authorization) => {
    const res = await fetch(`${app.baseUrl}/api/v1/partners`, {
      headers: {
        ...(authorization() ? { authorization: authorization()! } : {}),
        'x-dev-user-id': ALEX,
        'x-dev-tenant-id': TENANT,
      },
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error.code).toBe('unauthenticated');
  });

  it("opens a team's space to its members, asking Teams once a minute at most", async () => {
    const before = connector.calls.filter((c) => c.operation === 'member').length;
    for (let i = 0; i < 3; i++)
      expect((await get(`/partners?spaceId=${encodeURIComponent(`team:${TEAM}`)}`, bearer())).status).toBe(
        200,
      );
    expect(connector.calls.filter((c) => c.operation === 'member').length - before).toBe(1);
  });

  it('answers a non-member exactly as for a space that does not exist: no existence oracle', async () => {
    const other = await get(`/partners?spaceId=${encodeURIComponent(`team:${OTHER_TEAM}`)}`, bearer());
    const missing = await get(
      `/partners?spaceId=${encodeURIComponent('team:19:no-such-team@thread.tacv2')}`,
      bearer(),
    );
    expect(other).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'Not found' } } });
    expect(missing).toEqual(other);
  });

  it("refuses another person's personal space the same way", async () => {
    const answer = await get(`/evidence?spaceId=${encodeURIComponent(`personal:${MORGAN}`)}`, bearer());
    expect(answer).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'Not found' } } });
  });
});
