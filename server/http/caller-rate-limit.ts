import type { RateWindow } from '../../core/common/rate-window';
import { HttpProblem } from '../../tab/api/api-errors';

/** Callers tracked at once; beyond this, windows that have ended are swept out. */
const SWEEP_AT = 50_000;

/**
 * Requests per caller, in fixed windows (e.g. 600 a minute and 30 a second): one person's runaway script
 * cannot starve everyone else. Over a limit the request is refused with 429 and how long to wait.
 */
export class CallerRateLimit {
  private readonly counts = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly windows: readonly RateWindow[],
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request by `caller`, or throws a 429 HttpProblem when a window is full. */
  take(caller: string): void {
    const now = this.now();
    if (this.counts.size > SWEEP_AT) this.sweep(now);
    const seen = this.windows.map((w, i) => {
      const key = `${i}\u0000${caller}`;
      const windowStart = now - (now % w.perMs);
      const current = this.counts.get(key);
      return { w, key, windowStart, count: current?.windowStart === windowStart ? current.count : 0 };
    });
    const full = seen.find((s) => s.count >= s.w.count);
    if (full) {
      const wait = Math.ceil((full.windowStart + full.w.perMs - now) / 1000);
      throw new HttpProblem(429, 'too_many_requests', `Too many requests; try again in ${wait} s`, {
        'retry-after': String(wait),
      });
    }
    for (const s of seen) this.counts.set(s.key, { windowStart: s.windowStart, count: s.count + 1 });
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.counts) {
      const w = this.windows[Number(key.slice(0, key.indexOf('\u0000')))]!;
      if (entry.windowStart + w.perMs <= now) this.counts.delete(key);
    }
  }
}
