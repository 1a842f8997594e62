/**
 * bench/export: how long each export format takes and how much memory it needs, for 10,000 and 100,000
 * items, against a baseline in the same run (the same events streamed from the store as JSON lines, no
 * rendering). Each measurement runs in a fresh process. BENCH_EXPORT_SIZES (default "10000,100000") sets the
 * trail sizes, BENCH_EXPORT_FORMATS (default all) the formats. Each row records the items counted back from the
 * file written (`exportedItems`; a ZIP's from each file inside, `bundleItems`), not the trail size asked for.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../adapters/store/sqlite/sqlite-store';
import { SystemClock } from '../../adapters/system/system-clock';
import { UlidIds } from '../../adapters/system/ulid-ids';
import { createCore } from '../../core/core';
import { aCaller, aMeetingInput, aPartnerInput, aUser } from '../../testkit/factories';
import { round, writeResult } from '../bench-kit';
import { countBundleItems, countExportedItems, type BundleItems } from './count-items';

const SIZES = (process.env.BENCH_EXPORT_SIZES ?? '10000,100000').split(',').map(Number);
const FORMATS = (process.env.BENCH_EXPORT_FORMATS ?? 'baseline,csv,json,pdf,docx,zip').split(',');
/**
 * Peak RSS counts garbage V8 has not yet collected, and V8 lets more accumulate the longer a process runs. With
 * BENCH_EXPORT_HEAP_CAP_MB set, each export also runs with its old space capped at that size: finishing within
 * the same cap at every size shows what the export keeps alive does not grow with the trail.
 */
const HEAP_CAP_MB = process.env.BENCH_EXPORT_HEAP_CAP_MB
  ? Number(process.env.BENCH_EXPORT_HEAP_CAP_MB)
  : undefined;
const SPACE = 'team:bench-export';

/** A trail of `size` items: meetings with minutes, decisions and a contact attending, across five partners. */
async function seed(file: string, size: number): Promise<void> {
  const store = await SqliteStore.open(file);
  const core = createCore({ store, clock: new SystemClock(), ids: new UlidIds() });
  const caller = aCaller({ spaceId: SPACE, user: aUser(1, 'Alex Wilber') });
  const partners = [];
  for (let p = 0; p < 5; p++)
    partners.push(
      (await core.partners.add(caller, aPartnerInput({ name: `Partner ${p}`, checkInCadence: undefined })))
        .partner,
    );
  const start = Date.parse('2024-01-01T09:00:00Z');
  for (let i = partners.length; i < size; i++) {
    const partner = partners[i % partners.length]!;
    await core.meetings.log(
      caller,
      aMeetingInput(partner.id, {
        title: `Review ${i}`,
        occurredAt: new Date(start + i * 3_600_000).toISOString(),
        attendees: [{ personId: partner.contacts[0]!.personId }],
        actions: [],
      }),
    );
  }
  await store.close();
}

/** The items in an export's output, counted from the file; for a ZIP, also those of each file inside. */
async function exported(
  out: string,
  format: string,
): Promise<{ exportedItems: number; bundleItems?: BundleItems }> {
  if (format !== 'zip') return { exportedItems: await countExportedItems(out, format) };
  const bundleItems = await countBundleItems(out);
  return { exportedItems: bundleItems.json, bundleItems };
}

function measure(file: string, format: string, out: string, heapCapMb?: number) {
  const cap = heapCapMb ? [`--max-old-space-size=${heapCapMb}`] : [];
  const run = spawnSync(
    process.execPath,
    [...cap, '--import', 'tsx', join(__dirname, 'export-child.ts'), file, SPACE, format, out],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (run.status !== 0) throw new Error(`${format} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as {
    seconds: number;
    peakRssMb: number;
    bytes: number;
    items: number;
  };
}

async function main(): Promise<void> {
  const rows: {
    items: number;
    exportedItems: number;
    bundleItems?: BundleItems;
    format: string;
    seconds: number;
    peakRssMb: number;
    megabytes: number;
    heapCapMb?: number;
  }[] = [];
  for (const size of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-export-'));
    try {
      const file = join(dir, 'trail.sqlite');
      await seed(file, size);
      for (const format of FORMATS) {
        const out = join(dir, `out.${format}`);
        const m = measure(file, format, out);
        const row = {
          items: size,
          format,
          ...(await exported(out, format)),
          seconds: round(m.seconds, 3),
          peakRssMb: round(m.peakRssMb, 1),
          megabytes: round(m.bytes / 2 ** 20, 2),
        };
        rmSync(out);
        console.log(JSON.stringify(row));
        rows.push(row);
        if (HEAP_CAP_MB === undefined) continue;
        const cappedOut = join(dir, `capped.${format}`);
        const capped = measure(file, format, cappedOut, HEAP_CAP_MB);
        const cappedRow = {
          ...row,
          ...(await exported(cappedOut, format)),
          seconds: round(capped.seconds, 3),
          peakRssMb: round(capped.peakRssMb, 1),
          megabytes: round(capped.bytes / 2 ** 20, 2),
          heapCapMb: HEAP_CAP_MB,
        };
        rmSync(cappedOut);
        console.log(JSON.stringify(cappedRow));
        rows.push(cappedRow);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const memoryRatios = Object.fromEntries(
    FORMATS.map((f) => {
      const small = rows.find((r) => r.format === f && r.items === SIZES[0] && !r.heapCapMb);
      const large = rows.find((r) => r.format === f && r.items === SIZES[SIZES.length - 1] && !r.heapCapMb);
      return [f, small && large ? round(large.peakRssMb / small.peakRssMb, 2) : null];
    }),
  );
  console.log(JSON.stringify({ memoryRatios }));
  console.log(
    `wrote ${writeResult(HEAP_CAP_MB === undefined ? 'export' : 'export-heap-cap', { rows, memoryRatios })}`,
  );
}

void main();
