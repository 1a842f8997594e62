import type { Pool, PoolClient, QueryConfig, QueryResult } from 'pg';
import { PostgresExecutor, storeError } from './postgres-executor';
import type { StatementNames } from './statement-names';

/**
 * One transaction on one pooled connection (its pool pipelines): `BEGIN`, every `write`, and `COMMIT` go out
 * without waiting for the answers before them, so a unit of work pays a round trip only for what it reads.
 * Statements are also held in the socket (corked) until the end of the tick they were sent in, so the writes
 * before a read leave with it, and reads sent together leave together, in one system call: on loopback a send
 * costs the client more CPU than the statement.
 * PostgreSQL answers in order, and once a statement fails every later one in the transaction fails too (and
 * `COMMIT` ends it as a rollback), so a statement waited for that succeeds means every write before it did; when
 * one fails, the first write that failed is what is reported.
 */
export class PostgresTransaction extends PostgresExecutor {
  /** The writes sent since the transaction began; each settles without rejecting. */
  private unsettled: Promise<void>[] = [];
  /** The first write that failed. */
  private failure: { error: unknown } | undefined;
  /** Whether statements are being held in the socket until the end of this tick. */
  private holding = false;

  private constructor(
    private readonly client: PoolClient,
    names: StatementNames,
  ) {
    super(client, names);
  }

  /** Opens a transaction on the client; its `BEGIN` travels with the first statement. */
  static begin(client: PoolClient, names: StatementNames): PostgresTransaction {
    const transaction = new PostgresTransaction(client, names);
    transaction.write('BEGIN');
    return transaction;
  }

  override async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.awaited(this.names.query(sql, params))).rows as T[];
  }

  override async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.awaited(this.names.query(sql, params))).rowCount ?? 0;
  }

  override async exec(sql: string): Promise<void> {
    await this.awaited(sql);
  }

  override write(sql: string, params: readonly unknown[] = []): void {
    this.unsettled.push(
      this.send(this.names.query(sql, params)).then(
        () => undefined,
        (err: unknown) => {
          this.failure ??= { error: storeError(err) };
        },
      ),
    );
  }

  /** Commits; throws the first failed write's error when the transaction could not commit. */
  async commit(): Promise<void> {
    const committed = this.send('COMMIT').then(
      (result) => ({ command: result.command }),
      (error: unknown) => ({ error }),
    );
    await Promise.all(this.unsettled);
    this.unsettled = [];
    const outcome = await committed;
    if (this.failure) throw this.failure.error;
    if ('error' in outcome) throw storeError(outcome.error);
    // COMMIT of a transaction that a failure aborted answers ROLLBACK; every such failure was recorded above.
    if (outcome.command !== 'COMMIT')
      throw new Error(`PostgreSQL ended the transaction with ${outcome.command}`);
  }

  /** Rolls back after every write sent has been answered. */
  async rollback(): Promise<void> {
    const rolledBack = this.send('ROLLBACK').then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
    await Promise.all(this.unsettled);
    this.unsettled = [];
    const outcome = await rolledBack;
    if (outcome) throw outcome.error;
  }

  private async awaited(query: QueryConfig | string) {
    try {
      return await this.send(query);
    } catch (err) {
      // The statement failed because a write before it did, or by itself; report the first failure.
      await Promise.all(this.unsettled);
      throw this.failure ? this.failure.error : storeError(err);
    }
  }

  /** Sends a statement; every statement sent in the same tick leaves in one write to the socket. */
  private send(query: QueryConfig | string): Promise<QueryResult> {
    if (!this.holding) {
      this.holding = true;
      const socket = this.client.connection.stream;
      socket.cork();
      process.nextTick(() => {
        this.holding = false;
        socket.uncork();
      });
    }
    return this.client.query(query);
  }
}

/** Runs work in a transaction on a connection of the pool: committed when it returns, rolled back when it throws. */
export async function inPostgresTransaction<T>(
  pool: Pool,
  names: StatementNames,
  work: (db: PostgresTransaction) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  const transaction = PostgresTransaction.begin(client, names);
  let broken = false;
  try {
    const value = await work(transaction);
    await transaction.commit();
    return value;
  } catch (err) {
    // A failed ROLLBACK means the connection itself is gone: drop it from the pool, report the first error.
    await transaction.rollback().catch(() => (broken = true));
    throw err;
  } finally {
    client.release(broken);
  }
}
