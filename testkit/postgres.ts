import { Client } from 'pg';

/**
 * The PostgreSQL the tests use: `TEST_DATABASE_URL`, else the one on loopback with trust auth that CI and the
 * dev machine run. Where nothing answers there, the global setup starts a throwaway server and sets
 * `TEST_DATABASE_URL` for every test worker.
 */
export const TEST_DATABASE_URL = configuredTestDatabaseUrl();

/** The URL the environment names now (the global setup reads it before and after it may start a server). */
export function configuredTestDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** Whether PostgreSQL answers at `url` within a second. */
export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    // Unreachable or refused: the global setup then starts its own server.
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
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
