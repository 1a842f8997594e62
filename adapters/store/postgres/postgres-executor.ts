import type { Pool, PoolClient } from 'pg';
import { UniqueViolation, type SqlExecutor } from '../sql/sql-executor';
import type { StatementNames } from './statement-names';

/** PostgreSQL's SQLSTATE for unique_violation. */
const UNIQUE_VIOLATION = '23505';

/**
 * Runs portable SQL on a pool (reads) or one client, as named statements where it can, one round trip each.
 * Writes that need not be waited for run in a transaction (`PostgresTransaction`).
 */
export class PostgresExecutor implements SqlExecutor {
  readonly dialect = 'postgres' as const;

  constructor(
    protected readonly target: Pool | PoolClient,
    protected readonly names: StatementNames,
  ) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await this.target.query(this.names.query(sql, params)).catch(throwStoreError);
    return result.rows as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const result = await this.target.query(this.names.query(sql, params)).catch(throwStoreError);
    return result.rowCount ?? 0;
  }

  write(sql: string, _params?: readonly unknown[]): void {
    throw new Error(`A write is sent without waiting only in a transaction: ${sql.slice(0, 60)}`);
  }

  async exec(sql: string): Promise<void> {
    await this.target.query(sql).catch(throwStoreError);
  }
}

/** A driver error as the stores report it: a broken unique constraint becomes `UniqueViolation`. */
export function storeError(err: unknown): unknown {
  const pgError = err as { code?: string; constraint?: string };
  if (pgError.code === UNIQUE_VIOLATION)
    return new UniqueViolation(pgError.constraint ?? 'unique', { cause: err });
  return err;
}

function throwStoreError(err: unknown): never {
  throw storeError(err);
}
