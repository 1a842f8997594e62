import type { Database, Statement } from 'better-sqlite3';
import { UniqueViolation, type SqlExecutor } from '../sql/sql-executor';

/** `$1` placeholders become `@p1` named parameters, which better-sqlite3 binds from an object. */
function toSqlite(sql: string): string {
  return sql.replace(/\$(\d+)/g, '@p$1');
}

function named(params: readonly unknown[]): Record<string, unknown> {
  const bound: Record<string, unknown> = {};
  params.forEach((v, i) => (bound[`p${i + 1}`] = v === undefined ? null : v));
  return bound;
}

function isUniqueViolation(err: unknown): err is Error & { code: string } {
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs portable SQL on one better-sqlite3 connection, with prepared statements cached by text. */
export class SqliteExecutor implements SqlExecutor {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.attempt(() => this.prepare(sql).all(named(params)) as T[]);
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.attempt(() => this.prepare(sql).run(named(params)).changes);
  }

  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
  }

  private attempt<T>(statement: () => T): T {
    try {
      return statement();
    } catch (err) {
      if (isUniqueViolation(err)) throw new UniqueViolation(err.message, { cause: err });
      throw err;
    }
  }

  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(toSqlite(sql));
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
