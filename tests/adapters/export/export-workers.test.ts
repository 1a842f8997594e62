import { Writable } from 'node:stream';
import { ExportWorkers } from '../../../adapters/export/export-workers';
import { exportWriters, EXPORT_WRITERS } from '../../../adapters/export/export-writers';
import { verifyExportFile } from '../../../adapters/export/verify-file';
import type { ExportDocument, ExportWriter } from '../../../core/export/export-document';
import { EvidenceExporter } from '../../../core/export/evidence-export';
import type { Logger } from '../../../core/ports';
import { seedEvidenceMonth, type EvidenceMonth } from '../../support/evidence-month';
import { testCore, type TestCore } from '../../../testkit/test-core';
import { STORE_KINDS, type TestStore } from '../../../testkit/test-stores';

async function written(writer: ExportWriter, document: ExportDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await writer.write(document, sink);
  return Buffer.concat(chunks);
}

/** A logger that keeps what it is told. */
function keptLog(): Logger & { lines: { message: string; fields?: Record<string, unknown> }[] } {
  const lines: { message: string; fields?: Record<string, unknown> }[] = [];
  const keep = (message: string, fields?: Record<string, unknown>) => void lines.push({ message, fields });
  return { lines, debug: keep, info: keep, warn: keep, error: keep };
}

describe.each(STORE_KINDS)('export workers on $name', (kind) => {
  describe(`${ExportWorkers.name}: ${kind.name}`, () => {
    let t: TestStore;
    let tc: TestCore;
    let month: EvidenceMonth;
    let document: ExportDocument;

    beforeAll(async () => {
      t = await kind.open();
      tc = testCore(t.store);
      month = await seedEvidenceMonth(tc);
      // Two items a part: the month's trail becomes many parts, shared between the workers and this thread.
      const exporter = new EvidenceExporter({ store: t.store, clock: tc.clock, ids: tc.ids }, 2);
      ({ document } = await exporter.prepare(month.learner, { format: 'json' }));
    });
    afterAll(() => t.dispose());

    it('writes JSON and CSV byte for byte as this thread alone does, and the JSON verifies', async () => {
      const log = keptLog();
      const workers = new ExportWorkers(t.readerLocation, log, 2);
      await workers.start();
      try {
        const writers = exportWriters(workers);
        expect(document.parts.ranges.length).toBeGreaterThan(5);

        const json = await written(writers.json, document);
        expect(json.equals(await written(EXPORT_WRITERS.json, document))).toBe(true);
        expect(verifyExportFile(json)).toMatchObject({ intact: true, items: document.header.itemCount });
        const csv = await written(writers.csv, document);
        expect(csv.equals(await written(EXPORT_WRITERS.csv, document))).toBe(true);
        // The workers built some of the parts of each.
        const parts = log.lines.map((l) => l.fields!);
        expect(parts).toEqual([
          { format: 'json', parts: document.parts.ranges.length, byWorkers: expect.any(Number) },
          { format: 'csv', parts: document.parts.ranges.length, byWorkers: expect.any(Number) },
        ]);
        expect(parts.every((p) => (p.byWorkers as number) > 0)).toBe(true);
      } finally {
        await workers.close();
      }
    });

    it('finishes the export in this thread when its workers cannot start, and says so', async () => {
      const log = keptLog();
      const broken = new ExportWorkers({ sqliteFile: '/nonexistent/partner-crm.sqlite' }, log, 1);
      try {
        const json = await written(exportWriters(broken).json, document);

        expect(json.equals(await written(EXPORT_WRITERS.json, document))).toBe(true);
        expect(log.lines.map((l) => l.message)).toEqual([
          'An export worker failed; this thread builds its parts',
          'Export written in parts',
        ]);
        expect(log.lines[1]!.fields).toMatchObject({ byWorkers: 0 });
      } finally {
        await broken.close();
      }
    });
  });
});
