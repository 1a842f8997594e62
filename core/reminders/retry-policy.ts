/** How failed sends are retried: exponential backoff with full jitter, capped, a bounded number of times. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
}

/** Six attempts over about four minutes, then the reminder is marked failed. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseMs: 2_000, maxMs: 120_000 };

/**
 * The wait before attempt `attempts + 1`: what the service asked for (`Retry-After`) when it said, else a random
 * wait up to base × 2^attempts (full jitter spreads retries out so they do not stampede), capped.
 */
export function retryDelay(
  policy: RetryPolicy,
  attempts: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.min(policy.maxMs, Math.max(0, retryAfterMs));
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempts);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
