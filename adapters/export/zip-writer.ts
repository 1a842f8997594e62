import type { ExportDocument, ExportWriter } from '../../core/export/export-document';
import { EXPORT_LAYOUT } from '../../core/export/export-document';
import { csvWriter } from './csv-writer';
import { docxWriter } from './docx-writer';
import { jsonWriter } from './json-writer';
import { pdfWriter } from './pdf-writer';
import { ZipStream } from './zip-stream';

/** The files of a bundle, in order, and whether zip compression helps them (PDF and DOCX are compressed already). */
const BUNDLED = [
  { writer: pdfWriter, compress: false },
  { writer: docxWriter, compress: false },
  { writer: csvWriter, compress: true },
  { writer: jsonWriter, compress: true },
] as const;

/** The name of the bundle's manifest. */
export const BUNDLE_MANIFEST = 'manifest.json';

/**
 * All four formats in one zip, plus `manifest.json` listing each file's size and SHA-256 and the export's
 * verification code. Files are written one after another straight into the zip, so memory stays flat.
 */
export const zipWriter: ExportWriter = {
  contentType: 'application/zip',
  extension: 'zip',
  async write(document: ExportDocument, out: NodeJS.WritableStream): Promise<void> {
    const zip = new ZipStream(out);
    const files: { name: string; bytes: number; sha256: string }[] = [];
    for (const { writer, compress } of BUNDLED) {
      const name = `evidence-trail.${writer.extension}`;
      const entry = zip.entry(name, { compress });
      await writer.write(document, entry.stream);
      files.push({ name, ...(await entry.done()) });
    }
    const manifest = {
      layout: EXPORT_LAYOUT,
      code: document.header.code,
      exportedAt: document.header.exportedAt,
      files,
    };
    zip.add(BUNDLE_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
    await zip.end();
  },
};
