import type { Socket } from 'node:net';
import { Client, type Pool, type PoolClient } from 'pg';
import { PostgresExecutor } from '../../../adapters/store/postgres/postgres-executor';
import { postgresPool } from '../../../adapters/store/postgres/postgres-store';
import { inPostgresTransaction } from '../../../adapters/store/postgres/postgres-transaction';
import { StatementNames } from '../../../adapters/store/postgres/statement-names';
import { UniqueViolation } from '../../../adapters/store/sql/sql-executor';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../../../testkit/postgres';

describe('PostgreSQL transactions with pipelined writes', () => {
  const schema = freshSchemaName();
  const names = new StatementNames();
  let pool: Pool;

  beforeAll(async () => {
    const raw = new Client({ connectionString: TEST_DATABASE_URL });
    await raw.connect();
    await raw.query(`CREATE SCHEMA ${schema}`);
    await raw.query(`CREATE TABLE ${schema}.notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`);
    await raw.query(`INSERT INTO ${schema}.notes (id, body) VALUES (1, 'there before')`);
    await raw.end();
    // One connection: every transaction reuses the one before it, so one left half-done would show.
    pool = postgresPool({ connectionString: TEST_DATABASE_URL, schema, maxConnections: 1 });
  });
  afterAll(async () => {
    await pool.end();
    await dropSchema(schema);
  });

  const insert = 'INSERT INTO notes (id, body) VALUES ($1, $2)';
  const ids = async () =>
    (await pool.query<{ id: number }>('SELECT id FROM notes ORDER BY id')).rows.map((r) => r.id);

  it('stores every write once the work commits, and reads see the writes sent before them', async () => {
    const seen = await inPostgresTransaction(pool, names, async (db) => {
      db.write(insert, [2, 'second']);
      db.write(insert, [3, 'third']);
      db.write('UPDATE notes SET body = $1 WHERE id = $2', ['third, edited', 3]);
      return db.all<{ body: string }>('SELECT body FROM notes WHERE id = $1', [3]);
    });
    expect(seen).toEqual([{ body: 'third, edited' }]);
    expect(await ids()).toEqual([1, 2, 3]);
  });

  it('reports the write that failed to the statement waited for after it, not the aborted transaction', async () => {
    const outcome = inPostgresTransaction(pool, names, async (db) => {
      db.write(insert, [4, 'fourth']);
      db.write(insert, [1, 'a second first']);
      return db.all('SELECT id FROM notes');
    });
    await expect(outcome).rejects.toBeInstanceOf(UniqueViolation);
    expect(await ids()).toEqual([1, 2, 3]);
  });

  it('reports at commit a write that failed when nothing waited after it, and stores none of the work', async () => {
    const outcome = inPostgresTransaction(pool, names, async (db) => {
      db.write(insert, [5, 'fifth']);
      db.write(insert, [2, 'a second second']);
      db.write(insert, [6, 'sixth']);
    });
    await expect(outcome).rejects.toThrow(/notes_pkey/);
    await expect(outcome).rejects.toBeInstanceOf(UniqueViolation);
    expect(await ids()).toEqual([1, 2, 3]);
  });

  it('rolls back writes still in flight when the work throws, and the connection serves the next one', async () => {
    const outcome = inPostgresTransaction(pool, names, async (db) => {
      db.write(insert, [7, 'seventh']);
      throw new Error('the work changed its mind');
    });
    await expect(outcome).rejects.toThrow('the work changed its mind');
    expect(await ids()).toEqual([1, 2, 3]);

    await inPostgresTransaction(pool, names, async (db) => db.write(insert, [8, 'eighth']));
    expect(await ids()).toEqual([1, 2, 3, 8]);
  });

  it('reports the first failed write when several fail', async () => {
    const outcome = inPostgresTransaction(pool, names, async (db) => {
      db.write(insert, [3, 'a second third']);
      db.write('UPDATE no_such_table SET x = 1');
    });
    await expect(outcome).rejects.toBeInstanceOf(UniqueViolation);
  });

  it('sends what the work issues in one tick in one socket write: writes leave with the read after them', async () => {
    const sent: jest.SpyInstance[] = [];
    pool.once('acquire', (client: PoolClient) => {
      const socket = client.connection.stream as Socket;
      sent.push(jest.spyOn(socket, '_write'), jest.spyOn(socket, '_writev'));
    });
    const seen = await inPostgresTransaction(pool, names, async (db) => {
      db.write(insert, [10, 'tenth']);
      db.write(insert, [11, 'eleventh']);
      return Promise.all([
        db.all('SELECT id FROM notes WHERE id = $1', [10]),
        db.all('SELECT id FROM notes WHERE id = $1', [11]),
      ]);
    });
    const socketWrites = sent.reduce((total, spy) => total + spy.mock.calls.length, 0);
    jest.restoreAllMocks();
    expect(seen).toEqual([[{ id: 10 }], [{ id: 11 }]]);
    // BEGIN, both writes and both reads in one; COMMIT in the other.
    expect(socketWrites).toBe(2);
  });

  it('refuses a write outside a transaction, where nothing would report its failure', () => {
    const reads = new PostgresExecutor(pool, names);
    expect(() => reads.write(insert, [9, 'ninth'])).toThrow(/only in a transaction/);
  });
});
