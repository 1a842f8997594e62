/**
 * bench/reminders: 10,000 due reminders for 2,000 owners across 10 tenants, sent by the server's own scheduler
 * (default settings) through botbuilder to the fake Bot Connector, which enforces Teams' limits and answers 429
 * to anything over them. Reports delivered, duplicates, 429s provoked and wall time, against the floor the
 * limits allow (each tenant may receive 50 a second, so 1,000 per tenant take at least 20 s) and against a
 * baseline in the same run: the same sends paced by the same limiter straight from memory, with no store.
 * BENCH_REMINDER_TENANTS / _OWNERS / _PER_OWNER change the shape.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteFileIn } from '../../adapters/store/open-store';
import { SqliteStore } from '../../adapters/store/sqlite/sqlite-store';
import type { RateWindow } from '../../core/common/rate-window';
import { loadConfig } from '../../server/config';
import { FakeBotConnector } from '../../testkit/fake-bot-connector';
import { seedDueCheckIns } from '../../testkit/reminder-seed';
import { ReminderTally } from '../../testkit/reminder-tally';
import { startServerProcess } from '../../testkit/server-process';
import { testCore } from '../../testkit/test-core';
import { PostgresStore } from '../../adapters/store/postgres/postgres-store';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../../testkit/postgres';
import { cpuSecondsOf, nowMs, round, writeResult } from '../bench-kit';
import {
  killRun,
  multiProcessRun,
  resetReminders,
  tenantsDone,
  type MultiProcessPlan,
} from './multi-process-run';

const TENANTS = Number(process.env.BENCH_REMINDER_TENANTS ?? 10);
const OWNERS = Number(process.env.BENCH_REMINDER_OWNERS ?? 2000);
const PER_OWNER = Number(process.env.BENCH_REMINDER_PER_OWNER ?? 5);
const TOTAL = OWNERS * PER_OWNER;
/** Server processes sharing one PostgreSQL in the multi-process passes (0 skips them). */
const PROCESSES = Number(process.env.BENCH_REMINDER_PROCESSES ?? 3);
/** The kill pass's reminder lease: what the killed process claimed waits this long before others send it. */
const KILL_PASS_LEASE_MS = 30_000;

/** Teams' limits as configured (TEAMS_RATE_CONVERSATION / TEAMS_RATE_TENANT), for the server and the connector. */
const RATES = Object.fromEntries(
  ['TEAMS_RATE_CONVERSATION', 'TEAMS_RATE_TENANT', 'REMINDER_CONCURRENCY', 'REMINDER_BATCH'].flatMap((k) =>
    process.env[k] ? [[k, process.env[k]!]] : [],
  ),
);
const config = loadConfig(RATES);
const limits = config.reminders;

/** Windows written back as the configuration writes them ("7/1s,8/2s"). */
function rateText(windows: readonly RateWindow[]): string {
  const unit = (ms: number) =>
    ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
  return windows.map((w) => `${w.count}/${unit(w.perMs)}`).join(',');
}

/** The least time Teams' limits allow for the whole run: the busiest tenant's or conversation's share. */
function floorSeconds(): number {
  const perTenant = TOTAL / TENANTS;
  const bound = (count: number, windows: readonly RateWindow[]) =>
    Math.max(...windows.map((w) => (Math.ceil(count / w.count) - 1) * (w.perMs / 1000)));
  return Math.max(bound(perTenant, limits.tenantLimits), bound(PER_OWNER, limits.conversationLimits));
}

/** The connector, enforcing the limits the app is configured with. */
async function limitedConnector(): Promise<FakeBotConnector> {
  const connector = await FakeBotConnector.start();
  connector.limits = { perConversation: limits.conversationLimits, perTenant: limits.tenantLimits };
  return connector;
}

/**
 * Every seeded reminder's card, sent by a real server process (`server/main.ts`, default scheduler settings)
 * from the seeded SQLite file, timed from its "listening" line until the connector has every reminder.
 */
async function schedulerRun(dataDir: string, connector: FakeBotConnector) {
  const tally = new ReminderTally(connector);
  const server = await startServerProcess({ DATA_DIR: dataDir, ...RATES });
  // From "listening": the scheduler's first round starts as the server does.
  const started = nowMs();
  const cpuAtStart = cpuSecondsOf(server.child.pid!);
  const ticker = setInterval(
    () => progress(`  ${tally.delivered} delivered, ${connector.throttled} throttled`),
    2000,
  );
  // The connector checks its waiters on every call; the tally reads each card once however often it is asked.
  await connector.waitFor(() => tally.delivered >= TOTAL, 600_000);
  const seconds = (nowMs() - started) / 1000;
  const serverCpuSeconds = cpuSecondsOf(server.child.pid!) - cpuAtStart;
  clearInterval(ticker);
  progress(`  tenants sent from–to ${tenantsDone(tally, started)} s`);
  server.child.kill('SIGTERM');
  await server.exited;
  return {
    delivered: tally.delivered,
    duplicates: tally.duplicates,
    throttled429: connector.throttled,
    seconds: round(seconds),
    serverCpuSeconds: round(serverCpuSeconds, 1),
  };
}

