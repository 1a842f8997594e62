/**
 * What both bot-turn benchmarks share: starting a turn server (`turn-server.ts`) in a process of its own, and
 * sending it meeting-form submits over loopback HTTP, checking every answer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { BENCH_DATABASE_URL, runPool } from '../bench-kit';
import { LoopbackClient } from './loopback-client';
import { meetingSubmit } from './turn-activities';

/** Users with their own personal chat (own space, own evidence chain), so PostgreSQL writers can overlap. */
export const USERS = 32;

/**
 * `bot`: the app. `echo`: an echo bot on the app's own adapter and endpoint. `stock-echo`: the same echo bot on
 * botbuilder's stock `CloudAdapter` (bench/bot-turn/stock-echo.ts).
 */
export type TurnServerKind = 'bot' | 'echo' | 'stock-echo';

/** A running turn server. */
export interface TurnServer {
  readonly kind: TurnServerKind;
  /** The bot's store, `sqlite` or `postgres` (echo servers have none and ignore it). */
  readonly store: string;
  readonly url: string;
  readonly partners: string[];
  readonly child: ChildProcess;
}

/**
 * Starts a turn server. `launcher` runs in front of Node (a profiler such as valgrind) and `nodeFlags` go to
 * Node itself. The server's stderr is passed through unless `stderr` is 'pipe'.
 */
export async function startTurnServer(
  kind: TurnServerKind,
  store: string,
  schema: string,
  options: { launcher?: string[]; nodeFlags?: string[]; stderr?: 'inherit' | 'pipe' } = {},
): Promise<TurnServer> {
  const [command, ...launcherArgs] = [...(options.launcher ?? []), process.execPath];
  const child = spawn(
    command!,
    [
      ...launcherArgs,
      ...(options.nodeFlags ?? []),
      '--import',
      'tsx',
      join(__dirname, 'turn-server.ts'),
      kind,
      store,
      String(USERS),
      schema,
    ],
    {
      stdio: ['ignore', 'pipe', options.stderr ?? 'inherit', 'ipc'],
      env: { ...process.env, LOG_LEVEL: 'error' },
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  const parsed = JSON.parse(line) as { url: string; partners?: string[] };
  return { kind, store, url: parsed.url, partners: parsed.partners ?? [], child };
}

/** Stops a turn server and waits until its process (and its output) has closed. */
export async function stopTurnServer(server: TurnServer): Promise<void> {
  const closed = new Promise((resolve) => server.child.once('close', resolve));
  server.child.kill('SIGTERM');
  await closed;
}

/** Fresh turn numbers across the whole run, so no submit is an idempotent replay of another. */
let turnNumber = 0;

/**
 * Sends `count` meeting submits with `concurrency` in flight; fails on any answer that is not the expected one
 * (for the bot, a card saying the meeting was logged). Returns each turn's latency in milliseconds.
 */
export async function sendTurns(server: TurnServer, count: number, concurrency: number): Promise<number[]> {
  const { kind } = server;
  const bodies = Array.from({ length: count }, () => {
    const n = turnNumber++;
    const user = n % USERS;
    return JSON.stringify(meetingSubmit(n, user, server.partners[user] ?? 'ptn_none'));
  });
  const expected =
    kind === 'bot' ? 'application/vnd.microsoft.card.adaptive' : 'application/vnd.microsoft.activity.message';
  const url = new URL('/api/messages', server.url);
  const client = new LoopbackClient();
  try {
    return await runPool(count, concurrency, async (i) => {
      const { status, text } = await client.post(url, bodies[i]!);
      const answer = JSON.parse(text) as { type?: string };
      if (status !== 200 || answer.type !== expected)
        throw new Error(`${kind} turn failed: ${status} ${text.slice(0, 300)}`);
      if (kind === 'bot' && !text.includes('Meeting logged'))
        throw new Error(`bot turn did not log a meeting: ${text.slice(0, 300)}`);
    });
  } finally {
    client.close();
  }
}

/** Drops a PostgreSQL run's schema. */
export async function dropSchema(schema: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: BENCH_DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}
