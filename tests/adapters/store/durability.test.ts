import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Store } from '../../../core/ports';
import { PostgresStore } from '../../../adapters/store/postgres/postgres-store';
import { SqliteStore } from '../../../adapters/store/sqlite/sqlite-store';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../../../testkit/postgres';
import { testCore } from '../../../testkit/test-core';
import { TENANT_A } from '../../../testkit/factories';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** How many acknowledged writes to wait for before killing the writer. */
const ACKS_BEFORE_KILL = 40;

/**
 * Runs the writer, kills it with SIGKILL after enough acknowledgements, checks it saw at least that many, and
 * returns the acknowledged ids.
 */
async function writeThenKill(args: string[], writers = 1): Promise<string[]> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '..', '..', 'support', 'durability-writer.ts'), ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DURABILITY_WRITERS: String(writers) },
    },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const acked: string[] = [];
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  for await (const line of createInterface({ input: child.stdout })) {
    if (!line.startsWith('ack ')) continue;
    acked.push(line.slice(4));
    if (acked.length === ACKS_BEFORE_KILL) child.kill('SIGKILL');
  }
  const ended = await exited;
  if (ended !== 'SIGKILL')
    throw new Error(`writer ended with ${String(ended)} before being killed: ${stderr}`);
  // Lines already in the pipe when SIGKILL lands are acknowledgements too: at least the ones waited for.
  expect(acked.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
  return acked;
}

async function expectAllSurvived(store: Store, acked: string[]): Promise<void> {
  const scope = { tenantId: TENANT_A, spaceId: 'team:durability' };
  const found = await store.read.partners.getMany(scope, acked);
  expect(found.map((p) => p.id).sort()).toEqual([...acked].sort());
  // The chain is whole too: every acknowledged change came with its evidence, nothing half-written.
  await expect(testCore(store).core.evidence.verify(scope)).resolves.toMatchObject({ intact: true });
}

describe('acknowledged writes survive kill -9', () => {
  it('on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'durability-'));
    const file = join(dir, 'store.sqlite');
    try {
      const acked = await writeThenKill(['sqlite', file]);
      const store = await SqliteStore.open(file);
      try {
        await expectAllSurvived(store, acked);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on SQLite with eight writers at once, whose writes commit in groups', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'durability-'));
    const file = join(dir, 'store.sqlite');
    try {
      const acked = await writeThenKill(['sqlite', file], 8);
      const store = await SqliteStore.open(file);
      try {
        await expectAllSurvived(store, acked);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on PostgreSQL', async () => {
    const schema = freshSchemaName();
    try {
      const acked = await writeThenKill(['postgres', TEST_DATABASE_URL, schema]);
      const store = await PostgresStore.open({ connectionString: TEST_DATABASE_URL, schema });
      try {
        await expectAllSurvived(store, acked);
      } finally {
        await store.close();
      }
    } finally {
      await dropSchema(schema);
    }
  });
});
