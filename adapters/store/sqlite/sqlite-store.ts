import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Repositories, Store, StoreReader, StoreReaders } from '../../../core/ports';
import type { ReminderQueue } from '../../../core/reminders/reminder-repository';
import { ReminderSqlQueue } from '../sql/reminder-sql-queue';
import { migrate } from '../migrations/migrator';
import { sqlRepositories } from '../sql/sql-repositories';
import { GroupCommit } from './group-commit';
import { SqliteExecutor } from './sqlite-executor';
import { WalCheckpointer } from './wal-checkpointer';

/** How long a connection waits for another process's lock before failing. */
const BUSY_TIMEOUT_MS = 5000;

/** SQLite's own automatic checkpoint threshold, restored if the checkpoint worker fails. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/**
 * The embedded store: one SQLite file in WAL mode. A write connection runs transactions one at a time (SQLite
 * has one writer anyway), and concurrent ones share a commit ({@link GroupCommit}); a second, query-only
 * connection serves reads, which never see uncommitted data.
 *
 * `synchronous = NORMAL` in WAL mode means a committed transaction survives the process being killed; only a
 * power cut can lose the last commits. `FULL` trades speed for surviving that too.
 */
export class SqliteStore implements Store {
  readonly read: StoreReaders;
  readonly queue: ReminderQueue;
  private readonly tx: Repositories;
  private readonly writerSql: SqliteExecutor;
  private readonly commits: GroupCommit;
  private readonly checkpointer: WalCheckpointer | undefined;
  private closed = false;

  private constructor(
    private readonly writer: Database.Database,
    private readonly reader: Database.Database,
    file: string,
  ) {
    this.writerSql = new SqliteExecutor(writer);
    if (file !== ':memory:') {
      // Checkpoints run on a worker thread instead of inside whichever commit crosses the threshold.
      writer.pragma('wal_autocheckpoint = 0');
      this.checkpointer = new WalCheckpointer(
        file,
        BUSY_TIMEOUT_MS,
        () => this.commits.between(() => writer.pragma('wal_checkpoint(PASSIVE)')),
        () => writer.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`),
      );
    }
    this.commits = new GroupCommit(writer, () => this.checkpointer?.committed());
    this.tx = sqlRepositories(this.writerSql);
    this.read = sqlRepositories(new SqliteExecutor(reader));
    this.queue = new ReminderSqlQueue((work) => this.exclusive(() => work(this.writerSql)));
  }

  /** Opens (creating if needed) the database file and applies pending migrations. */
  static async open(file: string, options: { synchronous?: 'NORMAL' | 'FULL' } = {}): Promise<SqliteStore> {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const writer = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    writer.pragma('journal_mode = WAL');
    writer.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    writer.pragma('foreign_keys = ON');
    // Each group-commit transaction has its own savepoint, whose journal of changed pages SQLite moves to a
    // temporary file past 64 KiB: a meeting submit passed that, and wrote each page to the file as well as to the
    // log. In memory it costs a copy (strace: two system calls fewer per page; a meeting log at concurrency 8
    // took 1.33 ms of CPU against 1.72). Sorts and temporary tables on this connection stay in memory too.
    writer.pragma('temp_store = MEMORY');
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
    return new SqliteStore(writer, reader, file);
  }

  /**
   * A query-only connection to a database another thread or process opened (and migrated): what a worker
   * thread reads with.
   */
  static openReader(file: string): StoreReader {
    const db = new Database(file, { timeout: BUSY_TIMEOUT_MS, fileMustExist: true });
    db.pragma('query_only = ON');
    return { read: sqlRepositories(new SqliteExecutor(db)), close: async () => void db.close() };
  }

  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.exclusive(() => work(this.tx));
  }

  /** Runs work in a transaction on the write connection, after every earlier one; answered once committed. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('Store is closed'));
    return this.commits.run(work);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.commits.idle();
    await this.checkpointer?.close();
    this.reader.close();
    this.writer.close();
  }
}
