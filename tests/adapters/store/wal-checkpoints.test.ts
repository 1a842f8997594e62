import { openSync, readSync, closeSync } from 'node:fs';
import { COMMITS_PER_CHECKPOINT } from '../../../adapters/store/sqlite/wal-checkpointer';
import { TENANT_A } from '../../../testkit/factories';
import { openSqliteTestStore } from '../../../testkit/test-stores';

/** How many times the write-ahead log was started over: its header's checkpoint sequence number. */
function walRestarts(file: string): number {
  const header = Buffer.alloc(16);
  const fd = openSync(`${file}-wal`, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.readUInt32BE(12);
}

describe('SQLite WAL checkpoints', () => {
  it('start the log over again and again while commits keep coming, so it does not grow without end', async () => {
    const t = await openSqliteTestStore();
    const scope = { tenantId: TENANT_A };
    // The checkpoint worker starts with the first request and answers on its own thread: commit until it has
    // caught up three times, or give up after far more commits than that takes.
    const enough = COMMITS_PER_CHECKPOINT * 1000;
    try {
      let n = 0;
      const write = () =>
        t.store.transaction(async (tx) => {
          await tx.idempotency.claim(scope, `wal-test:${n}`, '2026-12-04T09:00:00.000Z');
          await tx.idempotency.complete(scope, `wal-test:${n}`, 'x'.repeat(2000));
        });
      await write();
      const first = walRestarts(t.file);
      while (walRestarts(t.file) < first + 3 && n < enough) {
        n += 1;
        await write();
      }
      expect(walRestarts(t.file)).toBeGreaterThanOrEqual(first + 3);
    } finally {
      await t.dispose();
    }
  });
});
