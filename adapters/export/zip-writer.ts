import type { ExportDocument, ExportWriter } from '../../core/export/export-document';
import { EXPORT_LAYOUT } from '../../core/export/export-layout';
import { ZipStream } from './zip-stream';

/** The writers of a bundle's files. */
export interface BundledWriters {
  readonly pdf: ExportWriter;
  readonly docx: ExportWriter;
  readonly csv: ExportWriter;
  readonly json: ExportWriter;
}

/** The name of the bundle's manifest. */
export const BUNDLE_MANIFEST = 'manifest.json';

/**
 * All four formats in one zip, plus `manifest.json` listing each file's size and SHA-256 and the export's
 * verification code. Files are written one after another straight into the zip, so memory stays flat.
 */
export function zipWriter(writers: BundledWriters): ExportWriter {
  // In order; zip compression helps only the text files (PDF and DOCX are compressed already).
  const bundled = [
    { writer: writers.pdf, compress: false },
    { writer: writers.docx, compress: false },
    { writer: writers.csv, compress: true },
    { writer: writers.json, compress: true },
  ];
  return {
    contentType: 'application/zip',
    extension: 'zip',
    async write(document: ExportDocument, out: NodeJS.WritableStream): Promise<void> {
      const zip = new ZipStream(out);
      const files: { name: string; bytes: number; sha256: string }[] = [];
      for (const { writer, compress } of bundled) {
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
}
