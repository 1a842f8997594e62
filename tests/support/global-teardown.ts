import { STARTED_POSTGRES } from './global-setup';
import type { ThrowawayPostgres } from './throwaway-postgres';

/** Runs once after all test files: stops the PostgreSQL server the global setup started, if it started one. */
export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as Record<symbol, unknown>)[STARTED_POSTGRES] as ThrowawayPostgres | undefined;
  await started?.stop();
}
