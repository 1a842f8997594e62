/** At most `count` sends per `perMs` milliseconds. */
export interface RateWindow {
  readonly count: number;
  readonly perMs: number;
}

/** Parses "7/1s,8/2s,60/30s,1800/1h" into windows; throws on anything else. */
export function parseRateWindows(text: string): RateWindow[] {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  return text.split(',').map((part) => {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*(ms|s|m|h)\s*$/.exec(part);
    if (!m) throw new Error(`"${part}" is not a rate like 7/1s`);
    return { count: Number(m[1]), perMs: Number(m[2]) * units[m[3]!]! };
  });
}

/**
 * Sliding-window rate limits per key (a conversation, a tenant). `acquire` waits until every key may send and
 * then counts the send against all of them at once, so concurrent senders never overshoot a window.
 */
export class RateLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly windowsOf: (key: string) => readonly RateWindow[],
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Waits until a send is allowed under every key's windows, and records it. */
  async acquire(keys: readonly string[]): Promise<void> {
    for (;;) {
      const wait = Math.max(0, ...keys.map((k) => this.waitFor(k)));
      if (wait === 0) {
        const at = this.now();
        for (const key of keys) this.sent.set(key, [...this.trimmed(key, at), at]);
        return;
      }
      await this.sleep(wait);
    }
  }

  /** How long `key` must wait before its next send (0 when it may send now). */
  private waitFor(key: string): number {
    const at = this.now();
    const history = this.trimmed(key, at);
    let wait = 0;
    for (const w of this.windowsOf(key)) {
      if (history.length < w.count) continue;
      // The window frees up when the send `count` back from now leaves it.
      const blocking = history[history.length - w.count]!;
      wait = Math.max(wait, blocking + w.perMs - at);
    }
    return wait;
  }

  /** The key's sends still inside its longest window. */
  private trimmed(key: string, at: number): number[] {
    const longest = Math.max(0, ...this.windowsOf(key).map((w) => w.perMs));
    const history = (this.sent.get(key) ?? []).filter((t) => t > at - longest);
    this.sent.set(key, history);
    return history;
  }
}
