import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

/**
 * Milliseconds since the process started, with sub-millisecond precision: the clock the fake connector stamps
 * its calls with, so bench times and call times compare.
 */
export function nowMs(): number {
  return performance.now();
}

/** The PostgreSQL the benchmarks use: `BENCH_DATABASE_URL`, else the one on loopback that CI and the dev machine run. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Clock ticks per second, the unit of /proc's CPU times. */
let clockTicks: number | undefined;

/**
 * CPU seconds (user and system) another process has used so far, from /proc (Linux, where the benchmarks run):
 * what a run cost in work, a figure that moves less than its time when other work shares the cores.
 */
export function cpuSecondsOf(pid: number): number {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  // Fields after the command name (which may hold spaces) start at "state", field 3 in proc(5); utime and
  // stime are fields 14 and 15.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/**
 * CPU seconds each PostgreSQL process on this machine (postmaster, backends, writers) has used so far, by pid: a
 * local database shares the cores with the servers it serves, so its work is part of what a turn costs here.
 */
export function postgresCpuByProcess(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres')
        byPid.set(Number(entry), cpuSecondsOf(Number(entry)));
    } catch {
      // The process ended between listing and reading: it is simply not in this reading.
    }
  }
  return byPid;
}

/**
 * CPU seconds PostgreSQL's processes used since `before` ({@link postgresCpuByProcess}). A backend that started
 * since counts whole; one that ended since (a pool closing an idle connection) loses what it used after `before`.
 */
export function postgresCpuSecondsSince(before: ReadonlyMap<number, number>): number {
  let seconds = 0;
  for (const [pid, now] of postgresCpuByProcess()) seconds += now - (before.get(pid) ?? 0);
  return seconds;
}

/** The q-quantile (0..1) of a list of numbers. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Rounds for reports. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; returns each task's latency (ms). */
export async function runPool(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<number[]> {
  const latencies: number[] = new Array(count);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < count) {
      const i = next++;
      const started = nowMs();
      await task(i);
      latencies[i] = nowMs() - started;
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return latencies;
}

/**
 * The commit the figures were measured on, and whether tracked files differed from it then: a figure is only
 * as good as knowing which code produced it. Null outside a git work tree.
 */
export function codeVersion(): { commit: string; uncommittedChanges: boolean } | null {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: __dirname, encoding: 'utf8' }).trim();
    return {
      commit: git('rev-parse', 'HEAD'),
      uncommittedChanges: git('status', '--porcelain', '-uno') !== '',
    };
  } catch {
    return null;
  }
}

/**
 * Where results go: `bench/results/<name>.json` (or `BENCH_RESULTS_DIR`, for a run that must not replace the
 * committed file), with the machine it ran on.
 */
export function writeResult(name: string, result: unknown): string {
  const dir = process.env.BENCH_RESULTS_DIR ?? join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  const payload = {
    benchmark: name,
    ranAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      // Other work on the machine moves the figures, tails most; 1, 5 and 15 minutes when the run ended.
      loadAverage: loadavg().map((l) => round(l)),
    },
    code: codeVersion(),
    result,
  };
  writeFileSync(file, `${JSON.stringify(payload, null, 2)}\n`);
  return file;
}
