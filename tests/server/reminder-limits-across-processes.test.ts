import type { Store } from '../../core/ports';
import type { Reminder } from '../../core/reminders/reminder';
import { parseRateWindows } from '../../core/common/rate-window';
import { FakeBotConnector } from '../../testkit/fake-bot-connector';
import { TEST_DATABASE_URL } from '../../testkit/postgres';
import { remindedIds, seedDueCheckIns, type SeededOwner } from '../../testkit/reminder-seed';
import { startServerProcess, type ServerProcess } from '../../testkit/server-process';
import { testCore } from '../../testkit/test-core';
import { openPostgresTestStore } from '../../testkit/test-stores';

/** A tenant ceiling low enough that three processes each keeping it alone would go over it at once. */
const TENANT_LIMIT = '10/1s';
const CONVERSATION_LIMIT = '7/1s,8/2s,60/30s,1800/1h';

/** Scheduler settings for the servers: quick rounds, small batches, more messages at once than the limit allows. */
const SCHEDULER = {
  REMINDER_TICK_MS: '200',
  REMINDER_BATCH: '20',
  REMINDER_CONCURRENCY: '20',
  TEAMS_RATE_TENANT: TENANT_LIMIT,
  TEAMS_RATE_CONVERSATION: CONVERSATION_LIMIT,
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

/**
 * Teams counts its limits per tenant and per conversation whoever sends: the fake Bot Connector here counts
 * across every server process and answers 429 to anything over them, as Teams does.
 */
describe("Teams' limits across server processes on PostgreSQL", () => {
  let connector: FakeBotConnector;
  const servers: ServerProcess[] = [];
  beforeEach(async () => (connector = await FakeBotConnector.start()));
  afterEach(async () => {
    for (const s of servers.splice(0))
      if (s.child.exitCode === null && !s.child.killed) s.child.kill('SIGKILL');
    await connector.close();
  });

  it('three servers keep each tenant under its limits together: no 429, every reminder delivered once', async () => {
    const t = await openPostgresTestStore();
    try {
      const owners = await seedDueCheckIns(testCore(t.store, '2026-03-02T08:00:00Z').core, {
        tenants: 3,
        ownersPerTenant: 10,
        partnersPerOwner: 3,
        serviceUrl: connector.serviceUrl,
      });
      connector.limits = {
        perConversation: parseRateWindows(CONVERSATION_LIMIT),
        perTenant: parseRateWindows(TENANT_LIMIT),
      };
      const url = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${t.schema}`)}`;
      const started = await Promise.all(
        [1, 2, 3].map(() => startServerProcess({ DATABASE_URL: url, ...SCHEDULER }, 60_000)),
      );
      servers.push(...started);
      await connector.waitFor(() => new Set(remindedIds(connector.posted())).size >= 90, 90_000);
      // A little longer, for any duplicate that was still on its way.
      await new Promise((r) => setTimeout(r, 1000));
      for (const s of started) s.child.kill('SIGTERM');
      await Promise.all(started.map((s) => s.exited));

      expect(connector.throttled).toBe(0);
      const ids = remindedIds(connector.posted());
      expect(new Set(ids).size).toBe(90);
      expect(ids).toHaveLength(90);
      // Nothing was sent and refused on the way: every post the connector received was a card delivered.
      expect(connector.postsReceived).toBe(90);
      const rows = await allReminders(t.store, owners);
      expect(rows.filter((r) => r.status !== 'delivered')).toEqual([]);
    } finally {
      await t.dispose();
    }
  }, 180_000);
});
