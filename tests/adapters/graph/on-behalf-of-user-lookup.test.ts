import { silentLogger } from '../../../adapters/logging/json-logger';
import { OnBehalfOfTokens } from '../../../adapters/graph/on-behalf-of';
import { DELEGATED_USER_SCOPE, OnBehalfOfUserLookup } from '../../../adapters/graph/on-behalf-of-user-lookup';
import { FakeClock } from '../../../testkit/fake-clock';
import { testCore } from '../../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';
import { ENTRA_APP } from '../../support/entra-app';
import { FakeGraph } from '../../support/fake-graph';
import { FakeOpenIdIssuer } from '../../support/fake-openid';

const ALEX = '00000000-0000-4000-8000-000000000001';
const ADELE = '6e7b8c9d-0000-4000-8000-000000000003';
const NOBODY = '6e7b8c9d-0000-4000-8000-000000000009';

/**
 * Naming picks on the caller's behalf, where the app has no User.ReadBasic.All of its own: Entra's on-behalf-of
 * exchange of the caller's Teams SSO token, then `GET /users/{id}` in `$batch`, through the real Graph client.
 */
describe(OnBehalfOfUserLookup.name, () => {
  let graph: FakeGraph;
  let entra: FakeOpenIdIssuer;
  let clock: FakeClock;
  let lookup: OnBehalfOfUserLookup;

  const alexSignedIn = () => ({
    tenantId: ENTRA_APP.tenantId,
    aadObjectId: ALEX,
    ssoToken: entra.token({
      claims: { aud: ENTRA_APP.appId, tid: ENTRA_APP.tenantId, oid: ALEX, scp: 'access_as_user' },
    }),
  });

  beforeEach(async () => {
    graph = await FakeGraph.start();
    entra = await FakeOpenIdIssuer.start({
      issuer: `https://login.microsoftonline.com/${ENTRA_APP.tenantId}/v2.0`,
    });
    clock = new FakeClock();
    const now = () => clock.now().getTime();
    const tokens = new OnBehalfOfTokens(
      { clientId: ENTRA_APP.appId, clientSecret: 'app-secret', authorityUrl: graph.baseUrl },
      DELEGATED_USER_SCOPE,
      now,
    );
    lookup = new OnBehalfOfUserLookup(tokens, { baseUrl: graph.graphUrl, logger: silentLogger, now });
    graph.users.set(ADELE, { id: ADELE, displayName: 'Adele Vance', mail: 'AdeleV@contoso.example' });
  });
  afterEach(async () => {
    await graph.close();
    await entra.close();
  });

  it('names picks with GET /users/{id} as the caller, after exchanging their token for User.ReadBasic.All', async () => {
    const found = await lookup.for(alexSignedIn()).users(ENTRA_APP.tenantId, [ADELE, NOBODY]);
    expect(Object.fromEntries(found)).toEqual({
      [ADELE]: { aadObjectId: ADELE, displayName: 'Adele Vance', email: 'AdeleV@contoso.example' },
    });
    expect(graph.onBehalfOfExchanges).toEqual([
      { scope: `https://graph.microsoft.com/${DELEGATED_USER_SCOPE}`, requestedTokenUse: 'on_behalf_of' },
    ]);
    expect(graph.requests.filter((r) => r.endsWith('(in $batch)'))).toEqual([
      `GET /v1.0/users/${ADELE} (in $batch)`,
      `GET /v1.0/users/${NOBODY} (in $batch)`,
    ]);
  });

  it('names nobody, and throws nothing, when consent to the delegated permission is missing', async () => {
    graph.consentWithheld = true;
    expect((await lookup.for(alexSignedIn()).users(ENTRA_APP.tenantId, [ADELE])).size).toBe(0);
    expect(graph.requests.some((r) => r.includes('$batch'))).toBe(false);
  });

  it('asks nothing about another tenant’s users', async () => {
    const found = await lookup.for(alexSignedIn()).users('22222222-2222-4222-8222-222222222222', [ADELE]);
    expect(found.size).toBe(0);
    expect(graph.onBehalfOfExchanges).toHaveLength(0);
  });

  it('retries a throttled lookup (429) and a failed one (5xx) inside the batch', async () => {
    graph.failNextInBatch({ status: 429, retryAfterSeconds: 0 });
    graph.failNextInBatch({ status: 503 });
    const found = await lookup.for(alexSignedIn()).users(ENTRA_APP.tenantId, [ADELE]);
    expect(found.get(ADELE)).toMatchObject({ displayName: 'Adele Vance' });
  });

  it('on 403 (the caller may not read the directory) keeps the picks pending', async () => {
    graph.failNextInBatch({ status: 403 });
    expect((await lookup.for(alexSignedIn()).users(ENTRA_APP.tenantId, [ADELE])).size).toBe(0);
  });

  describe('as the caller’s directory when identifying picks', () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await openSqliteTestStore();
    });
    afterEach(async () => t.dispose());

    it('names from the caller’s view whoever the app’s own directory could not', async () => {
      // No app directory at all (GRAPH_PEOPLE's application permission not granted): the caller's view names Adele.
      const { core } = testCore(t.store);
      const refs = await core.people.identify({ tenantId: ENTRA_APP.tenantId }, [ADELE, NOBODY], {
        callersDirectory: lookup.for(alexSignedIn()),
      });
      expect(Object.fromEntries(refs)).toEqual({
        [ADELE]: {
          user: { aadObjectId: ADELE, displayName: 'Adele Vance', email: 'AdeleV@contoso.example' },
        },
        [NOBODY]: { pending: NOBODY },
      });
    });
  });
});
