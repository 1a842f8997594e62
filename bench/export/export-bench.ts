/**
 * bench/export: how long each export format takes and how much memory it needs, for 10,000 and 100,000
 * items, against a baseline in the same run (the same events streamed from the store as JSON lines, no
 * rendering). Each measurement runs in a fresh process. BENCH_EXPORT_SIZES (default "10000,100000") sets the
 * trail sizes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../adapters/store/sqlite/sqlite-store';
import { SystemClock } from '../../adapters/system/system-clock';
import { UlidIds } from '../../adapters/system/ulid-ids';
import { createCore } from '../../core/core';
import { aCaller, aMeetingInput, aPartnerInput, aUser } from '../../tests/support/factories';
import { round, writeResult } from '../bench-kit';

const SIZES = (process.env.BENCH_EXPORT_SIZES ?? '10000,100000').split(',').map(Number);
const FORMATS = ['baseline', 'csv', 'json', 'pdf', 'docx', 'zip'] as const;
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

function measure(file: string, format: string, out: string) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'export-child.ts'), file, SPACE, format, out],
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
  const rows: { items: number; format: string; seconds: number; peakRssMb: number; megabytes: number }[] = [];
  for (const size of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-export-'));
    try {
      const file = join(dir, 'trail.sqlite');
      await seed(file, size);
      for (const format of FORMATS) {
        const m = measure(file, format, join(dir, `out.${format}`));
        const row = {
          items: size,
          format,
          seconds: round(m.seconds, 3),
          peakRssMb: round(m.peakRssMb, 1),
          megabytes: round(m.bytes / 2 ** 20, 2),
        };
        console.log(JSON.stringify(row));
        rows.push(row);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const memoryRatios = Object.fromEntries(
    FORMATS.map((f) => {
      const small = rows.find((r) => r.format === f && r.items === SIZES[0]);
      const large = rows.find((r) => r.format === f && r.items === SIZES[SIZES.length - 1]);
      return [f, small && large ? round(large.peakRssMb / small.peakRssMb, 2) : null];
    }),
  );
  console.log(JSON.stringify({ memoryRatios }));
  console.log(`wrote ${writeResult('export', { rows, memoryRatios })}`);
}

void main();
