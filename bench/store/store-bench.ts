/**
 * bench/store: how fast the stores take and return meetings with their evidence.
 *
 * Per store: N meetings logged through the real use case (meeting + evidence event + check-in, one
 * transaction each), against a baseline in the same run of N bare single-row INSERT transactions on the same
 * driver; then every meeting listed back through keyset pages of 100; then random point reads: single meetings
 * read by id in a repeatable random order, through the store (`meetings.get`) and through core (`meetings.view`,
 * the meeting with its partners, actions and people, as a card or page shows it), against bare single-row
 * SELECTs by primary key of the baseline's rows on the same driver, in the same order and concurrency, the
 * three taking turns in rounds of 500.
 * BENCH_MEETINGS (default 100000) sets N; BENCH_READS (default 20000) the point reads of each kind;
 * BENCH_STORES (default "sqlite,postgres") the stores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../core/core';
import { decodeCursor } from '../../core/common/paging';
import type { Store } from '../../core/ports';
import { PostgresStore } from '../../adapters/store/postgres/postgres-store';
import { SqliteStore } from '../../adapters/store/sqlite/sqlite-store';
import { SystemClock } from '../../adapters/system/system-clock';
import { UlidIds } from '../../adapters/system/ulid-ids';
import { aCaller, aMeetingInput, aPartnerInput } from '../../testkit/factories';
import { BENCH_DATABASE_URL, nowMs, quantile, round, runPool, writeResult } from '../bench-kit';
import { randomIndexes } from '../seeded-random';
import { timePointReads, type PointReadFigures } from './point-reads';

const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 100_000);
const READS = Number(process.env.BENCH_READS ?? 20_000);
const STORES = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',');
/** PostgreSQL writers to different spaces run in parallel; this many spaces and connections. */
const PG_SPACES = 16;

interface Opened {
  store: Store;
  /** Runs one bare INSERT in its own transaction: the baseline. */
  bareInsert(i: number): Promise<void>;
  /** Reads the baseline's row `i` back by primary key, failing if it is not there: the point-read baseline. */
  bareSelect(i: number): Promise<void>;
  concurrency: number;
  spaces: number;
  close(): Promise<void>;
}

