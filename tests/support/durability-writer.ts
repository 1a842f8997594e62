/**
 * A child process for the kill -9 test: adds partners and prints `ack <id>` after each commit, until it is
 * killed. Usage: durability-writer.ts sqlite <file> | postgres <url> <schema>. `DURABILITY_WRITERS` (default 1)
 * writers add at once, each waiting for its own acknowledgement, so SQLite commits their writes in groups.
 */
import { createCore } from '../../core/core';
import type { Store } from '../../core/ports';
import { PostgresStore } from '../../adapters/store/postgres/postgres-store';
import { SqliteStore } from '../../adapters/store/sqlite/sqlite-store';
import { SystemClock } from '../../adapters/system/system-clock';
import { UlidIds } from '../../adapters/system/ulid-ids';
import { aCaller, aPartnerInput } from '../../testkit/factories';

async function open(): Promise<Store> {
  const [kind, location, schema] = process.argv.slice(2);
  if (kind === 'sqlite') return SqliteStore.open(location!);
  return PostgresStore.open({ connectionString: location!, schema });
}

async function main(): Promise<void> {
  const store = await open();
  const core = createCore({ store, clock: new SystemClock(), ids: new UlidIds() });
  const caller = aCaller({ spaceId: 'team:durability' });
  const writers = Number(process.env.DURABILITY_WRITERS ?? 1);
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; ; i++) {
        const name = `Durable partner ${w}-${i}`;
        const { partner } = await core.partners.add(caller, aPartnerInput({ name }));
        process.stdout.write(`ack ${partner.id}\n`);
      }
    }),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
