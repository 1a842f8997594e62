/**
 * `npm run data-rights -- <command>`: an administrator's tools for personal data, against the store the
 * server's configuration names (DATA_DIR or DATABASE_URL). Every export and erasure is recorded as by `admin`.
 *
 *   export <tenant id> <person id>   everything held about a person, as JSON on stdout
 *   erase <tenant id> <person id>    erases a person (a colleague or a contact) across the tenant
 *   retention                        applies the retention settings once (purges, contact erasure)
 *   audit <tenant id>                the latest 100 entries of the data-rights record
 */
import { openStore } from '../adapters/store/open-store';
import { SystemClock } from '../adapters/system/system-clock';
import { UlidIds } from '../adapters/system/ulid-ids';
import { createCore } from '../core/core';
import { DomainError } from '../core/errors';
import { DataRetention } from '../core/privacy/data-retention';
import { ConfigError, loadConfig } from '../server/config';

const USAGE =
  'Usage: npm run data-rights -- export|erase <tenant id> <person id> | retention | audit <tenant id>\n';

async function main(args: string[]): Promise<number> {
  const [command, tenantId, personId] = args;
  const needs = { export: 3, erase: 3, retention: 1, audit: 2 }[command ?? ''];
  if (needs === undefined || args.length !== needs) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfig(process.env);
  const store = await openStore(config);
  const deps = { store, clock: new SystemClock(), ids: new UlidIds() };
  const core = createCore(deps);
  const scope = { tenantId: tenantId! };
  try {
    const result =
      command === 'export'
        ? await core.personData.collect(scope, personId!, 'admin')
        : command === 'erase'
          ? await core.erasure.erase(scope, personId!, 'admin')
          : command === 'retention'
            ? await new DataRetention(deps, config.retention).run()
            : await store.read.privacy.auditLog(scope, 100);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    const known = err instanceof DomainError || err instanceof ConfigError;
    process.stderr.write(`${known ? (err as Error).message : String((err as Error).stack ?? err)}\n`);
    process.exitCode = 1;
  },
);
