import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Repositories, Store, StoreReaders } from '../../../core/ports';
import { migrate } from '../migrations/migrator';
import { sqlRepositories } from '../sql/sql-repositories';
import { SqliteExecutor } from './sqlite-executor';

/** How long a connection waits for another process's lock before failing. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * The embedded store: one SQLite file in WAL mode. A write connection runs transactions one at a time (SQLite
 * has one writer anyway); a second, query-only connection serves reads, which never see uncommitted data.
 *
 * `synchronous = NORMAL` in WAL mode means a committed transaction survives the process being killed; only a
 * power cut can lose the last commits. `FULL` trades speed for surviving that too.
 */
export class SqliteStore implements Store {
  readonly read: StoreReaders;
  private readonly tx: Repositories;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly writer: Database.Database,
    private readonly reader: Database.Database,
  ) {
    this.tx = sqlRepositories(new SqliteExecutor(writer));
    this.read = sqlRepositories(new SqliteExecutor(reader));
  }

  /** Opens (creating if needed) the database file and applies pending migrations. */
  static async open(file: string, options: { synchronous?: 'NORMAL' | 'FULL' } = {}): Promise<SqliteStore> {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const writer = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    writer.pragma('journal_mode = WAL');
    writer.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    writer.pragma('foreign_keys = ON');
    const migrator = new SqliteExecutor(writer);
    writer.exec('BEGIN IMMEDIATE');
    try {
      await migrate(migrator);
      writer.exec('COMMIT');
    } catch (err) {
      writer.exec('ROLLBACK');
      writer.close();
      throw err;
    }
    const reader = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    reader.pragma('query_only = ON');
    return new SqliteStore(writer, reader);
  }

  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('Store is closed'));
    const result = this.queue.then(async () => {
      this.writer.exec('BEGIN IMMEDIATE');
      try {
        const value = await work(this.tx);
        this.writer.exec('COMMIT');
        return value;
      } catch (err) {
        if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
        throw err;
      }
    });
    // The next transaction waits for this one to settle, whether it committed or not.
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    this.reader.close();
    this.writer.close();
  }
}