async function openSqlite(): Promise<Opened> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  const file = join(dir, 'bench.sqlite');
  const store = await SqliteStore.open(file);
  const Database = (await import('better-sqlite3')).default;
  const raw = new Database(join(dir, 'baseline.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.exec('CREATE TABLE baseline (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
  const insert = raw.prepare('INSERT INTO baseline (id, body) VALUES (?, ?)');
  const select = raw.prepare('SELECT id, body FROM baseline WHERE id = ?');
  return {
    store,
    concurrency: 1,
    spaces: 1,
    bareInsert: async (i) => void insert.run(`row-${i}`, 'x'.repeat(400)),
    bareSelect: async (i) => {
      if (!select.get(`row-${i}`)) throw new Error(`baseline row ${i} missing`);
    },
    close: async () => {
      raw.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(): Promise<Opened> {
  const schema = `bench_${process.pid}`;
  const store = await PostgresStore.open({
    connectionString: BENCH_DATABASE_URL,
    schema,
    maxConnections: PG_SPACES,
  });
  const { Pool } = await import('pg');
  const pool = new Pool({
    connectionString: BENCH_DATABASE_URL,
    max: PG_SPACES,
    options: `-c search_path=${schema}`,
  });
  await pool.query('CREATE TABLE baseline (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
  return {
    store,
    concurrency: PG_SPACES,
    spaces: PG_SPACES,
    bareInsert: async (i) =>
      void (await pool.query('INSERT INTO baseline (id, body) VALUES ($1, $2)', [
        `row-${i}`,
        'x'.repeat(400),
      ])),
    bareSelect: async (i) => {
      const found = await pool.query('SELECT id, body FROM baseline WHERE id = $1', [`row-${i}`]);
      if (found.rowCount !== 1) throw new Error(`baseline row ${i} missing`);
    },
    close: async () => {
      await pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await pool.end();
      await store.close();
    },
  };
}

async function benchStore(name: string, opened: Opened) {
  const core = createCore({ store: opened.store, clock: new SystemClock(), ids: new UlidIds() });
  const callers = Array.from({ length: opened.spaces }, (_, s) => aCaller({ spaceId: `team:bench-${s}` }));
  const partners = await Promise.all(
    callers.map(async (c) => (await core.partners.add(c, aPartnerInput())).partner.id),
  );
  const start = Date.parse('2025-01-01T09:00:00Z');

  let t0 = nowMs();
  const baselineLatencies = await runPool(MEETINGS, opened.concurrency, opened.bareInsert);
  const baselineSeconds = (nowMs() - t0) / 1000;

  // Meeting i is in space i % spaces; its id is kept for the point reads.
  const meetingIds: string[] = new Array(MEETINGS);
  t0 = nowMs();
  const insertLatencies = await runPool(MEETINGS, opened.concurrency, async (i) => {
    const s = i % opened.spaces;
    const occurredAt = new Date(start + i * 60_000).toISOString();
    const logged = await core.meetings.log(
      callers[s]!,
      aMeetingInput(partners[s]!, { occurredAt, actions: [], attendees: [] }),
    );
    meetingIds[i] = logged.meeting.id;
  });
  const insertSeconds = (nowMs() - t0) / 1000;

  // Lists every meeting back, space by space, newest first, 100 per page.
  t0 = nowMs();
  let listed = 0;
  let pages = 0;
  const pageLatencies: number[] = [];
  for (const caller of callers) {
    let cursor: string | null = null;
    do {
      const p0 = nowMs();
      const after = cursor ? decodeCursor(cursor) : undefined;
      const page = await core.meetings.list(caller.scope, {}, { limit: 100, after });
      pageLatencies.push(nowMs() - p0);
      listed += page.items.length;
      pages += 1;
      cursor = page.nextCursor;
    } while (cursor);
  }
  const listSeconds = (nowMs() - t0) / 1000;

  const verifyStarted = nowMs();
  const verdict = await core.evidence.verify(callers[0]!.scope);
  const verifySeconds = (nowMs() - verifyStarted) / 1000;

  // The same random rows for all three, so they differ only in what reads them.
  const indexes = randomIndexes(READS, MEETINGS);
  const scopeOf = (i: number) => callers[i % opened.spaces]!.scope;
  const [readBaseline, readStore, readView] = (await timePointReads(
    [
      { what: 'bare single-row SELECT by primary key, same driver', read: opened.bareSelect },
      {
        what: 'store meetings.get: one meeting by id',
        read: async (i) => {
          if (!(await opened.store.read.meetings.get(scopeOf(i), meetingIds[i]!)))
            throw new Error(`meeting ${i} missing`);
        },
      },
      {
        what: 'core meetings.view: one meeting by id with its partners, actions and people',
        read: async (i) => void (await core.meetings.view(scopeOf(i), meetingIds[i]!)),
      },
    ],
    indexes,
    opened.concurrency,
  )) as [PointReadFigures, PointReadFigures, PointReadFigures];

  return {
    store: name,
    meetings: MEETINGS,
    concurrency: opened.concurrency,
    spaces: opened.spaces,
    baseline: {
      what: 'bare single-row INSERT transactions, same driver',
      rowsPerSecond: round(MEETINGS / baselineSeconds),
      p50Ms: round(quantile(baselineLatencies, 0.5), 3),
      p99Ms: round(quantile(baselineLatencies, 0.99), 3),
    },
    insert: {
      what: 'meetings.log: meeting + evidence event + check-in, one transaction each',
      meetingsPerSecond: round(MEETINGS / insertSeconds),
      p50Ms: round(quantile(insertLatencies, 0.5), 3),
      p99Ms: round(quantile(insertLatencies, 0.99), 3),
      ratioToBaseline: round(MEETINGS / insertSeconds / (MEETINGS / baselineSeconds), 3),
    },
    list: {
      what: 'meetings.list, keyset pages of 100, newest first, every space in turn',
      items: listed,
      itemsPerSecond: round(listed / listSeconds),
      pages,
      pageP50Ms: round(quantile(pageLatencies, 0.5), 3),
      pageP99Ms: round(quantile(pageLatencies, 0.99), 3),
    },
    pointReads: {
      concurrency: opened.concurrency,
      baseline: readBaseline,
      store: {
        ...readStore,
        ratioToBaseline: round(readStore.readsPerSecond / readBaseline.readsPerSecond, 3),
      },
      view: { ...readView, ratioToBaseline: round(readView.readsPerSecond / readBaseline.readsPerSecond, 3) },
    },
    verifyChain: {
      events: verdict.checked,
      intact: verdict.intact,
      eventsPerSecond: round(verdict.checked / verifySeconds),
    },
  };
}

async function main(): Promise<void> {
  const results = [];
  for (const name of STORES) {
    const opened = name === 'postgres' ? await openPostgres() : await openSqlite();
    try {
      const result = await benchStore(name, opened);
      console.log(JSON.stringify(result));
      results.push(result);
    } finally {
      await opened.close();
    }
  }
  console.log(`wrote ${writeResult('store', results)}`);
}

void main();
