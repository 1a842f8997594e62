import type { RateLimiter, Release } from '../../core/common/rate-limiter';
import type { RateWindow } from '../../core/common/rate-window';

/** One send as a window sees it: from when it was let go until its answer (or still on the wire). */
interface Send {
  /** When it finished, or `undefined` while it is on the wire (then it counts as happening now). */
  doneAt?: number;
}

/** How often a key blocked only by sends still on the wire looks again. */
const IN_FLIGHT_POLL_MS = 5;

/**
 * The limiter's default clock: monotonic (a wall-clock adjustment cannot open or close a window) and finer than a
 * millisecond. `Date.now()` truncates, so a send answered at x.9 ms would leave its window 0.9 ms early, and a
 * send let go exactly as a window freed up could reach Teams a hair inside it.
 */
export function monotonicMs(): number {
  return performance.now();
}

/**
 * Sliding-window rate limits per key (a conversation, a tenant). `acquire` waits until every key may send and
 * then counts the send against all of them at once, so concurrent senders never overshoot a window.
 *
 * A send is counted at the moment its answer came back, not when it left: the service counts it on arrival,
 * which lies somewhere in between, so counting at the end can never undercount. Sends still on the wire count
 * as now. This keeps a busy process from provoking 429s through network jitter without a fixed safety margin.
 */
export class SlidingWindowRateLimiter implements RateLimiter {
  private readonly sends = new Map<string, Send[]>();

  constructor(
    private readonly windowsOf: (key: string) => readonly RateWindow[],
    private readonly now: () => number = monotonicMs,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Waits until a send is allowed under every key's windows and counts it; call the release when it is answered. */
  async acquire(keys: readonly string[]): Promise<Release> {
    for (;;) {
      const wait = Math.max(0, ...keys.map((k) => this.waitFor(k)));
      if (wait === 0) {
        const send: Send = {};
        for (const key of keys) this.sends.get(key)!.push(send);
        return () => {
          send.doneAt ??= this.now();
        };
      }
      await this.sleep(wait);
    }
  }

  /** How long `key` must wait before its next send (0 when it may send now). */
  private waitFor(key: string): number {
    const at = this.now();
    const times = this.trimmed(key, at)
      .map((s) => s.doneAt ?? Number.POSITIVE_INFINITY)
      .sort((a, b) => a - b);
    let wait = 0;
    for (const w of this.windowsOf(key)) {
      if (times.length < w.count) continue;
      // The window frees up when the send `count` back from the newest leaves it.
      const blocking = times[times.length - w.count]!;
      wait = Math.max(
        wait,
        blocking === Number.POSITIVE_INFINITY ? IN_FLIGHT_POLL_MS : blocking + w.perMs - at,
      );
    }
    return wait;
  }

  /** The key's sends still inside its longest window (and those on the wire). */
  private trimmed(key: string, at: number): Send[] {
    const longest = Math.max(0, ...this.windowsOf(key).map((w) => w.perMs));
    const kept = (this.sends.get(key) ?? []).filter((s) => s.doneAt === undefined || s.doneAt > at - longest);
    this.sends.set(key, kept);
    return kept;
  }
}
