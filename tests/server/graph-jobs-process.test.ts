import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteFileIn } from '../../adapters/store/open-store';
import { SqliteStore } from '../../adapters/store/sqlite/sqlite-store';
import { loadConfig, ConfigError } from '../../server/config';
import { ENTRA_APP, entraEnv } from '../support/entra-app';
import { aCaller, aPartnerInput, aUser } from '../../testkit/factories';
import { FakeGraph } from '../support/fake-graph';
import { FakeOpenIdIssuer } from '../support/fake-openid';
import { startServerProcess, type ServerProcess } from '../../testkit/server-process';
import { testCore } from '../../testkit/test-core';

/**
 * The server as deployed with GRAPH_CALENDAR and GRAPH_PEOPLE on: its own process puts a stored check-in in
 * Outlook and reads its owner's job title, signed in to Graph as the bot's app, and reads a tab user's own
 * job title on their behalf.
 */
const MEGAN = aUser(2, 'Megan Bowen');

describe('Graph jobs in the running server', () => {
  let graph: FakeGraph;
  let entra: FakeOpenIdIssuer;
  let server: ServerProcess;
  let dataDir: string;

  beforeAll(async () => {
    graph = await FakeGraph.start();
    entra = await FakeOpenIdIssuer.start({
      issuer: `https://login.microsoftonline.com/${ENTRA_APP.tenantId}/v2.0`,
    });
    dataDir = mkdtempSync(join(tmpdir(), 'calendar-'));
    const store = await SqliteStore.open(sqliteFileIn(dataDir));
    const caller = aCaller({
      tenantId: ENTRA_APP.tenantId,
      spaceId: 'team:calendar',
      user: aUser(1, 'Alex Wilber'),
    });
    const { core } = testCore(store);
    await core.partners.add(caller, aPartnerInput({ name: 'Northwind Logistics' }));
    await core.partners.add(
      caller,
      aPartnerInput({ name: 'Contoso Cleaning', relationshipOwner: { user: MEGAN } }),
    );
    await store.close();
    const alex = aUser(1).aadObjectId;
    graph.users.set(alex, { id: alex, displayName: 'Alex Wilber', jobTitle: 'Customer Service Team Leader' });
    server = await startServerProcess(
      entraEnv({
        DATA_DIR: dataDir,
        REMINDER_TICK_MS: '0',
        GRAPH_CALENDAR: 'on',
        GRAPH_PEOPLE: 'on',
        GRAPH_BASE_URL: graph.graphUrl,
        GRAPH_AUTHORITY_URL: graph.baseUrl,
        CALENDAR_SYNC_INTERVAL_MS: '1000',
        TAB_SSO_JWKS_URL: entra.jwksUrl,
      }),
    );
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await graph.close();
    await entra.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("puts the partner's next check-in in its owner's calendar, signed in as the bot's app", async () => {
    for (let i = 0; i < 50 && graph.eventsOf(aUser(1).aadObjectId).length === 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(graph.eventsOf(aUser(1).aadObjectId)).toMatchObject([
      { subject: 'Check-in: Northwind Logistics' },
    ]);
    expect(graph.requests[0]).toBe(`POST /${ENTRA_APP.tenantId}/oauth2/v2.0/token`);
  });

  it("stores colleagues' job titles from the directory", async () => {
    for (let i = 0; i < 50 && !graph.requests.includes('GET /v1.0/users'); i++)
      await new Promise((r) => setTimeout(r, 100));
    const store = await SqliteStore.open(sqliteFileIn(dataDir));
    try {
      for (let i = 0; i < 20; i++) {
        const me = await store.read.people.findByAadObjectId(
          { tenantId: ENTRA_APP.tenantId },
          aUser(1).aadObjectId,
        );
        if (me?.jobTitle) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const me = await store.read.people.findByAadObjectId(
        { tenantId: ENTRA_APP.tenantId },
        aUser(1).aadObjectId,
      );
      expect(me?.jobTitle).toBe('Customer Service Team Leader');
    } finally {
      await store.close();
    }
  });

  it("reads a tab user's own job title as them (on-behalf-of), when they open the tab", async () => {
    // The app-only job has asked about Megan already and found nothing; only her own sign-in can tell now.
    for (let i = 0; i < 50 && !graph.requests.includes('GET /v1.0/users'); i++)
      await new Promise((r) => setTimeout(r, 100));
    graph.users.set(MEGAN.aadObjectId, {
      id: MEGAN.aadObjectId,
      displayName: MEGAN.displayName,
      jobTitle: 'Partnerships Coordinator',
    });
    const sso = entra.token({
      claims: {
        aud: ENTRA_APP.appId,
        tid: ENTRA_APP.tenantId,
        oid: MEGAN.aadObjectId,
        name: MEGAN.displayName,
        scp: 'access_as_user',
      },
    });
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${sso}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ microsoftGraph: { calendar: true, people: true } });

    const titleOfMegan = async () => {
      const store = await SqliteStore.open(sqliteFileIn(dataDir));
      try {
        const megan = await store.read.people.findByAadObjectId(
          { tenantId: ENTRA_APP.tenantId },
          MEGAN.aadObjectId,
        );
        return megan?.jobTitle;
      } finally {
        await store.close();
      }
    };
    for (let i = 0; i < 50 && !(await titleOfMegan()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await titleOfMegan()).toBe('Partnerships Coordinator');
    expect(graph.onBehalfOfExchanges).toEqual([
      { scope: 'https://graph.microsoft.com/User.Read', requestedTokenUse: 'on_behalf_of' },
    ]);
    expect(graph.requests).toContain('GET /v1.0/me');
  });

  it('refuses calendar sync without a single-tenant app to sign in as', () => {
    expect(() => loadConfig({ GRAPH_CALENDAR: 'on' })).toThrow(ConfigError);
    expect(() => loadConfig({ GRAPH_CALENDAR: 'on' })).toThrow(
      /GRAPH_CALENDAR must be off unless the bot is a SingleTenant app/,
    );
  });
});
