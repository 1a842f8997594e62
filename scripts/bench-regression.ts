/**
 * `npm run bench:compare`: a short bot-turn benchmark, compared with the ratios committed in
 * bench/results/bot-turn.json. It reports and never fails: the ratios are measured against an echo turn in the
 * same run, but a short run on a shared machine still moves by tens of percent, so a figure outside the band is
 * a prompt to re-run the full benchmark on a quiet machine, not a verdict. CI prints it after the tests.
 *
 * BENCH_TURNS (default 400), BENCH_STORES (default sqlite) and BENCH_CONCURRENCY (default 1,8,32) pass through
 * to the benchmark; its result goes to a temporary directory, so the committed file is never touched.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

/** A change in a ratio smaller than this share of the committed one is reported as noise. */
const NOISE = 0.25;
/** The short run may take no longer than this; a stuck server must not hold CI. */
const TIMEOUT_MS = 10 * 60_000;

interface Row {
  store: string;
  concurrency: number;
  throughputRatio: number;
  p99Ratio: number;
  /** The echo's server CPU per turn over the submit's; absent from results measured before it was. */
  cpuRatio?: number;
  /** The submit against botbuilder's stock echo; absent from results measured before it was. */
  againstStockEcho?: { throughputRatio: number };
}
interface BotTurnFile {
  ranAt: string;
  machine: { loadAverage?: number[] };
  code: { commit: string } | null;
  result: { turns: number; rows: Row[] };
}

function read(file: string): BotTurnFile {
  return JSON.parse(readFileSync(file, 'utf8')) as BotTurnFile;
}

/** How a ratio moved, in words; for p99 ratios lower is better. */
function verdict(now: number, then: number, higherIsBetter: boolean): string {
  const change = (now - then) / then;
  if (Math.abs(change) < NOISE) return 'within noise';
  return change > 0 === higherIsBetter ? 'better' : 'WORSE';
}

function percent(now: number, then: number): string {
  const change = Math.round(((now - then) / then) * 100);
  return `${change >= 0 ? '+' : ''}${change}%`;
}

/**
 * A column of a ratio where higher is better: throughput, or CPU (the submit's CPU per turn came closer to the
 * echo's). Results measured before the ratio was have no figure for it.
 */
function higherIsBetterColumn(now: number | undefined, then: number | undefined): string {
  if (now === undefined || then === undefined) return '(not in both results)';
  return `${now.toFixed(2)} / ${then.toFixed(2)} ${percent(now, then).padStart(5)} ${verdict(now, then, true)}`;
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'bench-compare-'));
  try {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '..', 'bench', 'bot-turn', 'bot-turn-bench.ts')],
      {
        env: {
          ...process.env,
          BENCH_TURNS: process.env.BENCH_TURNS ?? '400',
          BENCH_STORES: process.env.BENCH_STORES ?? 'sqlite',
          BENCH_RESULTS_DIR: dir,
        },
        encoding: 'utf8',
        timeout: TIMEOUT_MS,
      },
    );
    if (child.status !== 0) {
      console.log(
        `bench compare: the short run did not finish (${child.error?.message ?? `exit ${child.status}`})`,
      );
      console.log(child.stderr?.slice(-2000) ?? '');
      return;
    }
    const now = read(join(dir, 'bot-turn.json'));
    const committed = read(join(__dirname, '..', 'bench', 'results', 'bot-turn.json'));
    const load = (now.machine.loadAverage ?? loadavg()).map((l) => l.toFixed(1)).join(' / ');
    console.log(
      `bench compare: bot-turn, ${now.result.turns} turns per measurement now (load average ${load}) against ` +
        `results/bot-turn.json (${committed.result.turns} turns, commit ${committed.code?.commit.slice(0, 7) ?? '?'}, ` +
        `load average ${(committed.machine.loadAverage ?? []).map((l) => l.toFixed(1)).join(' / ')}). ` +
        `Changes under ${NOISE * 100}% are noise; a short run on a busy machine moves more. Report only.`,
    );
    console.log(
      'store      c   throughput ratio now / committed       p99 ratio now / committed       CPU ratio now / committed      ' +
        'throughput ratio against the stock echo now / committed',
    );
    for (const row of now.result.rows) {
      const then = committed.result.rows.find(
        (r) => r.store === row.store && r.concurrency === row.concurrency,
      );
      const head = `${row.store.padEnd(9)} ${String(row.concurrency).padStart(2)}`;
      if (!then) {
        console.log(`${head}   ${row.throughputRatio} (nothing committed to compare)`);
        continue;
      }
      console.log(
        `${head}   ${row.throughputRatio.toFixed(2)} / ${then.throughputRatio.toFixed(2)} ` +
          `${percent(row.throughputRatio, then.throughputRatio).padStart(5)} ${verdict(row.throughputRatio, then.throughputRatio, true).padEnd(12)}` +
          `   ${row.p99Ratio.toFixed(1)} / ${then.p99Ratio.toFixed(1)} ` +
          `${percent(row.p99Ratio, then.p99Ratio).padStart(5)} ${verdict(row.p99Ratio, then.p99Ratio, false).padEnd(12)}` +
          `   ${higherIsBetterColumn(row.cpuRatio, then.cpuRatio)}` +
          `   ${higherIsBetterColumn(row.againstStockEcho?.throughputRatio, then.againstStockEcho?.throughputRatio)}`,
      );
    }
  } catch (err) {
    // A report that could not be made is said so, and CI goes on: this step never decides a build.
    console.log(`bench compare: no report (${String(err)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
