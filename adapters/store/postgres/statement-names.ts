import type { QueryConfig } from 'pg';

/** Most texts given names; past it, new texts run unnamed (bounds what each connection keeps prepared). */
export const MAX_NAMED_STATEMENTS = 2_000;

/** A `*` that expands to columns (`SELECT *`, `t.*`, `RETURNING *`), as opposed to `COUNT(*)`. */
const EXPANDED_COLUMNS = /(?<!\()\*(?!\))/;

/** Statements PostgreSQL plans (and so prepares); schema changes and the like run unnamed. */
const PLANNED = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;

/**
 * Names for server-side prepared statements: a named statement is parsed and planned once per connection, where
 * an unnamed one is parsed and planned on every call (about a tenth more meeting submits a second on the
 * bot-turn benchmark). Only SQL whose result columns cannot change is named: once another process's migration
 * adds a column, a statement prepared with `*` fails with "cached plan must not change result type", and inside
 * a transaction that error aborts it. One name per text, for the process's life.
 */
export class StatementNames {
  private readonly names = new Map<string, string | null>();

  /** The query for a text and its values, named when it can be. */
  query(text: string, values: readonly unknown[]): QueryConfig {
    const name = this.nameOf(text);
    return name === null
      ? { text, values: values as unknown[] }
      : { name, text, values: values as unknown[] };
  }

  private nameOf(text: string): string | null {
    let name = this.names.get(text);
    if (name !== undefined) return name;
    if (this.names.size >= MAX_NAMED_STATEMENTS) return null;
    name = PLANNED.test(text) && !EXPANDED_COLUMNS.test(text) ? `pcrm_${this.names.size}` : null;
    this.names.set(text, name);
    return name;
  }
}
