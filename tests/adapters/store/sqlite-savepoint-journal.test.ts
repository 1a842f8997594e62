import { readdirSync, readlinkSync } from 'node:fs';
import { TENANT_A } from '../../../testkit/factories';
import { openSqliteTestStore } from '../../../testkit/test-stores';

const scope = { tenantId: TENANT_A };
/** Keys whose results fill far more than the 64 KiB a savepoint's journal keeps in memory by default. */
const KEYS = 200;
const RESULT_CHARS = 2000;

/** SQLite's temporary files this process has open (SQLite names them `etilqs_…` and unlinks them at once). */
function sqliteTempFilesOpen(): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return target.includes('etilqs_') ? [target] : [];
    } catch {
      return []; // closed since it was listed
    }
  });
}

/**
 * Every transaction of a group commit runs in its own savepoint, and SQLite journals the first change to each
 * page in it, so that page can be rolled back alone. A meeting submit changes some fifty pages, more than the
 * 64 KiB SQLite keeps in memory before it moves that journal to a temporary file: it then wrote every page
 * twice, once to the file and once to the log (two extra system calls a page, measured with strace). The write
 * connection keeps its temporary data in memory.
 */
describe('SQLite savepoint journal', () => {
  it('stays in memory while a transaction rewrites many pages, and still rolls a failed one back', async () => {
    const t = await openSqliteTestStore();
    const keys = Array.from({ length: KEYS }, (_, n) => `journal-test:${n}`);
    const results = async () =>
      t.raw(`SELECT result FROM idempotency_keys WHERE key LIKE 'journal-test:%' ORDER BY key`);
    try {
      await t.store.transaction(async (tx) => {
        for (const key of keys) {
          await tx.idempotency.claim(scope, key, '2026-12-07T09:00:00.000Z');
          await tx.idempotency.complete(scope, key, 'a'.repeat(RESULT_CHARS));
        }
      });
      const before = await results();

      let openDuringRewrite: string[] = [];
      const refusal = new Error('refused after rewriting every key');
      await expect(
        t.store.transaction(async (tx) => {
          for (const key of keys) await tx.idempotency.complete(scope, key, 'b'.repeat(RESULT_CHARS));
          openDuringRewrite = sqliteTempFilesOpen();
          throw refusal;
        }),
      ).rejects.toBe(refusal);

      expect(openDuringRewrite).toEqual([]);
      expect(await results()).toEqual(before);
    } finally {
      await t.dispose();
    }
  });
});
