import { silentLogger } from '../../../adapters/logging/json-logger';
import { AppTokenProvider } from '../../../adapters/graph/app-token';
import { createGraphClient } from '../../../adapters/graph/graph-client';
import { GraphUserLookup } from '../../../adapters/graph/graph-user-lookup';
import { FakeClock } from '../../../testkit/fake-clock';
import { FakeGraph } from '../../support/fake-graph';
import { testCore } from '../../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';

const TENANT = '11111111-1111-4111-8111-111111111111';
const userId = (n: number) => `6e7b8c9d-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ADELE = userId(3);
const LEE = userId(4);

/** The real Graph client and our user lookup, against a loopback Graph that answers `$batch` as Graph does. */
describe(GraphUserLookup.name, () => {
  let graph: FakeGraph;
  let clock: FakeClock;
  let waits: number[];
  let lookup: GraphUserLookup;

  beforeEach(async () => {
    graph = await FakeGraph.start();
    clock = new FakeClock();
    waits = [];
    const auth = new AppTokenProvider({
      tenantId: TENANT,
      clientId: '0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
      clientSecret: 'app-secret',
      authorityUrl: graph.baseUrl,
    });
    lookup = new GraphUserLookup(createGraphClient({ baseUrl: graph.graphUrl, auth }), {
      homeTenantId: TENANT,
      logger: silentLogger,
      now: () => clock.now().getTime(),
      wait: async (ms) => void waits.push(ms),
    });
    graph.users.set(ADELE, {
      id: ADELE,
      displayName: 'Adele Vance',
      mail: 'AdeleV@contoso.example',
      jobTitle: 'Retail Manager',
    });
    graph.users.set(LEE, { id: LEE, displayName: 'Lee Gu', mail: 'LeeG@contoso.example' });
  });
  afterEach(async () => graph.close());

  const lookups = () => graph.requests.filter((r) => r.endsWith('(in $batch)'));

  it('names several picks with one $batch of GET /users/{id}, and answers again from its cache', async () => {
    const found = await lookup.users(TENANT, [ADELE.toUpperCase(), LEE, userId(9)]);
    expect(Object.fromEntries(found)).toEqual({
      [ADELE]: {
        aadObjectId: ADELE,
        displayName: 'Adele Vance',
        email: 'AdeleV@contoso.example',
        jobTitle: 'Retail Manager',
      },
      [LEE]: { aadObjectId: LEE, displayName: 'Lee Gu', email: 'LeeG@contoso.example' },
    });
    expect(graph.requests.filter((r) => r === 'POST /v1.0/$batch')).toHaveLength(1);
    expect(lookups()).toEqual([
      `GET /v1.0/users/${ADELE} (in $batch)`,
      `GET /v1.0/users/${LEE} (in $batch)`,
      `GET /v1.0/users/${userId(9)} (in $batch)`,
    ]);

    graph.requests.length = 0;
    expect((await lookup.users(TENANT, [ADELE, userId(9)])).size).toBe(1);
    expect(graph.requests).toEqual([]);
    // Unknown ids are asked about again after ten minutes, named users after an hour.
    clock.advance(11 * 60 * 1000);
    await lookup.users(TENANT, [ADELE, userId(9)]);
    expect(lookups()).toEqual([`GET /v1.0/users/${userId(9)} (in $batch)`]);
  });

  it('splits more than twenty picks into batches of twenty', async () => {
    const ids = Array.from({ length: 25 }, (_, i) => userId(100 + i));
    await lookup.users(TENANT, ids);
    expect(graph.requests.filter((r) => r === 'POST /v1.0/$batch')).toHaveLength(2);
    expect(lookups()).toHaveLength(25);
  });

  it('asks again, after Retry-After, only for the lookups Graph throttled (429)', async () => {
    graph.failNextInBatch({ status: 429, retryAfterSeconds: 2 });
    const found = await lookup.users(TENANT, [ADELE, LEE]);
    expect([...found.keys()]).toEqual([LEE, ADELE]);
    expect(waits).toEqual([2000]);
    expect(lookups()).toEqual([
      `GET /v1.0/users/${ADELE} (in $batch)`,
      `GET /v1.0/users/${LEE} (in $batch)`,
      `GET /v1.0/users/${ADELE} (in $batch)`,
    ]);
  });

  it('retries 5xx answers with a growing backoff, then leaves the person unnamed without failing', async () => {
    graph.failNextInBatch({ status: 503 });
    graph.failNextInBatch({ status: 500 });
    graph.failNextInBatch({ status: 502 });
    const found = await lookup.users(TENANT, [ADELE]);
    expect(found.size).toBe(0);
    expect(waits).toEqual([250, 500]);
    expect(lookups()).toHaveLength(3);

    graph.failNextInBatch({ status: 500 });
    expect((await lookup.users(TENANT, [ADELE])).get(ADELE)?.displayName).toBe('Adele Vance');
  });

  it('takes a 403 as the permission not granted: nobody is named, and Graph is left alone for a while', async () => {
    graph.failNextInBatch({ status: 403 });
    expect((await lookup.users(TENANT, [ADELE, LEE])).size).toBe(0);
    graph.requests.length = 0;
    expect((await lookup.users(TENANT, [ADELE])).size).toBe(0);
    expect(graph.requests).toEqual([]);
    clock.advance(16 * 60 * 1000);
    expect((await lookup.users(TENANT, [ADELE])).size).toBe(1);
  });

  it('takes a 403 to the whole batch the same way, and never asks about another tenant’s users', async () => {
    graph.failNext({ status: 403 });
    expect((await lookup.users(TENANT, [ADELE])).size).toBe(0);
    clock.advance(16 * 60 * 1000);
    graph.requests.length = 0;
    expect((await lookup.users('22222222-2222-4222-8222-222222222222', [ADELE])).size).toBe(0);
    expect(graph.requests).toEqual([]);
  });

  describe('as the third step of identifying picks', () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await openSqliteTestStore();
    });
    afterEach(async () => t.dispose());

    it('names from Graph whoever the roster and known people do not, and keeps the rest pending', async () => {
      const { core } = testCore(t.store, undefined, '', { directory: lookup });
      const scope = { tenantId: TENANT };
      const refs = await core.people.identify(scope, [ADELE, userId(9)], {
        rosterMember: async () => undefined,
      });
      expect(Object.fromEntries(refs)).toEqual({
        [ADELE]: {
          user: { aadObjectId: ADELE, displayName: 'Adele Vance', email: 'AdeleV@contoso.example' },
        },
        [userId(9)]: { pending: userId(9) },
      });
    });

    it('names a pending person once Graph lists them', async () => {
      const { core } = testCore(t.store, undefined, '', { directory: lookup });
      const scope = { tenantId: TENANT };
      graph.failNextInBatch({ status: 403 });
      const [pending] = (await core.people.identify(scope, [ADELE])).values();
      expect(pending).toEqual({ pending: ADELE });
      await t.store.transaction((tx) => tx.people.upsertPending(scope, 'per_adele', ADELE, 'x'));

      clock.advance(16 * 60 * 1000);
      const [named] = (await core.people.identify(scope, [ADELE])).values();
      expect(named).toMatchObject({ user: { displayName: 'Adele Vance' } });
    });
  });
});
