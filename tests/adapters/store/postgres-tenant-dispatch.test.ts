import { postgresPool } from '../../../adapters/store/postgres/postgres-store';
import { PostgresTenantDispatch } from '../../../adapters/store/postgres/postgres-tenant-dispatch';
import { TEST_DATABASE_URL } from '../../../testkit/postgres';
import { seedDueCheckIns } from '../../../testkit/reminder-seed';
import { testCore } from '../../../testkit/test-core';
import { openPostgresTestStore } from '../../../testkit/test-stores';

/** When the seeded check-in reminders are due. */
const DUE = new Date('2026-03-03T09:00:00Z');

describe(PostgresTenantDispatch.name, () => {
  let t: Awaited<ReturnType<typeof openPostgresTestStore>>;
  let pool: ReturnType<typeof postgresPool>;
  const worker = (name: string, leaseMs = 60_000) =>
    new PostgresTenantDispatch(pool, { worker: name, leaseMs, handoverMs: 0 });

  beforeAll(async () => {
    t = await openPostgresTestStore();
    await seedDueCheckIns(testCore(t.store, '2026-03-02T08:00:00Z').core, {
      tenants: 4,
      ownersPerTenant: 1,
      partnersPerOwner: 1,
      serviceUrl: 'http://127.0.0.1:9/teams/',
    });
    pool = postgresPool({ connectionString: TEST_DATABASE_URL, schema: t.schema, maxConnections: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await t.dispose();
  });
  beforeEach(async () => {
    await t.raw('DELETE FROM reminder_tenant_leases');
    await t.raw('DELETE FROM reminder_workers');
  });

  it('gives each tenant to one worker, a fair share each, and hands on what is over a share once it is done there', async () => {
    const a = worker('a');
    const b = worker('b');
    const alone = await a.claimable(DUE, new Set());
    expect(alone.tenants).toHaveLength(4);

    // b arrives while a holds everything: b waits, and a keeps sending what it holds messages of.
    const waiting = await b.claimable(DUE, new Set());
    expect(waiting).toEqual({ tenants: [], othersHoldDue: true });
    const all = new Set(alone.tenants as string[]);
    const draining = await a.claimable(DUE, all);
    expect(draining.tenants).toHaveLength(2);

    // Once a's messages in the other two are recorded, it gives them up and b takes them.
    await a.claimable(DUE, new Set(draining.tenants as string[]));
    const taken = await b.claimable(DUE, new Set());
    expect(taken.tenants).toHaveLength(2);
    expect([...(taken.tenants as string[]), ...(draining.tenants as string[])].sort()).toEqual(
      [...all].sort(),
    );
  });

  it("takes a dead worker's tenants once its lease has run out, and not before", async () => {
    const dying = worker('dying', 500);
    const survivor = worker('survivor');
    expect((await dying.claimable(DUE, new Set())).tenants).toHaveLength(4);
    // Registered while the other still lives: a fair share of none is free yet.
    expect((await survivor.claimable(DUE, new Set())).tenants).toEqual([]);
    // The dying worker stops renewing; its leases run out on the database's clock.
    await new Promise((r) => setTimeout(r, 700));
    expect((await survivor.claimable(DUE, new Set())).tenants).toHaveLength(4);
  });

  it('gives everything up on shutdown', async () => {
    const a = worker('a');
    const b = worker('b');
    await a.claimable(DUE, new Set());
    await a.releaseAll();
    expect((await b.claimable(DUE, new Set())).tenants).toHaveLength(4);
  });
});
