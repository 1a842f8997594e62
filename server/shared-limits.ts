import { PostgresCallerLimit } from '../adapters/rate-limit/postgres-caller-limit';
import { postgresPool } from '../adapters/store/postgres/postgres-store';
import { PostgresTenantDispatch } from '../adapters/store/postgres/postgres-tenant-dispatch';
import type { CallerLimit } from '../core/common/caller-limit';
import type { Logger } from '../core/ports';
import type { Config } from './config';
import { PeriodicJob } from './periodic-job';

/** How long a process holds a tenant without renewing: a dead process's tenants move on after this. */
const TENANT_LEASE_MS = 6000;
/** How often a process renews its tenants and says it is alive (well inside the lease). */
const RENEW_EVERY_MS = 1000;
/** The least pause before a tenant given up is sent for by another process: Teams' short windows empty meanwhile. */
const MIN_HANDOVER_MS = 2000;
/** How long a process that just started looks before taking tenants: others started with it are counted by then. */
const JOIN_MS = RENEW_EVERY_MS;

/** Limits several processes on one PostgreSQL keep together. */
export interface SharedLimits {
  /** Which tenants' reminders this process sends: one process per tenant at a time. */
  readonly tenants: PostgresTenantDispatch;
  /** The API's per-caller limit, counted in the database. */
  readonly callerLimit: CallerLimit;
  /** Renews this process's tenant leases between claims. */
  readonly renewal: PeriodicJob;
  /** Gives up this process's tenants and closes the connections. */
  close(): Promise<void>;
}

/**
 * On PostgreSQL (the way to run several processes): tenant dispatch leases for proactive sends, so each
 * tenant's Teams limits are paced by one process's in-memory limiter at a time, and the API's caller limit in a
 * shared rate-limiter-flexible store. Undefined on SQLite: one process keeps every limit in memory.
 */
export function sharedLimits(config: Config, worker: string, logger: Logger): SharedLimits | undefined {
  if (!config.databaseUrl) return undefined;
  const pool = postgresPool({ connectionString: config.databaseUrl, maxConnections: 4 });
  const handoverMs = Math.max(MIN_HANDOVER_MS, ...config.reminders.tenantLimits.map((w) => w.perMs));
  const tenants = new PostgresTenantDispatch(pool, {
    worker,
    leaseMs: TENANT_LEASE_MS,
    handoverMs,
    joinMs: JOIN_MS,
    logger,
  });
  return {
    tenants,
    callerLimit: new PostgresCallerLimit(pool, config.apiRateLimit),
    renewal: new PeriodicJob('reminder tenant leases', RENEW_EVERY_MS, () => tenants.renew(), logger),
    close: async () => {
      await tenants
        .releaseAll()
        .catch((error: unknown) => logger.warn('tenant leases not released', { error: String(error) }));
      await pool.end();
    },
  };
}
