import { POSTGRES_AVAILABLE_ENV, postgresAnswers, TEST_DATABASE_URL } from './postgres';

/**
 * Runs once before all test files: finds out whether PostgreSQL is there. Without it the PostgreSQL suites are
 * skipped with this loud message; with REQUIRE_POSTGRES=1 (as in CI) its absence fails the run instead.
 */
export default async function globalSetup(): Promise<void> {
  const available = await postgresAnswers();
  process.env[POSTGRES_AVAILABLE_ENV] = available ? '1' : '0';
  if (available) return;
  const message = `PostgreSQL is not reachable at ${TEST_DATABASE_URL}: every PostgreSQL suite is SKIPPED.`;
  if (process.env.REQUIRE_POSTGRES === '1') throw new Error(`${message} REQUIRE_POSTGRES=1 forbids that.`);
  console.warn(
    `\n${'!'.repeat(100)}\n!! ${message}\n!! Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n${'!'.repeat(100)}\n`,
  );
}
