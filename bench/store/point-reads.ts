/**
 * Random point reads for bench/store: single records read by primary key in a repeatable random order, each
 * read timed, so a store's read of one meeting can be set beside a bare single-row SELECT on the same driver.
 */
import { nowMs, quantile, round, runPool } from '../bench-kit';

/** What a run of point reads reports. */
export interface PointReadFigures {
  what: string;
  reads: number;
  readsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** One way of reading record `index`; it must fail when the record is missing (a miss is cheaper than a hit). */
export interface PointRead {
  what: string;
  read(index: number): Promise<void>;
}

/** Reads are taken in rounds of this many per kind, the kinds in turn. */
const ROUND = 500;

/**
 * Reads every index once per kind, with at most `concurrency` in flight, in alternating rounds: the kinds
 * take turns, so other work on the machine falls on all of them alike instead of on whichever ran while it
 * did (a baseline timed alone on a busy machine once came out slower than the store's read above it).
 */
export async function timePointReads(
  kinds: readonly PointRead[],
  indexes: readonly number[],
  concurrency: number,
): Promise<PointReadFigures[]> {
  const latencies = kinds.map(() => [] as number[]);
  const seconds = kinds.map(() => 0);
  for (let start = 0; start < indexes.length; start += ROUND) {
    const batch = indexes.slice(start, start + ROUND);
    for (const [k, kind] of kinds.entries()) {
      const started = nowMs();
      latencies[k]!.push(...(await runPool(batch.length, concurrency, (i) => kind.read(batch[i]!))));
      seconds[k]! += (nowMs() - started) / 1000;
    }
  }
  return kinds.map((kind, k) => ({
    what: kind.what,
    reads: indexes.length,
    readsPerSecond: round(indexes.length / seconds[k]!),
    p50Ms: round(quantile(latencies[k]!, 0.5), 3),
    p99Ms: round(quantile(latencies[k]!, 0.99), 3),
  }));
}
