import type { CallerLimit } from '../../core/common/caller-limit';
import type { RateWindow } from '../../core/common/rate-window';

/** Callers tracked at once; beyond this, windows that have ended are swept out. */
const SWEEP_AT = 50_000;

/**
 * Requests per caller in fixed windows (e.g. 600 a minute and 30 a second), counted in this process: one
 * person's runaway script cannot starve everyone else. A refused request is not counted.
 */
export class FixedWindowCallerLimit implements CallerLimit {
  private readonly counts = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly windows: readonly RateWindow[],
    private readonly now: () => number = Date.now,
  ) {}

  take(caller: string): Promise<number> {
    const now = this.now();
    if (this.counts.size > SWEEP_AT) this.sweep(now);
    const seen = this.windows.map((w, i) => {
      const key = `${i}\u0000${caller}`;
      const windowStart = now - (now % w.perMs);
      const current = this.counts.get(key);
      return { w, key, windowStart, count: current?.windowStart === windowStart ? current.count : 0 };
    });
    const full = seen.find((s) => s.count >= s.w.count);
    if (full) return Promise.resolve(full.windowStart + full.w.perMs - now);
    for (const s of seen) this.counts.set(s.key, { windowStart: s.windowStart, count: s.count + 1 });
    return Promise.resolve(0);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.counts) {
      const w = this.windows[Number(key.slice(0, key.indexOf('\u0000')))]!;
      if (entry.windowStart + w.perMs <= now) this.counts.delete(key);
    }
  }
}
