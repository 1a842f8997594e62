/**
 * `npm run seed:demo [-- --space team:demo]`: fills a space with realistic demo partner work so the board is
 * alive at first sight. The space defaults to the local identity's own space, which `/tab/` shows in local mode.
 */
import { createCore } from '../core/core';
import { spaceIdOf, SpaceId } from '../core/common/scope';
import { DomainError } from '../core/errors';
import { openStore } from '../adapters/store/open-store';
import { SystemClock } from '../adapters/system/system-clock';
import { UlidIds } from '../adapters/system/ulid-ids';
import { ConfigError, loadConfig } from '../server/config';
import { PLAYGROUND_IDENTITY } from '../tab/api/local-identity';
import { demoToday, seedDemoSpace } from './demo/demo-space';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const flag = process.argv.indexOf('--space');
  const space = SpaceId.parse(
    flag >= 0 ? process.argv[flag + 1] : spaceIdOf('personal', PLAYGROUND_IDENTITY.user.aadObjectId),
  );
  const store = await openStore(config);
  try {
    const core = createCore({ store, clock: new SystemClock(), ids: new UlidIds() });
    const caller = {
      scope: { tenantId: PLAYGROUND_IDENTITY.tenantId, spaceId: space },
      user: PLAYGROUND_IDENTITY.user,
    };
    const made = await seedDemoSpace(core, caller, demoToday(new Date()));
    process.stdout.write(
      `Seeded ${space}: ${made.partners} partners, ${made.meetings} meetings, ${made.actions} actions, ` +
        `${made.agreements} agreements, ${made.slas} SLAs. Open http://127.0.0.1:${config.port}/tab/\n`,
    );
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  const known = err instanceof DomainError || err instanceof ConfigError;
  process.stderr.write(`seed:demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
  if (!known) process.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
  process.exit(1);
});
