import { Client } from 'pg';
import { PostgresStore } from '../../../adapters/store/postgres/postgres-store';
import { StatementNames } from '../../../adapters/store/postgres/statement-names';
import { aCaller, aPartnerInput } from '../../../testkit/factories';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../../../testkit/postgres';
import { aSpace, testCore } from '../../../testkit/test-core';

describe(StatementNames.name, () => {
  it('names statements whose result columns are fixed, one name per text, and leaves the rest unnamed', () => {
    const names = new StatementNames();
    const insert = names.query('INSERT INTO t (a) VALUES ($1)', [1]);
    const count = names.query('SELECT COUNT(*) AS n FROM t WHERE a = $1', [1]);
    expect(insert.name).toBeDefined();
    expect(count.name).toBeDefined();
    expect(count.name).not.toBe(insert.name);
    expect(names.query('INSERT INTO t (a) VALUES ($1)', [2])).toEqual({ ...insert, values: [2] });

    expect(names.query('SELECT * FROM t WHERE a = $1', [1]).name).toBeUndefined();
    expect(names.query('UPDATE t SET a = $1 RETURNING *', [1]).name).toBeUndefined();
    expect(names.query('SELECT t.* FROM t', []).name).toBeUndefined();
    expect(names.query('CREATE INDEX t_a ON t (a)', []).name).toBeUndefined();
  });
});

describe('PostgreSQL statements across another process’s migration', () => {
  const schema = freshSchemaName();
  let store: PostgresStore;
  let raw: Client;

  beforeAll(async () => {
    // One connection, so every statement runs where the ones before it were prepared.
    store = await PostgresStore.open({ connectionString: TEST_DATABASE_URL, schema, maxConnections: 1 });
    raw = new Client({ connectionString: TEST_DATABASE_URL });
    await raw.connect();
  });
  afterAll(async () => {
    await raw.end();
    await store.close();
    await dropSchema(schema);
  });

  it('keeps working when a column is added to the tables it reads and writes', async () => {
    const core = testCore(store).core;
    const caller = aCaller({ spaceId: aSpace('statements') });
    const first = await core.partners.add(caller, aPartnerInput({ name: 'Before the migration' }));
    expect((await core.partners.view(caller.scope, first.partner.id)).partner.name).toBe(
      'Before the migration',
    );

    for (const table of ['partners', 'people', 'checkins', 'evidence_events', 'evidence_heads'])
      await raw.query(`ALTER TABLE ${schema}.${table} ADD COLUMN added_later TEXT`);

    const second = await core.partners.add(caller, aPartnerInput({ name: 'After the migration' }));
    expect((await core.partners.view(caller.scope, second.partner.id)).partner.name).toBe(
      'After the migration',
    );
    expect((await core.partners.view(caller.scope, first.partner.id)).partner.name).toBe(
      'Before the migration',
    );
  });
});
