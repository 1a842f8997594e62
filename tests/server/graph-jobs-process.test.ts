import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteFileIn } from '../../adapters/store/open-store';
import { SqliteStore } from '../../adapters/store/sqlite/sqlite-store';
import { loadConfig, ConfigError } from '../../server/config';
import { ENTRA_APP, entraEnv } from '../support/entra-app';
import { aCaller, aPartnerInput, aUser } from '../support/factories';
import { FakeGraph } from '../support/fake-graph';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { testCore } from '../support/test-core';

/**
 * The server as deployed with GRAPH_CALENDAR and GRAPH_PEOPLE on: its own process puts a stored check-in in
 * Outlook and reads its owner's job title, signed in to Graph as the bot's app.
 */
describe('Graph jobs in the running server', () => {
  let graph: FakeGraph;
  let server: ServerProcess;
  let dataDir: string;

  beforeAll(async () => {
    graph = await FakeGraph.start();
    dataDir = mkdtempSync(join(tmpdir(), 'calendar-'));
    const store = await SqliteStore.open(sqliteFileIn(dataDir));
    const caller = aCaller({
      tenantId: ENTRA_APP.tenantId,
      spaceId: 'team:calendar',
      user: aUser(1, 'Alex Wilber'),
    });
    await testCore(store).core.partners.add(caller, aPartnerInput({ name: 'Northwind Logistics' }));
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
      }),
    );
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await graph.close();
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

  it('refuses calendar sync without a single-tenant app to sign in as', () => {
    expect(() => loadConfig({ GRAPH_CALENDAR: 'on' })).toThrow(ConfigError);
    expect(() => loadConfig({ GRAPH_CALENDAR: 'on' })).toThrow(
      /GRAPH_CALENDAR must be off unless the bot is a SingleTenant app/,
    );
  });
});
