import type { EventLoopUtilization } from 'node:perf_hooks';
import { nowMs, postgresCpuByProcess, postgresCpuSecondsSince, quantile, round } from '../bench-kit';
import { sendTurns, type TurnServer } from './turn-client';

/** One measurement of a turn server: throughput, what each turn cost and where, and the latency quantiles. */
export interface TurnMeasurement {
  readonly turnsPerSecond: number;
  /** The server process's CPU time per turn, every thread (its store's checkpoint worker included). */
  readonly cpuMsPerTurn: number;
  /**
   * Share of the measurement the server's main thread was busy (event-loop utilisation, 0 to 1). Near 1, that
   * one thread is what limits throughput, whatever the machine's other cores do.
   */
  readonly serverBusy: number;
  /** The load generator's (this process's) CPU time per turn: it shares the machine's cores with the server. */
  readonly loadGeneratorCpuMsPerTurn: number;
  /** For the bot on PostgreSQL: the local PostgreSQL's CPU time per turn, every one of its processes. */
  readonly databaseCpuMsPerTurn?: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** What a turn server reports of itself: its CPU time (every thread) and its main thread's busy and idle time. */
interface ServerUsage {
  cpu: NodeJS.CpuUsage;
  eventLoop: EventLoopUtilization;
}

/** Asks a turn server for its usage so far over its IPC channel (turn-server.ts answers "usage"). */
function usageOf(server: TurnServer): Promise<ServerUsage> {
  return new Promise((resolve) => {
    server.child.once('message', (usage: ServerUsage) => resolve(usage));
    server.child.send('usage');
  });
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** Sends `count` turns with `concurrency` in flight; fails the run on any answer that is not the expected one. */
export async function measureTurns(
  server: TurnServer,
  count: number,
  concurrency: number,
): Promise<TurnMeasurement> {
  const database = server.kind === 'bot' && server.store === 'postgres';
  const before = await usageOf(server);
  const databaseBefore = database ? postgresCpuByProcess() : undefined;
  const loadBefore = process.cpuUsage();
  const started = nowMs();
  const latencies = await sendTurns(server, count, concurrency);
  const seconds = (nowMs() - started) / 1000;
  const load = process.cpuUsage(loadBefore);
  const databaseSeconds = databaseBefore && postgresCpuSecondsSince(databaseBefore);
  const after = await usageOf(server);
  const active = after.eventLoop.active - before.eventLoop.active;
  const idle = after.eventLoop.idle - before.eventLoop.idle;
  return {
    turnsPerSecond: round(count / seconds, 1),
    cpuMsPerTurn: round((cpuMs(after.cpu) - cpuMs(before.cpu)) / count, 3),
    serverBusy: round(active / (active + idle), 2),
    loadGeneratorCpuMsPerTurn: round(cpuMs(load) / count, 3),
    ...(databaseSeconds === undefined
      ? {}
      : { databaseCpuMsPerTurn: round((databaseSeconds * 1000) / count, 3) }),
    p50Ms: round(quantile(latencies, 0.5), 2),
    p99Ms: round(quantile(latencies, 0.99), 2),
  };
}
