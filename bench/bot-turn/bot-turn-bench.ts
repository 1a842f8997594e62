/**
 * bench/bot-turn: what a whole Teams turn costs. The meeting-log submit turn (HTTP in, CloudAdapter, card data
 * parsed and validated, the meeting, two actions and their evidence stored in one transaction, the summary
 * card rendered and returned as the invoke answer) against an echo turn answering the same invoke, in the same
 * run, at concurrency 1, 8 and 32, on SQLite and PostgreSQL. Two echoes: the same echo bot on the app's own
 * adapter (the ratios each row leads with) and on botbuilder's stock CloudAdapter, the "bare botbuilder echo"
 * issue #26 names (the row's `againstStockEcho`).
 *
 * Each server runs in its own process; this one only generates load over loopback HTTP with keep-alive, and asks
 * each server for the CPU time it used during every measurement: on a shared machine a turn's CPU time moves
 * less with other work than its throughput does.
 * BENCH_TURNS (default 2000) turns per measurement, BENCH_STORES (default "sqlite,postgres"), BENCH_CONCURRENCY
 * (default "1,8,32"); BENCH_PROFILE=<dir> makes the servers write V8 CPU profiles there.
 */
import { cpus } from 'node:os';
import { round, writeResult } from '../bench-kit';
import {
  dropSchema,
  startTurnServer,
  stopTurnServer,
  USERS,
  type TurnServer,
  type TurnServerKind,
} from './turn-client';
import { measureTurns, type TurnMeasurement } from './turn-measure';

const TURNS = Number(process.env.BENCH_TURNS ?? 2000);
const WARMUP = Math.min(300, TURNS);
const STORES = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',');
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,8,32').split(',').map(Number);

function startServer(kind: TurnServerKind, store: string, schema: string): Promise<TurnServer> {
  const profile = process.env.BENCH_PROFILE;
  return startTurnServer(kind, store, schema, {
    nodeFlags: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
  });
}

/** The submit against one echo: its share of the echo's throughput, its p99 over the echo's, the echo's CPU over its. */
function ratios(submit: TurnMeasurement, echo: TurnMeasurement) {
  return {
    throughputRatio: round(submit.turnsPerSecond / echo.turnsPerSecond, 3),
    p99Ratio: round(submit.p99Ms / echo.p99Ms, 2),
    cpuRatio: round(echo.cpuMsPerTurn / submit.cpuMsPerTurn, 3),
  };
}

async function main(): Promise<void> {
  const results: Record<string, unknown>[] = [];
  for (const store of STORES) {
    const schema = `bench_turn_${process.pid}`;
    const [echo, stockEcho, bot] = await Promise.all([
      startServer('echo', store, schema),
      startServer('stock-echo', store, schema),
      startServer('bot', store, schema),
    ]);
    try {
      await measureTurns(echo, WARMUP, 8);
      await measureTurns(stockEcho, WARMUP, 8);
      await measureTurns(bot, WARMUP, 8);
      for (const concurrency of CONCURRENCY) {
        const e = await measureTurns(echo, TURNS, concurrency);
        const s = await measureTurns(stockEcho, TURNS, concurrency);
        const b = await measureTurns(bot, TURNS, concurrency);
        const row = {
          store,
          concurrency,
          echo: e,
          stockEcho: s,
          meetingSubmit: b,
          ...ratios(b, e),
          againstStockEcho: ratios(b, s),
        };
        results.push(row);
        console.log(
          `${store.padEnd(8)} c=${String(concurrency).padStart(2)}  echo ${e.turnsPerSecond} turns/s p50 ${e.p50Ms} p99 ${e.p99Ms} ms | stock echo ${s.turnsPerSecond} turns/s p99 ${s.p99Ms} ms | meeting submit ${b.turnsPerSecond} turns/s p50 ${b.p50Ms} p99 ${b.p99Ms} ms | throughput x${row.throughputRatio} (stock x${row.againstStockEcho.throughputRatio}), p99 x${row.p99Ratio} (stock x${row.againstStockEcho.p99Ratio}) | server CPU per turn: echo ${e.cpuMsPerTurn} ms, stock echo ${s.cpuMsPerTurn} ms, submit ${b.cpuMsPerTurn} ms (main thread busy ${b.serverBusy}; load generator ${b.loadGeneratorCpuMsPerTurn} ms${b.databaseCpuMsPerTurn === undefined ? '' : `, PostgreSQL ${b.databaseCpuMsPerTurn} ms`})`,
        );
      }
    } finally {
      await Promise.all([stopTurnServer(echo), stopTurnServer(stockEcho), stopTurnServer(bot)]);
      if (store === 'postgres') await dropSchema(schema);
    }
  }
  console.log(
    `results: ${writeResult('bot-turn', { turns: TURNS, users: USERS, cores: cpus().length, rows: results })}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
