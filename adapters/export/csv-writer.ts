import type { ExportDocument, ExportWriter } from '../../core/export/export-document';
import { CSV_COLUMNS } from './csv-row';
import { IN_THIS_THREAD, type PartRenderer } from './part-renderer';
import { BatchedOut } from './stream-out';

/**
 * One row per item (RFC 4180, CRLF line ends, UTF-8 with a byte-order mark so spreadsheets read it right).
 * Rows are written by `parts` (see csvRow), in this thread or beside it.
 */
export function csvWriter(parts: PartRenderer = IN_THIS_THREAD): ExportWriter {
  return {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    async write(document: ExportDocument, destination: NodeJS.WritableStream): Promise<void> {
      const out = new BatchedOut(destination);
      await out.write(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
      for await (const part of parts.render(document, 'csv')) await out.writeBytes(part.bytes);
      await out.end();
    },
  };
}
