import type { Migration } from './migration';

/**
 * Limits kept together by several server processes on one PostgreSQL (issue #24). `reminder_tenant_leases`:
 * which worker sends a tenant's reminders, until when (milliseconds on the database's clock, the one clock all
 * processes share); `reminder_workers`: the workers alive, so each takes a fair share of the tenants.
 * `api_rate_limits`: the API's per-caller counts, in the layout rate-limiter-flexible's PostgreSQL store uses.
 * SQLite gets the tables too (one schema for both stores) and leaves them empty: one process keeps its limits
 * in memory.
 */
export const sharedLimits: Migration = {
  id: '2026-12-04-20-shared-limits',
  up: ({ text: T }) => `
    CREATE TABLE reminder_tenant_leases (
      tenant_id ${T} PRIMARY KEY, owner ${T}, lease_until BIGINT NOT NULL
    );
    CREATE TABLE reminder_workers (
      worker ${T} PRIMARY KEY, seen_until BIGINT NOT NULL
    );
    CREATE TABLE api_rate_limits (
      key VARCHAR(255) PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire BIGINT
    );
  `,
};
