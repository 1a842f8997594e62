import { Client } from 'pg';

/** The PostgreSQL the tests use: CI and the dev machine run one on loopback with trust auth. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Set by the global setup when PostgreSQL answered. */
export const POSTGRES_AVAILABLE_ENV = 'PARTNER_CRM_TEST_POSTGRES';

/** Whether PostgreSQL answers within a second. */
export async function postgresAnswers(): Promise<boolean> {
  const client = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    // Unreachable or refused: the caller reports it loudly.
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether the global setup found PostgreSQL. */
export function postgresAvailable(): boolean {
  return process.env[POSTGRES_AVAILABLE_ENV] === '1';
}

/** A fresh schema name for one test file, so files can run in parallel on one database. */
export function freshSchemaName(): string {
  return `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
