import { DocumentDigest } from '../../core/export/export-code';
import type { ExportDocument, ExportWriter } from '../../core/export/export-document';
import { JSON_ITEM_SEPARATOR } from './json-item';
import { IN_THIS_THREAD, type PartRenderer } from './part-renderer';
import { BatchedOut } from './stream-out';

/**
 * The complete export as JSON, streamed item by item: the header, every item with its hashed event, and at the
 * end the verification block (the code and the digest of the whole document). `npm run verify` reads it.
 * Items are written by `parts` (see writeJsonItem), in this thread or beside it.
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
        if (!part.bytes.length) continue;
        // Every item starts with its separator: the first item's comma goes, its line break stays.
        await out.writeBytes(first ? part.bytes.subarray(JSON_ITEM_SEPARATOR.indexOf('\n')) : part.bytes);
        first = false;
      }
      const verification = { code: document.header.code, documentDigest: digest.value() };
      await out.write(`\n],"verification":${JSON.stringify(verification)}}\n`);
      await out.end();
    },
  };
}
