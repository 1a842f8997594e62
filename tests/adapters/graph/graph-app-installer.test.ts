import { silentLogger } from '../../../adapters/logging/json-logger';
import { AppTokenProvider } from '../../../adapters/graph/app-token';
import { createGraphClient } from '../../../adapters/graph/graph-client';
import { GraphAppInstaller } from '../../../adapters/graph/graph-app-installer';
import { FakeClock } from '../../../testkit/fake-clock';
import { FakeGraph } from '../../support/fake-graph';

const TENANT = '11111111-1111-4111-8111-111111111111';
const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';
const CATALOG_APP = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const LEE = '6e7b8c9d-0000-4000-8000-000000000004';
const NOBODY = '6e7b8c9d-0000-4000-8000-000000000009';

/** The real Graph client and our installer, against a loopback Graph that serves users' installed apps. */
describe(GraphAppInstaller.name, () => {
  let graph: FakeGraph;
  let clock: FakeClock;
  let installer: GraphAppInstaller;

  beforeEach(async () => {
    graph = await FakeGraph.start();
    clock = new FakeClock();
    const auth = new AppTokenProvider({
      tenantId: TENANT,
      clientId: '0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
      clientSecret: 'app-secret',
      authorityUrl: graph.baseUrl,
    });
    installer = new GraphAppInstaller(createGraphClient({ baseUrl: graph.graphUrl, auth, maxRetries: 1 }), {
      homeTenantId: TENANT,
      catalogAppId: CATALOG_APP,
      graphUrl: 'https://graph.microsoft.com/v1.0',
      logger: silentLogger,
      now: () => clock.now().getTime(),
    });
    graph.users.set(LEE, { id: LEE, displayName: 'Lee Gu' });
  });
  afterEach(async () => graph.close());

  const installCalls = () => graph.requests.filter((r) => r.includes('/teamwork/installedApps'));

  it('installs the app for the user and answers with its personal chat', async () => {
    expect(await installer.install(TENANT, LEE)).toEqual({
      kind: 'installed',
      chatId: `19:${LEE}_0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e@unq.gbl.spaces`,
    });
    expect(graph.installations.get(LEE)?.teamsAppId).toBe(CATALOG_APP);
    expect(installCalls()).toEqual([
      `POST /v1.0/users/${LEE}/teamwork/installedApps`,
      `GET /v1.0/users/${LEE}/teamwork/installedApps`,
      expect.stringMatching(new RegExp(`^GET /v1.0/users/${LEE}/teamwork/installedApps/[^/]+/chat$`)),
    ]);
  });

  it('takes 409 (installed already) as installed, and finds the chat', async () => {
    await installer.install(TENANT, LEE);
    const again = await installer.install(TENANT, LEE);
    expect(again).toMatchObject({ kind: 'installed', chatId: expect.stringContaining(LEE) });
    expect(graph.installations.size).toBe(1);
  });

  it('on 403 says the permission is not granted, and asks Graph nothing more in that tenant for an hour', async () => {
    graph.installPermissionGranted = false;
    expect(await installer.install(TENANT, LEE)).toEqual({ kind: 'not-permitted' });
    expect(await installer.install(TENANT, LEE)).toEqual({ kind: 'not-permitted' });
    expect(installCalls()).toHaveLength(1);
    graph.installPermissionGranted = true;
    clock.advance(59 * 60 * 1000);
    expect(await installer.install(TENANT, LEE)).toEqual({ kind: 'not-permitted' });
    clock.advance(60 * 1000);
    expect(await installer.install(TENANT, LEE)).toMatchObject({ kind: 'installed' });
  });

  it('shares one install among sends to the same user at once', async () => {
    const [a, b] = await Promise.all([installer.install(TENANT, LEE), installer.install(TENANT, LEE)]);
    expect(a).toEqual(b);
    expect(installCalls().filter((c) => c.startsWith('POST'))).toHaveLength(1);
  });

  it('on 404 says the directory does not know the user', async () => {
    expect(await installer.install(TENANT, NOBODY)).toEqual({ kind: 'unknown-user' });
  });

  it('does not install for another tenant’s users, nor for ids that are not Entra object ids', async () => {
    expect(await installer.install(OTHER_TENANT, LEE)).toEqual({ kind: 'not-permitted' });
    expect(await installer.install(TENANT, 'user-id-2')).toEqual({ kind: 'unknown-user' });
    expect(installCalls()).toHaveLength(0);
  });

  it('on 429 (after the client’s own retry) reports Graph unavailable with its Retry-After', async () => {
    graph.failNext({ status: 429, retryAfterSeconds: 0 });
    graph.failNext({ status: 429, retryAfterSeconds: 0 });
    expect(await installer.install(TENANT, LEE)).toEqual({
      kind: 'unavailable',
      retryAfterMs: 0,
      detail: 'Microsoft Graph answered 429',
    });
    expect(graph.installations.size).toBe(0);
    // Throttling is not refusal: the next attempt installs.
    expect(await installer.install(TENANT, LEE)).toMatchObject({ kind: 'installed' });
  });

  it.each([500, 502] as const)('on %i reports Graph unavailable, worth trying later', async (status) => {
    graph.failNext({ status });
    expect(await installer.install(TENANT, LEE)).toEqual({
      kind: 'unavailable',
      detail: `Microsoft Graph answered ${status}`,
    });
  });
});
