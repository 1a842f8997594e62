import {
  monotonicMs,
  SlidingWindowRateLimiter,
} from '../../../adapters/rate-limit/sliding-window-rate-limiter';
import { parseRateWindows } from '../../../core/common/rate-window';

/** A limiter on a hand-moved clock: `sleep` moves the clock, so waits are exact and instant. */
function limiterAt(windows: string) {
  let now = 0;
  const slept: number[] = [];
  const limiter = new SlidingWindowRateLimiter(
    () => parseRateWindows(windows),
    () => now,
    async (ms) => {
      slept.push(ms);
      now += ms;
      // Yield to the test between polls, as a real timer would.
      await new Promise((r) => setImmediate(r));
    },
  );
  return { limiter, slept, now: () => now, advance: (ms: number) => (now += ms) };
}

describe(SlidingWindowRateLimiter.name, () => {
  it('parses Teams-style rates and refuses anything else', () => {
    expect(parseRateWindows('7/1s, 8/2s,60/30s,1800/1h')).toEqual([
      { count: 7, perMs: 1000 },
      { count: 8, perMs: 2000 },
      { count: 60, perMs: 30_000 },
      { count: 1800, perMs: 3_600_000 },
    ]);
    expect(() => parseRateWindows('7 per second')).toThrow('"7 per second" is not a rate like 7/1s');
  });

  it('lets a window’s worth through at once, then waits until the oldest send leaves the window', async () => {
    const t = limiterAt('3/1s');
    for (let i = 0; i < 3; i++) (await t.limiter.acquire(['c']))();
    expect(t.slept).toEqual([]);
    (await t.limiter.acquire(['c']))();
    expect(t.slept).toEqual([1000]);
    expect(t.now()).toBe(1000);
  });

  it('honours every window of a key: 7 a second but only 8 in two seconds', async () => {
    const t = limiterAt('7/1s,8/2s');
    for (let i = 0; i < 9; i++) (await t.limiter.acquire(['c']))();
    // Seven at 0 ms, the eighth at 1000 ms, the ninth when the first leaves the two-second window.
    expect(t.now()).toBe(2000);
  });

  it('counts a send from when its answer came back, since Teams counts it on arrival', async () => {
    const t = limiterAt('1/1s');
    const release = await t.limiter.acquire(['c']);
    t.advance(300);
    release();
    (await t.limiter.acquire(['c']))();
    expect(t.now()).toBe(1300);
  });

  it('counts by default on a clock that keeps fractions of a millisecond, which Date.now() drops', () => {
    const readings = Array.from({ length: 50 }, () => monotonicMs());
    expect(readings.some((ms) => !Number.isInteger(ms))).toBe(true);
  });

  it('treats a send still on the wire as happening now', async () => {
    const t = limiterAt('1/1s');
    const release = await t.limiter.acquire(['c']);
    const next = t.limiter.acquire(['c']);
    while (t.slept.length < 3) await new Promise((r) => setImmediate(r));
    // Still polling: the first send has no answer yet. Once it has, the next waits a full window from then.
    const answeredAt = t.now();
    release();
    (await next)();
    expect(t.now()).toBe(answeredAt + 1000);
  });

  it('keeps conversations apart but counts every send against the shared tenant', async () => {
    const t = limiterAt('2/1s');
    (await t.limiter.acquire(['conversation:a', 'tenant:x']))();
    (await t.limiter.acquire(['conversation:b', 'tenant:x']))();
    expect(t.now()).toBe(0);
    (await t.limiter.acquire(['conversation:c', 'tenant:y']))();
    expect(t.now()).toBe(0);
    (await t.limiter.acquire(['conversation:d', 'tenant:x']))();
    expect(t.now()).toBe(1000);
  });
});
