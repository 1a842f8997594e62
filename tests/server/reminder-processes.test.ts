import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteFileIn } from '../../adapters/store/open-store';
import { SqliteStore } from '../../adapters/store/sqlite/sqlite-store';
import type { Store } from '../../core/ports';
import type { Reminder } from '../../core/reminders/reminder';
import { FakeBotConnector } from '../../testkit/fake-bot-connector';
import { TEST_DATABASE_URL } from '../../testkit/postgres';
import { remindedIds, seedDueCheckIns, type SeededOwner } from '../../testkit/reminder-seed';
import { startServerProcess, type ServerProcess } from '../../testkit/server-process';
import { testCore } from '../../testkit/test-core';
import { openPostgresTestStore } from '../../testkit/test-stores';

/** Scheduler settings for the servers: quick rounds, small batches, the shortest lease config allows. */
const SCHEDULER = {
  REMINDER_TICK_MS: '100',
  REMINDER_BATCH: '10',
  REMINDER_CONCURRENCY: '4',
  REMINDER_LEASE_MS: '10000',
  REMINDER_SEND_TIMEOUT_MS: '3000',
};

/** Every reminder of the seeded owners, read straight from the store. */
async function allReminders(store: Store, owners: readonly SeededOwner[]): Promise<Reminder[]> {
  const all: Reminder[] = [];
  for (const o of owners) {
    const person = await store.read.people.findByAadObjectId(o, o.user.aadObjectId);
    all.push(...(await store.read.reminders.listForOwner(o, person!.id, [], { limit: 100 })).items);
  }
  return all;
}

/** Resolves once `check` holds, polling; fails after `timeoutMs`. */
async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** How many cards were posted more than once. */
function duplicates(ids: readonly string[]): number {
  return ids.length - new Set(ids).size;
}

/**
 * Reminders are rows, not timers: real server processes (`server/main.ts`) run the scheduler against a shared
 * store and the fake Bot Connector, and are killed and started again.
 */
describe('reminders across server processes', () => {
  let connector: FakeBotConnector;
  const servers: ServerProcess[] = [];
  beforeEach(async () => (connector = await FakeBotConnector.start()));
  afterEach(async () => {
    for (const s of servers.splice(0))
      if (s.child.exitCode === null && !s.child.killed) s.child.kill('SIGKILL');
    await connector.close();
  });

  it('a server killed mid-round loses nothing: the next delivers the rest, repeating at most the sends in flight', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reminders-restart-'));
    try {
      const seedStore = await SqliteStore.open(sqliteFileIn(dataDir));
      const owners = await seedDueCheckIns(testCore(seedStore, '2026-03-02T08:00:00Z').core, {
        tenants: 1,
        ownersPerTenant: 20,
        partnersPerOwner: 2,
        serviceUrl: connector.serviceUrl,
      });
      await seedStore.close();
      // A slow Teams, so the kill lands while sends are in flight.
      connector.latencyMs = 250;

      const first = await startServerProcess({ DATA_DIR: dataDir, ...SCHEDULER });
      servers.push(first);
      await connector.waitFor(() => connector.posted().length >= 8, 20_000);
      first.child.kill('SIGKILL');
      await first.exited;
      const left = await SqliteStore.open(sqliteFileIn(dataDir));
      const atKill = await allReminders(left, owners);
      await left.close();
      // The kill caught reminders claimed and not yet recorded, and left others untouched.
      expect(atKill.filter((r) => r.status === 'sending').length).toBeGreaterThan(0);
      expect(atKill.filter((r) => r.status === 'delivered').length).toBeLessThan(40);

      const second = await startServerProcess({ DATA_DIR: dataDir, ...SCHEDULER });
      servers.push(second);
      const store = await SqliteStore.open(sqliteFileIn(dataDir));
      try {
        // The leases the killed server held run out after 10 s; then its unfinished reminders are claimed again.
        await until(
          async () => (await allReminders(store, owners)).every((r) => r.status === 'delivered'),
          30_000,
        );
        second.child.kill('SIGTERM');
        await second.exited;
        expect(await allReminders(store, owners)).toHaveLength(40);
      } finally {
        await store.close();
      }
      const ids = remindedIds(connector.posted());
      expect(new Set(ids).size).toBe(40);
      // Only what was on the wire when the first server died can have gone twice.
      expect(duplicates(ids)).toBeLessThanOrEqual(Number(SCHEDULER.REMINDER_CONCURRENCY));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('three servers sharing PostgreSQL split the work and deliver each reminder exactly once', async () => {
    const t = await openPostgresTestStore();
    try {
      connector.latencyMs = 20;
      const url = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${t.schema}`)}`;
      const started = await Promise.all(
        // Three processes starting at once take 13 s on a busy two-core machine: more than the default wait.
        [1, 2, 3].map(() => startServerProcess({ DATABASE_URL: url, ...SCHEDULER }, 60_000)),
      );
      servers.push(...started);
      // Seeded once all three are counted among the living, each tenant's share written side by side: every
      // process then takes one tenant (its fair share) as the tenants fall due together. Seeded before the starts,
      // which lie seconds apart on a busy machine, the first up took two tenants and the last found none left.
      const owners = await seedDueCheckIns(testCore(t.store, '2026-03-02T08:00:00Z').core, {
        tenants: 3,
        ownersPerTenant: 20,
        partnersPerOwner: 5,
        serviceUrl: connector.serviceUrl,
        parallel: true,
      });
      await connector.waitFor(() => remindedIds(connector.posted()).length >= 300, 45_000);
      // A little longer, for any duplicate that was still on its way.
      await new Promise((r) => setTimeout(r, 1000));
      for (const s of started) s.child.kill('SIGTERM');
      await Promise.all(started.map((s) => s.exited));

      const ids = remindedIds(connector.posted());
      expect(ids).toHaveLength(300);
      expect(duplicates(ids)).toBe(0);
      const rows = await allReminders(t.store, owners);
      expect(rows.filter((r) => r.status !== 'delivered')).toEqual([]);
      // Every process took a share of the work.
      const byWorker = new Map<string, number>();
      for (const r of rows) byWorker.set(r.leaseOwner!, (byWorker.get(r.leaseOwner!) ?? 0) + 1);
      expect(byWorker.size).toBe(3);
    } finally {
      await t.dispose();
    }
  }, 90_000);
});
