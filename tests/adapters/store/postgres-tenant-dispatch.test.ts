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
  const worker = (name: string, leaseMs = 60_000, joinMs = 0) =>
    new PostgresTenantDispatch(pool, { worker: name, leaseMs, handoverMs: 0, joinMs });

  beforeAll(async () => {
    t = await openPostgresTestStore();
    await seedDueCheckIns(testCore(t.store, '2026-03-02T08:00:00Z').core, {
      tenants: 8,
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

  it('gives each tenant to one worker, and hands on what is well over a share once it is done there', async () => {
    const a = worker('a');
    const b = worker('b');
    const alone = await a.claimable(DUE, new Set());
    expect(alone.tenants).toHaveLength(8);

    // b arrives while a holds everything: b waits, and a keeps sending what it holds messages of.
    const waiting = await b.claimable(DUE, new Set());
    expect(waiting).toEqual({ tenants: [], othersHoldDue: true });
    const all = new Set(alone.tenants as string[]);
    const draining = await a.claimable(DUE, all);
    expect(draining.tenants).toHaveLength(4);

    // Once a's messages in the other four are recorded, it gives them up and b takes them.
    await a.claimable(DUE, new Set(draining.tenants as string[]));
    const taken = await b.claimable(DUE, new Set());
    expect(taken.tenants).toHaveLength(4);
    expect([...(taken.tenants as string[]), ...(draining.tenants as string[])].sort()).toEqual(
      [...all].sort(),
    );
  });

  it('keeps sending for tenants mid-wave while it holds no more than half a share again', async () => {
    const a = worker('a');
    const b = worker('b');
    const c = worker('c');
    await a.claimable(DUE, new Set());
    await b.claimable(DUE, new Set());
    const aHolds = (await a.claimable(DUE, new Set())).tenants as string[];
    const bHolds = (await b.claimable(DUE, new Set())).tenants as string[];
    expect([aHolds.length, bHolds.length]).toEqual([4, 4]);

    // A third worker's share is 3 of 8: a and b, each at 4, keep what they send rather than pause it for c.
    expect(await c.claimable(DUE, new Set())).toEqual({ tenants: [], othersHoldDue: true });
    expect((await a.claimable(DUE, new Set(aHolds))).tenants).toEqual(aHolds);
  });

  it('gives a tenant it hands on up as soon as its last message there is recorded', async () => {
    const a = worker('a');
    const b = worker('b');
    const all = (await a.claimable(DUE, new Set())).tenants as string[];
    await b.claimable(DUE, new Set());
    const kept = (await a.claimable(DUE, new Set(all))).tenants as string[];
    const handedOn = all.filter((t) => !kept.includes(t));
    expect(handedOn).toHaveLength(4);

    // a records its last message in one of them: b may take that one before a's next claim.
    await a.settled(handedOn[0]!);
    await a.settled(kept[0]!);
    expect((await b.claimable(DUE, new Set())).tenants).toEqual([handedOn[0]]);
  });

  it('takes nothing until it has looked for a while, so that processes started together count each other', async () => {
    const first = worker('first', 60_000, 1000);
    const second = worker('second', 60_000, 1000);
    expect((await first.claimable(DUE, new Set())).tenants).toEqual([]);
    expect((await second.claimable(DUE, new Set())).tenants).toEqual([]);
    const later = new Date(DUE.getTime() + 1000);
    expect((await first.claimable(later, new Set())).tenants).toHaveLength(4);
    expect((await second.claimable(later, new Set())).tenants).toHaveLength(4);
  });

  it("takes a dead worker's tenants once its lease has run out, and not before", async () => {
    const dying = worker('dying', 500);
    const survivor = worker('survivor');
    expect((await dying.claimable(DUE, new Set())).tenants).toHaveLength(8);
    // Registered while the other still lives: a fair share of none is free yet.
    expect((await survivor.claimable(DUE, new Set())).tenants).toEqual([]);
    // The dying worker stops renewing; its leases run out on the database's clock.
    await new Promise((r) => setTimeout(r, 700));
    expect((await survivor.claimable(DUE, new Set())).tenants).toHaveLength(8);
  });

  it('gives everything up on shutdown', async () => {
    const a = worker('a');
    const b = worker('b');
    await a.claimable(DUE, new Set());
    await a.releaseAll();
    expect((await b.claimable(DUE, new Set())).tenants).toHaveLength(8);
  });
});
