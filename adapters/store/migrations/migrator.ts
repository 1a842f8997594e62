import type { SqlExecutor } from '../sql/sql-executor';
import { MIGRATIONS } from './index';
import { columnTypes } from './migration';

/**
 * Applies the migrations this database has not seen, in order, and returns their ids. Call it inside a
 * transaction that excludes other migrators (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so several
 * processes starting together apply each migration once.
 */
export async function migrate(db: SqlExecutor): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    (await db.all<{ id: string }>('SELECT id FROM schema_migrations')).map((r) => r.id),
  );
  const types = columnTypes(db.dialect);
  const done: string[] = [];
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.id)) continue;
    await db.exec(migration.up(types, db.dialect));
    await db.run('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)', [
      migration.id,
      new Date().toISOString(),
    ]);
    done.push(migration.id);
  }
  return done;
}
