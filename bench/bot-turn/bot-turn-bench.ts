/**
 * bench/bot-turn: what a whole Teams turn costs. The meeting-log submit turn (HTTP in, CloudAdapter, card data
 * parsed and validated, the meeting, two actions and their evidence stored in one transaction, the summary
 * card rendered and returned as the invoke answer) against a bare botbuilder echo turn answering the same
 * invoke, in the same run, at concurrency 1, 8 and 32, on SQLite and PostgreSQL.
 *
 * Each server runs in its own process; this one only generates load over loopback HTTP with keep-alive, and asks
 * each server for the CPU time it used during every measurement: on a shared machine a turn's CPU time moves
 * less with other work than its throughput does.
 * BENCH_TURNS (default 2000) turns per measurement, BENCH_STORES (default "sqlite,postgres"), BENCH_CONCURRENCY
 * (default "1,8,32"); BENCH_PROFILE=<dir> makes the servers write V8 CPU profiles there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { nowMs, quantile, round, runPool, writeResult } from '../bench-kit';
import { meetingSubmit } from './turn-activities';

const TURNS = Number(process.env.BENCH_TURNS ?? 2000);
const WARMUP = Math.min(300, TURNS);
const STORES = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',');
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,8,32').split(',').map(Number);
/** Users with their own personal chat (own space, own evidence chain), so PostgreSQL writers can overlap. */
const USERS = 32;
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Server {
  readonly url: string;
  readonly partners: string[];
  readonly child: ChildProcess;
}

async function startServer(kind: 'bot' | 'echo', store: string, schema: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROFILE] : []),
      '--import',
      'tsx',
      join(__dirname, 'turn-server.ts'),
      kind,
      store,
      String(USERS),
      schema,
    ],
    { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], env: { ...process.env, LOG_LEVEL: 'error' } },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  const parsed = JSON.parse(line) as { url: string; partners?: string[] };
  return { url: parsed.url, partners: parsed.partners ?? [], child };
}

/** CPU milliseconds a server process has used so far, on every thread (its store's worker included). */
function cpuMsOf(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.child.once('message', (usage: NodeJS.CpuUsage) => resolve((usage.user + usage.system) / 1000));
    server.child.send('cpu');
  });
}

async function stop(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** Fresh turn numbers across the whole run, so no submit is an idempotent replay of another. */
let turnNumber = 0;

/** Sends `count` turns with `concurrency` in flight; fails the run on any answer that is not the expected one. */
async function measure(server: Server, kind: 'bot' | 'echo', count: number, concurrency: number) {
  const bodies = Array.from({ length: count }, () => {
    const n = turnNumber++;
    const user = n % USERS;
    return JSON.stringify(meetingSubmit(n, user, server.partners[user] ?? 'ptn_none'));
  });
  const cpuBefore = await cpuMsOf(server);
  const started = nowMs();
  const latencies = await runPool(count, concurrency, async (i) => {
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bodies[i],
    });
    const answer = (await res.json()) as { type?: string; value?: unknown };
    const expected =
      kind === 'bot'
        ? 'application/vnd.microsoft.card.adaptive'
        : 'application/vnd.microsoft.activity.message';
    if (res.status !== 200 || answer.type !== expected)
      throw new Error(`${kind} turn failed: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
    if (kind === 'bot' && !JSON.stringify(answer.value).includes('Meeting logged'))
      throw new Error(`bot turn did not log a meeting: ${JSON.stringify(answer).slice(0, 300)}`);
  });
  const seconds = (nowMs() - started) / 1000;
  const cpuMs = (await cpuMsOf(server)) - cpuBefore;
  return {
    turnsPerSecond: round(count / seconds, 1),
    cpuMsPerTurn: round(cpuMs / count, 3),
    p50Ms: round(quantile(latencies, 0.5), 2),
    p99Ms: round(quantile(latencies, 0.99), 2),
  };
}

async function dropSchema(schema: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

async function main(): Promise<void> {
  const results: Record<string, unknown>[] = [];
  for (const store of STORES) {
    const schema = `bench_turn_${process.pid}`;
    const [echo, bot] = await Promise.all([
      startServer('echo', store, schema),
      startServer('bot', store, schema),
    ]);
    try {
      await measure(echo, 'echo', WARMUP, 8);
      await measure(bot, 'bot', WARMUP, 8);
      for (const concurrency of CONCURRENCY) {
        const e = await measure(echo, 'echo', TURNS, concurrency);
        const b = await measure(bot, 'bot', TURNS, concurrency);
        const row = {
          store,
          concurrency,
          echo: e,
          meetingSubmit: b,
          throughputRatio: round(b.turnsPerSecond / e.turnsPerSecond, 3),
          p99Ratio: round(b.p99Ms / e.p99Ms, 2),
          cpuRatio: round(e.cpuMsPerTurn / b.cpuMsPerTurn, 3),
        };
        results.push(row);
        console.log(
          `${store.padEnd(8)} c=${String(concurrency).padStart(2)}  echo ${e.turnsPerSecond} turns/s p50 ${e.p50Ms} p99 ${e.p99Ms} ms | meeting submit ${b.turnsPerSecond} turns/s p50 ${b.p50Ms} p99 ${b.p99Ms} ms | throughput x${row.throughputRatio}, p99 x${row.p99Ratio} | server CPU per turn: echo ${e.cpuMsPerTurn} ms, submit ${b.cpuMsPerTurn} ms, x${row.cpuRatio}`,
        );
      }
    } finally {
      await Promise.all([stop(echo), stop(bot)]);
      if (store === 'postgres') await dropSchema(schema);
    }
  }
  console.log(`results: ${writeResult('bot-turn', { turns: TURNS, users: USERS, rows: results })}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
