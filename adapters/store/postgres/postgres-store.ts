import { Pool, type PoolConfig } from 'pg';
import type { Repositories, Store, StoreReader, StoreReaders } from '../../../core/ports';
import type { ReminderQueue } from '../../../core/reminders/reminder-repository';
import { ReminderSqlQueue } from '../sql/reminder-sql-queue';
import { migrate } from '../migrations/migrator';
import { sqlRepositories } from '../sql/sql-repositories';
import { PostgresExecutor } from './postgres-executor';
import { inPostgresTransaction } from './postgres-transaction';
import { StatementNames } from './statement-names';

/** Key of the advisory lock that lets one process at a time migrate. */
const MIGRATION_LOCK_KEY = 7_316_212;

/** Options for connecting to PostgreSQL. */
export interface PostgresOptions {
  readonly connectionString: string;
  /** A schema to use instead of `public` (tests use one schema each). Created if missing. */
  readonly schema?: string;
  /** Most connections the pool opens. */
  readonly maxConnections?: number;
}

/** A connection pool for the options (the store's own, or a small one for work beside it). */
export function postgresPool(options: PostgresOptions): Pool {
  const config: PoolConfig = {
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // A connection sends each query without waiting for the one before to be answered. Only a transaction makes
    // use of it (PostgresTransaction: its writes, and statements issued together); a read on the pool has a
    // connection to itself.
    pipeline: true,
  };
  if (options.schema !== undefined) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema))
      throw new Error(`Unsafe schema name: ${options.schema}`);
    config.options = `-c search_path=${options.schema}`;
  }
  const pool = new Pool(config);
  // An idle client's connection error must not crash the process; the next query on it reports the failure.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * The shared store: several server processes can use one PostgreSQL database. Each transaction runs on its own
 * pooled connection at READ COMMITTED; writers to one space serialise on that space's evidence-head row lock.
 */
export class PostgresStore implements Store {
  readonly read: StoreReaders;
  readonly queue: ReminderQueue;

  /** Named statements of this store's pool (its connections keep them prepared). */
  private readonly names = new StatementNames();

  private constructor(private readonly pool: Pool) {
    this.read = sqlRepositories(new PostgresExecutor(pool, this.names));
    this.queue = new ReminderSqlQueue((work) => this.inTransaction(work));
  }

  /** Connects, creates the schema if asked, and applies pending migrations under an advisory lock. */
  static async open(options: PostgresOptions): Promise<PostgresStore> {
    const pool = postgresPool(options);
    const store = new PostgresStore(pool);
    try {
      if (options.schema !== undefined) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
      await store.inTransaction(async (db) => {
        await db.all('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
        await migrate(db);
      });
    } catch (err) {
      await pool.end();
      throw err;
    }
    return store;
  }

  /** Reads through a pool of its own, without migrating: what a worker thread reads with. */
  static openReader(options: PostgresOptions): StoreReader {
    const pool = postgresPool(options);
    return {
      read: sqlRepositories(new PostgresExecutor(pool, new StatementNames())),
      close: () => pool.end(),
    };
  }

  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.inTransaction((db) => work(sqlRepositories(db)));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private inTransaction<T>(work: (db: PostgresExecutor) => Promise<T>): Promise<T> {
    return inPostgresTransaction(this.pool, this.names, work);
  }
}
