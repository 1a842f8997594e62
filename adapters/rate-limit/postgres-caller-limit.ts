import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { CallerLimit } from '../../core/common/caller-limit';
import type { RateWindow } from '../../core/common/rate-window';

/**
 * Requests per caller counted in PostgreSQL, so the limit holds for a caller whichever server process answers
 * them: rate-limiter-flexible's PostgreSQL store, one upsert per window per request, in the `api_rate_limits`
 * table (migration 2026-12-04-20). Its windows are fixed and start at a caller's first request in them, as the
 * in-process limit's are fixed; a request refused by one window still counts in the others.
 */
export class PostgresCallerLimit implements CallerLimit {
  private readonly limiters: RateLimiterPostgres[];

  constructor(pool: Pool, windows: readonly RateWindow[]) {
    this.limiters = windows.map(
      (w, i) =>
        new RateLimiterPostgres({
          storeClient: pool,
          storeType: 'pool',
          tableName: 'api_rate_limits',
          tableCreated: true,
          keyPrefix: `api${i}`,
          points: w.count,
          duration: w.perMs / 1000,
        }),
    );
  }

  async take(caller: string): Promise<number> {
    const answers = await Promise.all(
      this.limiters.map((limiter) =>
        limiter.consume(caller).then(
          () => 0,
          (refusal: unknown) => {
            // The library rejects with its result when over the limit, and with an Error when the store failed.
            if (refusal instanceof RateLimiterRes) return Math.max(1, refusal.msBeforeNext);
            throw refusal;
          },
        ),
      ),
    );
    return Math.max(0, ...answers);
  }
}
