import type { ExportWriter } from '../../core/export/export-document';
import type { ExportFormat } from '../../core/export/export-request';
import { csvWriter } from './csv-writer';
import { docxWriter } from './docx-writer';
import { jsonWriter } from './json-writer';
import { pdfWriter } from './pdf-writer';
import { zipWriter } from './zip-writer';

/** The writer of each export format. */
export const EXPORT_WRITERS: Readonly<Record<ExportFormat, ExportWriter>> = {
  pdf: pdfWriter,
  docx: docxWriter,
  csv: csvWriter,
  json: jsonWriter,
  zip: zipWriter,
};
