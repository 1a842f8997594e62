import Database from 'better-sqlite3';
import { SqliteExecutor } from '../../../adapters/store/sqlite/sqlite-executor';
import { UniqueViolation } from '../../../adapters/store/sql/sql-executor';

describe('SqliteExecutor: portable `$n` placeholders on SQLite', () => {
  let db: Database.Database;
  let sql: SqliteExecutor;

  beforeEach(async () => {
    db = new Database(':memory:');
    sql = new SqliteExecutor(db);
    await sql.exec('CREATE TABLE pairs (id TEXT PRIMARY KEY, a TEXT, b TEXT)');
  });
  afterEach(() => db.close());

  it('binds each placeholder to its numbered parameter, whatever the order they appear in', async () => {
    await sql.run('INSERT INTO pairs (b, id, a) VALUES ($3, $1, $2)', ['one', 'first', 'second']);

    expect(await sql.all('SELECT id, a, b FROM pairs')).toEqual([{ id: 'one', a: 'first', b: 'second' }]);
  });

  it('binds a placeholder used twice to the same value, and ignores parameters the SQL does not name', async () => {
    await sql.run('INSERT INTO pairs (id, a, b) VALUES ($1, $2, $2)', ['twice', 'same', 'unused']);

    expect(await sql.all('SELECT a, b FROM pairs WHERE id = $1', ['twice'])).toEqual([
      { a: 'same', b: 'same' },
    ]);
  });

  it('stores undefined as NULL', async () => {
    await sql.run('INSERT INTO pairs (id, a, b) VALUES ($1, $2, $3)', ['gaps', undefined, null]);

    expect(await sql.all('SELECT a, b FROM pairs')).toEqual([{ a: null, b: null }]);
  });

  it('reports a duplicate key as a UniqueViolation and changes nothing', async () => {
    await sql.run('INSERT INTO pairs (id, a) VALUES ($1, $2)', ['k', 'kept']);

    await expect(sql.run('INSERT INTO pairs (id, a) VALUES ($1, $2)', ['k', 'other'])).rejects.toBeInstanceOf(
      UniqueViolation,
    );
    expect(await sql.all('SELECT a FROM pairs')).toEqual([{ a: 'kept' }]);
  });
});
