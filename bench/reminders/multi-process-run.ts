/**
 * bench/reminders' multi-process passes: the same due reminders in one PostgreSQL schema, sent by several real
 * server processes (`server/main.ts`) at once against one fake Bot Connector, which counts Teams' limits across
 * all of them. A second pass sends the same reminders again and SIGKILLs one process mid-wave.
 */
import { hostname } from 'node:os';
import { Client } from 'pg';
import type { FakeBotConnector } from '../../testkit/fake-bot-connector';
import { ReminderTally } from '../../testkit/reminder-tally';
import { startServerProcess, type ServerProcess } from '../../testkit/server-process';
import { cpuSecondsOf, nowMs, round } from '../bench-kit';

/** What a multi-process pass needs. */
export interface MultiProcessPlan {
  /** The database URL the servers use (with its schema in `options`). */
  readonly databaseUrl: string;
  readonly processes: number;
  readonly total: number;
  /** Extra server environment (limits and scheduler settings the run passes through). */
  readonly env: Record<string, string>;
  /** How long to wait for every reminder before reporting what arrived. */
  readonly timeoutMs: number;
  readonly progress: (line: string) => void;
}

/** Figures of one pass. */
export interface MultiProcessFigures {
  readonly delivered: number;
  readonly duplicates: number;
  readonly throttled429: number;
  /** Until every reminder arrived, or the timeout when some never did. */
  readonly seconds: number;
}

/** The figures of the first pass. */
export interface FirstPassFigures extends MultiProcessFigures {
  /** CPU seconds the servers used together from when all were listening until every reminder arrived. */
  readonly serverCpuSeconds: number;
}

/** The figures of the kill pass. */
export interface KillFigures extends MultiProcessFigures {
  /** Reminders never delivered. */
  readonly lostAfterKill: number;
  /** Cards the killed process had handed to the connector but not yet recorded as delivered. */
  readonly sentUnrecordedAtKill: number;
  /** Reminders the killed process held claimed (sent or not) when it died. */
  readonly claimedAtKill: number;
}

/** Starts the servers side by side; resolves with them and when the first said "listening". */
async function startServers(plan: MultiProcessPlan): Promise<{ servers: ServerProcess[]; started: number }> {
  const listening: number[] = [];
  const servers = await Promise.all(
    Array.from({ length: plan.processes }, async () => {
      const server = await startServerProcess({ DATABASE_URL: plan.databaseUrl, ...plan.env }, 90_000);
      listening.push(nowMs());
      return server;
    }),
  );
  const started = Math.min(...listening);
  plan.progress(`  listening at ${listening.map((t) => round((t - started) / 1000)).join(', ')} s`);
  return { servers, started };
}

/** Waits until every reminder's card arrived or the timeout passed; returns the seconds it took. */
async function untilDelivered(
  connector: FakeBotConnector,
  tally: ReminderTally,
  plan: MultiProcessPlan,
  started: number,
): Promise<number> {
  const ticker = setInterval(
    () => plan.progress(`  ${tally.delivered} delivered, ${connector.throttled} throttled`),
    2000,
  );
  try {
    while (tally.delivered < plan.total && nowMs() - started < plan.timeoutMs)
      await new Promise((r) => setTimeout(r, 50));
    const seconds = (nowMs() - started) / 1000;
    plan.progress(`  tenants sent from–to ${tenantsDone(tally, started)} s`);
    return seconds;
  } finally {
    clearInterval(ticker);
  }
}

/** When each tenant's first and last card arrived, in seconds from the start: how evenly the work ran. */
export function tenantsDone(tally: ReminderTally, started: number): string {
  const at = (ms: number) => round((ms - started) / 1000);
  return [...tally.tenantSpans().values()]
    .sort((a, b) => a.last - b.last)
    .map((s) => `${at(s.first)}–${at(s.last)}`)
    .join(', ');
}

/**
 * Which server took and gave up which tenants, when (seconds from the start, by the servers' log lines): where
 * the tenants that finished late lost their time.
 */
function leaseTimeline(servers: readonly ServerProcess[], started: number): string[] {
  const startedAt = performance.timeOrigin + started;
  return servers.flatMap((server, i) =>
    server.logs.flatMap((line) => {
      const entry = parsed(line);
      if (entry?.message !== 'reminder tenants taken' && entry?.message !== 'reminder tenants given up')
        return [];
      const at = round((Date.parse(String(entry.time)) - startedAt) / 1000);
      const tenants = (entry.tenants as string[]).map((t) => t.slice(-2)).join(' ');
      return [
        `  ${at} s: server ${i + 1} ${entry.message === 'reminder tenants taken' ? 'took' : 'gave up'} ${tenants}`,
      ];
    }),
  );
}