/**
 * The baseline, in its own process as the server is: the same number of cards from memory, paced by the same
 * limiter, through botbuilder, with no store. (Spawned asynchronously: this process serves the connector.)
 */
async function baselineRun(connector: FakeBotConnector) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'baseline-sender.ts')], {
    env: {
      ...process.env,
      BENCH_SERVICE_URL: connector.serviceUrl,
      BENCH_REMINDER_TENANTS: String(TENANTS),
      BENCH_REMINDER_OWNERS: String(OWNERS),
      BENCH_REMINDER_PER_OWNER: String(PER_OWNER),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`baseline sender exited with ${code}`);
  const { seconds } = JSON.parse(out.trim().split('\n').pop()!) as { seconds: number };
  return { sent: connector.posted().length, throttled429: connector.throttled, seconds };
}

/** A line on stderr, so a long run shows where it is. */
function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * The same reminders in a fresh PostgreSQL schema, sent by PROCESSES servers at once (pass one), then again
 * with one server SIGKILLed a third of the way through (pass two).
 */
async function multiProcessPasses(floor: number) {
  const schema = freshSchemaName();
  const databaseUrl = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  try {
    const connector = await limitedConnector();
    const seedStarted = nowMs();
    const store = await PostgresStore.open({
      connectionString: TEST_DATABASE_URL,
      schema,
      maxConnections: 12,
    });
    await seedDueCheckIns(testCore(store, '2026-03-02T08:00:00Z').core, {
      tenants: TENANTS,
      ownersPerTenant: OWNERS / TENANTS,
      partnersPerOwner: PER_OWNER,
      serviceUrl: connector.serviceUrl,
      parallel: true,
    });
    await store.close();
    progress(`seeded ${TOTAL} reminders in PostgreSQL in ${round((nowMs() - seedStarted) / 1000)} s`);
    // The seeded conversations name this connector's address, so both passes use it (Teams' counts carry over).
    const plan: MultiProcessPlan = {
      databaseUrl,
      processes: PROCESSES,
      total: TOTAL,
      env: RATES,
      timeoutMs: Math.max(120_000, 6 * floor * 1000),
      progress,
    };
    const first = await multiProcessRun(plan, connector);
    progress(`multi-process: ${JSON.stringify(first)}`);
    await resetReminders(databaseUrl);
    connector.reset();
    connector.throttled = 0;
    const killed = await killRun(
      {
        ...plan,
        env: { ...RATES, REMINDER_LEASE_MS: String(KILL_PASS_LEASE_MS) },
        timeoutMs: KILL_PASS_LEASE_MS + plan.timeoutMs,
      },
      connector,
    );
    progress(`kill pass: ${JSON.stringify(killed)}`);
    await connector.close();
    return {
      processes: PROCESSES,
      store: 'postgres' as const,
      ...first,
      ratioToFloor: round(first.seconds / floor),
      lostAfterKill: killed.lostAfterKill,
      killPass: { ...killed, leaseMs: KILL_PASS_LEASE_MS },
    };
  } finally {
    await dropSchema(schema);
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-reminders-'));
  try {
    const connector = await limitedConnector();
    const seedStarted = nowMs();
    const seedStore = await SqliteStore.open(sqliteFileIn(dataDir));
    await seedDueCheckIns(testCore(seedStore, '2026-03-02T08:00:00Z').core, {
      tenants: TENANTS,
      ownersPerTenant: OWNERS / TENANTS,
      partnersPerOwner: PER_OWNER,
      serviceUrl: connector.serviceUrl,
    });
    await seedStore.close();
    const seedSeconds = round((nowMs() - seedStarted) / 1000);
    progress(`seeded ${TOTAL} reminders in ${seedSeconds} s`);

    const floor = floorSeconds();
    const baselineConnector = await limitedConnector();
    const baseline = await baselineRun(baselineConnector);
    await baselineConnector.close();
    progress(`baseline: ${baseline.seconds} s`);
    const scheduler = await schedulerRun(dataDir, connector);
    await connector.close();
    const multiProcess = PROCESSES > 0 ? await multiProcessPasses(floor) : undefined;

    const result = {
      reminders: TOTAL,
      owners: OWNERS,
      tenants: TENANTS,
      limits: {
        conversation: rateText(limits.conversationLimits),
        tenant: rateText(limits.tenantLimits),
      },
      settings: { batch: limits.batch, concurrency: limits.concurrency },
      seedSeconds,
      floorSeconds: floor,
      baseline: { ...baseline, ratioToFloor: round(baseline.seconds / floor) },
      scheduler: { ...scheduler, ratioToFloor: round(scheduler.seconds / floor) },
      multiProcess,
    };
    console.log(JSON.stringify(result, null, 2));
    console.log(`written to ${writeResult('reminders', result)}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
