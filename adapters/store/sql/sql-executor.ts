/** The SQL dialects the stores speak. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * Runs SQL written once for both dialects: `$1, $2, …` placeholders, portable types (TEXT, INTEGER,
 * DOUBLE PRECISION), `ON CONFLICT` upserts. Each store translates what little differs.
 */
export interface SqlExecutor {
  readonly dialect: Dialect;
  /** Rows of a query. */
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement and returns how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /**
   * Runs a write whose outcome the caller does not read (no count of changed rows, no constraint it expects to
   * break), in a unit of work. The store may send it without waiting for its answer: PostgreSQL pipelines it
   * behind the statements before it, so writes cost no round trip of their own. If it fails,
   * the unit of work fails (at the next statement it waits for, at commit at the latest) and stores nothing.
   */
  write(sql: string, params?: readonly unknown[]): void;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** A statement broke a UNIQUE or PRIMARY KEY constraint. Repositories turn it into a domain error. */
export class UniqueViolation extends Error {
  constructor(
    readonly constraint: string,
    options?: { cause: unknown },
  ) {
    super(`unique constraint violated: ${constraint}`, options);
    this.name = 'UniqueViolation';
  }
}

/** Collects parameter values and hands out their placeholders, for queries with optional filters. */
export class Params {
  readonly values: unknown[] = [];

  /** The placeholder for one value. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** Comma-separated placeholders for a list of values (for `IN (…)`). */
  list(values: readonly unknown[]): string {
    return values.map((v) => this.add(v)).join(', ');
  }
}
