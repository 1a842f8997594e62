/** At most `count` sends (or requests) per `perMs` milliseconds. */
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
