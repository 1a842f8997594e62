import type { Database, Statement } from 'better-sqlite3';
import { UniqueViolation, type SqlExecutor } from '../sql/sql-executor';

/**
 * A statement prepared for portable SQL: its `$n` placeholders became anonymous `?`s, which better-sqlite3
 * binds from an array in order (cheaper than named parameters, which it looks up by name one by one), and
 * `order` says which parameter each `?` takes, so a `$n` used twice or out of order still binds right.
 */
interface Prepared {
  readonly statement: Statement;
  readonly order: readonly number[];
}

function prepareSqlite(db: Database, sql: string): Prepared {
  const order: number[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
    order.push(Number(n) - 1);
    return '?';
  });
  return { statement: db.prepare(text), order };
}

/** The values in placeholder order, `undefined` as NULL. */
function bound(prepared: Prepared, params: readonly unknown[]): unknown[] {
  return prepared.order.map((i) => params[i] ?? null);
}

function isUniqueViolation(err: unknown): err is Error & { code: string } {
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs portable SQL on one better-sqlite3 connection, with prepared statements cached by text. */
export class SqliteExecutor implements SqlExecutor {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Prepared>();

  constructor(private readonly db: Database) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const prepared = this.prepare(sql);
    return this.attempt(() => prepared.statement.all(bound(prepared, params)) as T[]);
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const prepared = this.prepare(sql);
    return this.attempt(() => prepared.statement.run(bound(prepared, params)).changes);
  }

  /** Runs at once: better-sqlite3 has no round trip to save, and a failure throws here. */
  write(sql: string, params: readonly unknown[] = []): void {
    const prepared = this.prepare(sql);
    this.attempt(() => prepared.statement.run(bound(prepared, params)));
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

  private prepare(sql: string): Prepared {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = prepareSqlite(this.db, sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }
}
