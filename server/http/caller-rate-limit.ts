import type { CallerLimit } from '../../core/common/caller-limit';
import { HttpProblem } from '../../tab/api/api-errors';

/** Counts a request by `caller`, or throws a 429 HttpProblem saying how long to wait when a limit is full. */
export async function enforceCallerLimit(limit: CallerLimit, caller: string): Promise<void> {
  const waitMs = await limit.take(caller);
  if (waitMs <= 0) return;
  const wait = Math.max(1, Math.ceil(waitMs / 1000));
  throw new HttpProblem(429, 'too_many_requests', `Too many requests; try again in ${wait} s`, {
    'retry-after': String(wait),
  });
}
