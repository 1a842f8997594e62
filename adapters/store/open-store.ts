import { join } from 'node:path';
import type { Store } from '../../core/ports';
import { PostgresStore } from './postgres/postgres-store';
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
