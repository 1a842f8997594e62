/**
 * bench/bot-turn's baseline against the one issue #26 names. The bot-turn benchmark compares the meeting submit
 * with an echo bot served by the app's own adapter and endpoint, which share botbuilder's clients across turns
 * (stops 37 and 38); a bare botbuilder echo builds them every turn. This runs the same echo bot both ways, in
 * alternating rounds, so the bot-turn ratios can be read against either.
 *
 * BENCH_TURNS (default 2000) turns per measurement, BENCH_CONCURRENCY (default "1,8,32"), BENCH_ROUNDS
 * (default 3) rounds of both at each concurrency; the medians are kept.
 */
import { round, writeResult } from '../bench-kit';
import { startTurnServer, stopTurnServer } from './turn-client';
import { measureTurns, type TurnMeasurement } from './turn-measure';

const TURNS = Number(process.env.BENCH_TURNS ?? 2000);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,8,32').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** The middle value of each measure over the rounds (each taken on its own). */
function medianOf(runs: readonly TurnMeasurement[]): TurnMeasurement {
  const middle = (pick: (m: TurnMeasurement) => number) =>
    runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  return {
    turnsPerSecond: middle((m) => m.turnsPerSecond),
    cpuMsPerTurn: middle((m) => m.cpuMsPerTurn),
    serverBusy: middle((m) => m.serverBusy),
    loadGeneratorCpuMsPerTurn: middle((m) => m.loadGeneratorCpuMsPerTurn),
    p50Ms: middle((m) => m.p50Ms),
    p99Ms: middle((m) => m.p99Ms),
  };
}

async function main(): Promise<void> {
  // Echo servers have no store; the argument is only read by the bot.
  const [app, stock] = await Promise.all([
    startTurnServer('echo', 'sqlite', ''),
    startTurnServer('stock-echo', 'sqlite', ''),
  ]);
  const rows: Record<string, unknown>[] = [];
  try {
    await measureTurns(app, Math.min(300, TURNS), 8);
    await measureTurns(stock, Math.min(300, TURNS), 8);
    for (const concurrency of CONCURRENCY) {
      const appRuns: TurnMeasurement[] = [];
      const stockRuns: TurnMeasurement[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        appRuns.push(await measureTurns(app, TURNS, concurrency));
        stockRuns.push(await measureTurns(stock, TURNS, concurrency));
      }
      const appEcho = medianOf(appRuns);
      const stockEcho = medianOf(stockRuns);
      const row = {
        concurrency,
        appEcho,
        stockEcho,
        throughputRatio: round(stockEcho.turnsPerSecond / appEcho.turnsPerSecond, 3),
        cpuRatio: round(stockEcho.cpuMsPerTurn / appEcho.cpuMsPerTurn, 3),
      };
      rows.push(row);
      console.log(
        `c=${String(concurrency).padStart(2)}  app's echo ${appEcho.turnsPerSecond} turns/s, ${appEcho.cpuMsPerTurn} ms CPU, p99 ${appEcho.p99Ms} ms | stock botbuilder echo ${stockEcho.turnsPerSecond} turns/s, ${stockEcho.cpuMsPerTurn} ms CPU, p99 ${stockEcho.p99Ms} ms | throughput x${row.throughputRatio}, CPU x${row.cpuRatio}`,
      );
    }
  } finally {
    await Promise.all([stopTurnServer(app), stopTurnServer(stock)]);
  }
  console.log(`results: ${writeResult('echo-baseline', { turns: TURNS, rounds: ROUNDS, rows })}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
