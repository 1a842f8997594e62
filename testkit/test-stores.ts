import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../core/ports';
import type { ReaderLocation } from '../adapters/store/open-store';
import { PostgresStore } from '../adapters/store/postgres/postgres-store';
import { SqliteStore } from '../adapters/store/sqlite/sqlite-store';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from './postgres';

/** A store opened for one test file, and how to throw it away. */
export interface TestStore {
  readonly store: Store;
  /** Where another thread opens its own connection to it (export workers). */
  readonly readerLocation: ReaderLocation;
  /** Runs raw SQL against the same database (for tamper tests). */
  readonly raw: (sql: string, params?: unknown[]) => Promise<unknown[]>;
  dispose(): Promise<void>;
}

/** One kind of store the contract suites run against. */
export interface StoreKind {
  readonly name: 'sqlite' | 'postgres';
  open(): Promise<TestStore>;
}

/** A SQLite file in a fresh temporary directory. */
export async function openSqliteTestStore(): Promise<TestStore & { file: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'partner-crm-'));
  const file = join(dir, 'test.sqlite');
  const store = await SqliteStore.open(file);
  // A separate connection for raw SQL, as a tamperer with file access would have.
  const Database = (await import('better-sqlite3')).default;
  const rawDb = new Database(file);
  return {
    store,
    file,
    dir,
    readerLocation: { sqliteFile: file },
    raw: async (sql, params = []) => {
      const statement = rawDb.prepare(sql);
      return statement.reader ? statement.all(...params) : (statement.run(...params), []);
    },
    dispose: async () => {
      rawDb.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh schema in the test PostgreSQL database. */
export async function openPostgresTestStore(): Promise<TestStore & { schema: string }> {
  const schema = freshSchemaName();
  const store = await PostgresStore.open({ connectionString: TEST_DATABASE_URL, schema, maxConnections: 8 });
  const { Client } = await import('pg');
  const raw = async (sql: string, params: unknown[] = []) => {
    const client = new Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      // Tamper tests write `?` placeholders, as SQLite does; number them for PostgreSQL.
      let n = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows;
    } finally {
      await client.end();
    }
  };
  return {
    store,
    schema,
    readerLocation: { postgres: { connectionString: TEST_DATABASE_URL, schema, maxConnections: 2 } },
    raw,
    dispose: async () => {
      await store.close();
      await dropSchema(schema);
    },
  };
}

/** Both stores; suites run over this, so everything they check holds on both (PostgreSQL is never skipped). */
export const STORE_KINDS: readonly StoreKind[] = [
  { name: 'sqlite', open: openSqliteTestStore },
  { name: 'postgres', open: openPostgresTestStore },
];
