/**
 * One measured export, in its own process so its peak memory is its own:
 * export-child.ts <sqlite file> <space id> <pdf|docx|csv|json|zip|baseline> <output file>.
 * Prints one JSON line: seconds, peak RSS (MB), bytes written, items.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { EXPORT_WRITERS } from '../../adapters/export/export-writers';
import { SqliteStore } from '../../adapters/store/sqlite/sqlite-store';
import { SystemClock } from '../../adapters/system/system-clock';
import { UlidIds } from '../../adapters/system/ulid-ids';
import { createCore } from '../../core/core';
import type { ExportFormat } from '../../core/export/export-request';
import { aUser, TENANT_A } from '../../tests/support/factories';
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
    await EXPORT_WRITERS[format].write(document, out);
  }
  const seconds = (nowMs() - started) / 1000;
  await store.close();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ seconds, peakRssMb, bytes: out.bytesWritten, items })}\n`);
}

void main();
