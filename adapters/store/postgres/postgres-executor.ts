import type { Pool, PoolClient } from 'pg';
import { UniqueViolation, type SqlExecutor } from '../sql/sql-executor';
import type { StatementNames } from './statement-names';

/** PostgreSQL's SQLSTATE for unique_violation. */
const UNIQUE_VIOLATION = '23505';

/** Runs portable SQL on a pool (reads) or one client (a transaction), as named statements where it can. */
export class PostgresExecutor implements SqlExecutor {
  readonly dialect = 'postgres' as const;

  constructor(
    private readonly target: Pool | PoolClient,
    private readonly names: StatementNames,
  ) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await this.target.query(this.names.query(sql, params)).catch(translate);
    return result.rows as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const result = await this.target.query(this.names.query(sql, params)).catch(translate);
    return result.rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await this.target.query(sql).catch(translate);
  }
}

function translate(err: unknown): never {
  const pgError = err as { code?: string; constraint?: string };
  if (pgError.code === UNIQUE_VIOLATION)
    throw new UniqueViolation(pgError.constraint ?? 'unique', { cause: err });
  throw err;
}
