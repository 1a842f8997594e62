import { DocumentDigest } from '../../core/export/export-code';
import type { ExportDocument, ExportWriter } from '../../core/export/export-document';
import { IN_THIS_THREAD, type PartRenderer } from './part-renderer';
import { itemBytes } from './rendered-part';
import { BatchedOut } from './stream-out';

/**
 * The complete export as JSON, streamed item by item: the header, every item with its hashed event, and at the
 * end the verification block (the code and the digest of the whole document). `npm run verify` reads it.
 * Items are written by `parts` (see jsonItem), in this thread or beside it.
 */
export function jsonWriter(parts: PartRenderer = IN_THIS_THREAD): ExportWriter {
  return {
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    async write(document: ExportDocument, destination: NodeJS.WritableStream): Promise<void> {
      const out = new BatchedOut(destination);
      const digest = new DocumentDigest(document.header.code);
      await out.write(`{"header":${JSON.stringify(document.header)},"items":[`);
      let first = true;
      for await (const part of parts.render(document, 'json')) {
        part.digests.forEach((d) => digest.add(d));
        for (const item of itemBytes(part)) {
          await out.write(first ? '\n' : ',\n');
          await out.writeBytes(item);
          first = false;
        }
      }
      const verification = { code: document.header.code, documentDigest: digest.value() };
      await out.write(`\n],"verification":${JSON.stringify(verification)}}\n`);
      await out.end();
    },
  };
}
