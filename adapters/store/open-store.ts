import { join } from 'node:path';
import type { Store, StoreReader } from '../../core/ports';
import { PostgresStore, type PostgresOptions } from './postgres/postgres-store';
import { SqliteStore } from './sqlite/sqlite-store';

/** Where the store lives: PostgreSQL when a URL is given, otherwise a SQLite file in `dataDir`. */
export interface StoreLocation {
  readonly databaseUrl?: string;
  readonly dataDir: string;
}

/** The SQLite file inside a data directory. */
export function sqliteFileIn(dataDir: string): string {
  return join(dataDir, 'partner-crm.sqlite');
}

/** Opens the configured store and brings its schema up to date. */
export async function openStore(location: StoreLocation): Promise<Store> {
  if (location.databaseUrl) return PostgresStore.open({ connectionString: location.databaseUrl });
  return SqliteStore.open(sqliteFileIn(location.dataDir));
}

/** Where another thread opens its own connection to a store: plain data, so it can be handed to a worker. */
export type ReaderLocation = { readonly sqliteFile: string } | { readonly postgres: PostgresOptions };

/** Where the configured store is read from. */
export function readerLocationOf(location: StoreLocation): ReaderLocation {
  return location.databaseUrl
    ? { postgres: { connectionString: location.databaseUrl, maxConnections: 2 } }
    : { sqliteFile: sqliteFileIn(location.dataDir) };
}

/** Opens a read-only connection to a store that is already open (and migrated) elsewhere. */
export function openReader(location: ReaderLocation): StoreReader {
  return 'sqliteFile' in location
    ? SqliteStore.openReader(location.sqliteFile)
    : PostgresStore.openReader(location.postgres);
}
