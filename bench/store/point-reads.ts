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

/**
 * Reads `indexes.length` records, `read(index)` each, with at most `concurrency` in flight. `read` must fail
 * when the record is missing: a point read that finds nothing is cheaper than one that finds a row, and would
 * flatter the figure.
 */
export async function timePointReads(
  what: string,
  indexes: readonly number[],
  concurrency: number,
  read: (index: number) => Promise<void>,
): Promise<PointReadFigures> {
  const started = nowMs();
  const latencies = await runPool(indexes.length, concurrency, (i) => read(indexes[i]!));
  const seconds = (nowMs() - started) / 1000;
  return {
    what,
    reads: indexes.length,
    readsPerSecond: round(indexes.length / seconds),
    p50Ms: round(quantile(latencies, 0.5), 3),
    p99Ms: round(quantile(latencies, 0.99), 3),
  };
}
