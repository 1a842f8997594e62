import { AppTokenProvider } from '../../../adapters/graph/app-token';
import { createGraphClient } from '../../../adapters/graph/graph-client';
import { GraphRequestError } from '../../../adapters/graph/graph-failure';
import { GraphOwnProfile } from '../../../adapters/graph/graph-own-profile';
import { OnBehalfOfRefusedError, OnBehalfOfTokens } from '../../../adapters/graph/on-behalf-of';
import { ENTRA_APP } from '../../support/entra-app';
import { FakeGraph } from '../../support/fake-graph';
import { FakeOpenIdIssuer } from '../../support/fake-openid';

const ALEX = '00000000-0000-4000-8000-000000000001';
const MEGAN = '00000000-0000-4000-8000-000000000002';

/** Acting as a signed-in tab user: Entra's on-behalf-of exchange, then `GET /me` through the real Graph client. */
describe(OnBehalfOfTokens.name, () => {
  let graph: FakeGraph;
  let entra: FakeOpenIdIssuer;
  let tokens: OnBehalfOfTokens;
  let now: number;

  const signedIn = (oid: string) => ({
    tenantId: ENTRA_APP.tenantId,
    aadObjectId: oid,
    ssoToken: entra.token({
      claims: { aud: ENTRA_APP.appId, tid: ENTRA_APP.tenantId, oid, scp: 'access_as_user' },
    }),
  });
  const ownProfile = (token: string) =>
    new GraphOwnProfile(
      createGraphClient({ baseUrl: graph.graphUrl, auth: { getAccessToken: async () => token } }),
    );

  beforeEach(async () => {
    graph = await FakeGraph.start();
    entra = await FakeOpenIdIssuer.start({
      issuer: `https://login.microsoftonline.com/${ENTRA_APP.tenantId}/v2.0`,
    });
    now = Date.parse('2026-03-02T09:00:00Z');
    tokens = new OnBehalfOfTokens(
      { clientId: ENTRA_APP.appId, clientSecret: 'app-secret', authorityUrl: graph.baseUrl },
      'User.Read',
      () => now,
    );
    graph.users.set(ALEX, {
      id: ALEX,
      displayName: 'Alex Wilber',
      mail: 'AlexW@contoso.com',
      jobTitle: 'Customer Service Team Leader',
    });
  });
  afterEach(async () => {
    await graph.close();
    await entra.close();
  });

  it("exchanges the user's SSO token for a Graph token that reads their own profile", async () => {
    const alex = signedIn(ALEX);
    const profile = ownProfile(await tokens.tokenFor(alex));
    expect(await profile.profiles(ENTRA_APP.tenantId, [ALEX.toUpperCase()])).toEqual(
      new Map([[ALEX, { email: 'AlexW@contoso.com', jobTitle: 'Customer Service Team Leader' }]]),
    );
    expect(graph.onBehalfOfExchanges).toEqual([
      { scope: 'https://graph.microsoft.com/User.Read', requestedTokenUse: 'on_behalf_of' },
    ]);
    expect(graph.requests).toEqual([`POST /${ENTRA_APP.tenantId}/oauth2/v2.0/token`, 'GET /v1.0/me']);
    // The profile of someone else is not what /me answers.
    expect(await profile.profiles(ENTRA_APP.tenantId, [MEGAN])).toEqual(new Map());
  });

  it('keeps each user’s token until five minutes before it expires, and never hands it to another user', async () => {
    const first = await tokens.tokenFor(signedIn(ALEX));
    expect(await tokens.tokenFor(signedIn(ALEX))).toBe(first);
    const megans = await tokens.tokenFor(signedIn(MEGAN));
    expect(megans).not.toBe(first);
    expect(megans).toContain(MEGAN);
    expect(graph.onBehalfOfExchanges).toHaveLength(2);

    now += (3599 - 5 * 60) * 1000;
    expect(await tokens.tokenFor(signedIn(ALEX))).not.toBe(first);
    expect(graph.onBehalfOfExchanges).toHaveLength(3);
  });

  it('says consent to the delegated permission is missing when Entra refuses with AADSTS65001', async () => {
    graph.consentWithheld = true;
    const refused = await tokens.tokenFor(signedIn(ALEX)).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(OnBehalfOfRefusedError);
    expect(refused).toMatchObject({
      consentMissing: true,
      message:
        'Microsoft Graph needs consent to the User.Read delegated permission before Partner CRM can act on your ' +
        'behalf: an administrator can grant it for everyone in the Entra admin centre.',
    });
  });

  it('cannot read "me" with the app’s own token: /me is for a signed-in user only', async () => {
    const app = new AppTokenProvider({
      ...ENTRA_APP,
      clientId: ENTRA_APP.appId,
      clientSecret: 's',
      authorityUrl: graph.baseUrl,
    });
    const profile = new GraphOwnProfile(createGraphClient({ baseUrl: graph.graphUrl, auth: app }));
    await expect(profile.profiles(ENTRA_APP.tenantId, [ALEX])).rejects.toEqual(
      new GraphRequestError('read your job title', 400, 'BadRequest'),
    );
  });
});
