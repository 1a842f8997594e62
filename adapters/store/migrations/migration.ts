import type { Dialect } from '../sql/sql-executor';

/** Column types that differ by dialect, for migrations written once. */
export interface ColumnTypes {
  /** Text compared byte by byte in both dialects, so sort order and keyset paging agree across stores. */
  readonly text: string;
}

/** The column types of a dialect. */
export function columnTypes(dialect: Dialect): ColumnTypes {
  return { text: dialect === 'postgres' ? 'TEXT COLLATE "C"' : 'TEXT' };
}

/**
 * One schema change. Migrations are append-only: once released, a migration is never edited; a new one
 * (with a later date in its id) changes what an earlier one did.
 */
export interface Migration {
  /** `YYYY-MM-DD-NN-what`, so the ids sort in the order they apply. */
  readonly id: string;
  /** The statements, separated by semicolons. */
  up(types: ColumnTypes, dialect: Dialect): string;
}
