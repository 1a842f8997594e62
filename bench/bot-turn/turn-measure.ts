import { nowMs, quantile, round } from '../bench-kit';
import { sendTurns, type TurnServer, type TurnServerKind } from './turn-client';

/** One measurement of a turn server: throughput, its CPU time per turn and the latency quantiles. */
export interface TurnMeasurement {
  readonly turnsPerSecond: number;
  readonly cpuMsPerTurn: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** CPU milliseconds a server process has used so far, on every thread (its store's worker included). */
function cpuMsOf(server: TurnServer): Promise<number> {
  return new Promise((resolve) => {
    server.child.once('message', (usage: NodeJS.CpuUsage) => resolve((usage.user + usage.system) / 1000));
    server.child.send('cpu');
  });
}

/** Sends `count` turns with `concurrency` in flight; fails the run on any answer that is not the expected one. */
export async function measureTurns(
  server: TurnServer,
  kind: TurnServerKind,
  count: number,
  concurrency: number,
): Promise<TurnMeasurement> {
  const cpuBefore = await cpuMsOf(server);
  const started = nowMs();
  const latencies = await sendTurns(server, kind, count, concurrency);
  const seconds = (nowMs() - started) / 1000;
  const cpuMs = (await cpuMsOf(server)) - cpuBefore;
  return {
    turnsPerSecond: round(count / seconds, 1),
    cpuMsPerTurn: round(cpuMs / count, 3),
    p50Ms: round(quantile(latencies, 0.5), 2),
    p99Ms: round(quantile(latencies, 0.99), 2),
  };
}
