/**
 * One measured export, in its own process so its peak memory is its own:
 * export-child.ts <sqlite file> <space id> <pdf|docx|csv|json|zip|baseline> <output file>.
 * Prints one JSON line: seconds, peak RSS (MB), bytes written, items. BENCH_EXPORT_WORKERS sets how many export
 * workers help (default as the server: one fewer than the cores; 0 for this thread alone).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { ExportWorkers } from '../../adapters/export/export-workers';
import { exportWriters } from '../../adapters/export/export-writers';
import { JsonLogger } from '../../adapters/logging/json-logger';
import { SqliteStore } from '../../adapters/store/sqlite/sqlite-store';
import { SystemClock } from '../../adapters/system/system-clock';
import { UlidIds } from '../../adapters/system/ulid-ids';
import { createCore } from '../../core/core';
import type { ExportFormat } from '../../core/export/export-formats';
import { aUser, TENANT_A } from '../../testkit/factories';
import { nowMs } from '../bench-kit';

async function main(): Promise<void> {
  const [file, spaceId, format, outFile] = process.argv.slice(2) as [
    string,
    string,
    ExportFormat | 'baseline',
    string,
  ];
  const store = await SqliteStore.open(file);
  const core = createCore({ store, clock: new SystemClock(), ids: new UlidIds() });
  const scope = { tenantId: TENANT_A, spaceId };
  const out = createWriteStream(outFile);
  const workerCount = process.env.BENCH_EXPORT_WORKERS;
  const workers = new ExportWorkers(
    { sqliteFile: file },
    new JsonLogger('warn', (line) => process.stderr.write(line)),
    workerCount === undefined ? undefined : Number(workerCount),
  );
  // As in the server, whose export workers start with it, not with its first export.
  await workers.start();
  const started = nowMs();
  let items = 0;
  if (format === 'baseline') {
    // The floor: the same events read from the store and written as plain JSON lines, no rendering.
    for await (const event of store.read.evidence.stream(scope, {})) {
      items += 1;
      if (!out.write(`${JSON.stringify(event)}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  } else {
    const { document } = await core.exports.prepare({ scope, user: aUser(1, 'Alex Wilber') }, { format });
    items = document.header.itemCount;
    await exportWriters(workers)[format].write(document, out);
  }
  const seconds = (nowMs() - started) / 1000;
  await workers.close();
  await store.close();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ seconds, peakRssMb, bytes: out.bytesWritten, items })}\n`);
}

void main();
