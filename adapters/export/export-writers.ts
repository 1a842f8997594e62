import type { ExportWriter } from '../../core/export/export-document';
import type { ExportFormat } from '../../core/export/export-formats';
import { csvWriter } from './csv-writer';
import { docxWriter } from './docx-writer';
import { jsonWriter } from './json-writer';
import { IN_THIS_THREAD, type PartRenderer } from './part-renderer';
import { pdfWriter } from './pdf-writer';
import { zipWriter } from './zip-writer';

/** The writer of each export format; JSON and CSV items (in the ZIP too) are written by `parts`. */
export function exportWriters(parts: PartRenderer): Readonly<Record<ExportFormat, ExportWriter>> {
  const text = { pdf: pdfWriter, docx: docxWriter, csv: csvWriter(parts), json: jsonWriter(parts) };
  return { ...text, zip: zipWriter(text) };
}

/** Every format written in this thread alone. */
export const EXPORT_WRITERS = exportWriters(IN_THIS_THREAD);