function parsed(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Stops the servers that still run and waits for them. */
async function stopAll(servers: readonly ServerProcess[]): Promise<void> {
  for (const s of servers)
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
  await Promise.all(servers.map((s) => s.exited));
}

/** CPU seconds the servers still running have used so far, together. */
function serversCpu(servers: readonly ServerProcess[]): number {
  return servers
    .filter((s) => s.child.exitCode === null && s.child.signalCode === null)
    .reduce((sum, s) => sum + cpuSecondsOf(s.child.pid!), 0);
}

/** What the connector holds, as figures. */
function figures(connector: FakeBotConnector, tally: ReminderTally, seconds: number): MultiProcessFigures {
  return {
    delivered: tally.delivered,
    duplicates: tally.duplicates,
    throttled429: connector.throttled,
    seconds: round(seconds),
  };
}

/** Every seeded reminder sent by `processes` servers sharing the database. */
export async function multiProcessRun(
  plan: MultiProcessPlan,
  connector: FakeBotConnector,
): Promise<FirstPassFigures> {
  const tally = new ReminderTally(connector);
  const { servers, started } = await startServers(plan);
  const cpuAtStart = serversCpu(servers);
  try {
    const seconds = await untilDelivered(connector, tally, plan, started);
    const cpu = serversCpu(servers) - cpuAtStart;
    // A moment more, for any duplicate still on its way.
    await new Promise((r) => setTimeout(r, 1000));
    for (const line of leaseTimeline(servers, started)) plan.progress(line);
    return { ...figures(connector, tally, seconds), serverCpuSeconds: round(cpu, 1) };
  } finally {
    await stopAll(servers);
  }
}

/** Makes every reminder due again, as if nothing had been sent (the kill pass sends the same wave). */
export async function resetReminders(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `UPDATE reminders SET status = 'pending', lease_until = NULL, lease_owner = NULL, delivered_at = NULL,
         next_attempt_at = NULL, attempts = 0, last_error = NULL`,
    );
    await client.query('DELETE FROM reminder_deliveries');
    // The first pass's processes gave their tenants up on their way out; the second starts with none held.
    await client.query('DELETE FROM reminder_tenant_leases');
    await client.query('DELETE FROM reminder_workers');
  } finally {
    await client.end();
  }
}

/** Reminders a worker holds claimed, by id. */
async function claimedBy(databaseUrl: string, worker: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ id: string }>(
      `SELECT id FROM reminders WHERE status = 'sending' AND lease_owner = $1`,
      [worker],
    );
    return rows.rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

/**
 * The same wave again; once a third of it arrived, one server is killed with SIGKILL. What it had claimed
 * waits out its lease and is sent by the others: nothing may be lost, and only cards it had sent without
 * recording them may arrive twice.
 */
export async function killRun(plan: MultiProcessPlan, connector: FakeBotConnector): Promise<KillFigures> {
  const tally = new ReminderTally(connector);
  const { servers, started } = await startServers(plan);
  try {
    while (tally.delivered < plan.total / 3) await new Promise((r) => setTimeout(r, 20));
    const victim = servers[0]!;
    victim.child.kill('SIGKILL');
    await victim.exited;
    const held = await claimedBy(plan.databaseUrl, workerOf(victim));
    // The killed process can send nothing more: what of its claim arrived was on the wire when it died.
    const sentUnrecorded = held.filter((id) => tally.has(id)).length;
    plan.progress(`  killed one server holding ${held.length} claimed reminders`);
    const seconds = await untilDelivered(connector, tally, plan, started);
    await new Promise((r) => setTimeout(r, 1000));
    const base = figures(connector, tally, seconds);
    return {
      ...base,
      lostAfterKill: plan.total - base.delivered,
      sentUnrecordedAtKill: sentUnrecorded,
      claimedAtKill: held.length,
    };
  } finally {
    await stopAll(servers);
  }
}

/** The name a server process leases under (host and pid, as server/reminder-scheduler.ts names it). */
function workerOf(server: ServerProcess): string {
  return `${hostname()}:${server.child.pid}`;
}
