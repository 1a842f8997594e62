import { sha256Hex } from '../../core/common/sha256';
import { canonicalJson } from '../../core/evidence/json';
import { DocumentDigest } from '../../core/export/export-code';
import type { ExportDocument, ExportWriter } from '../../core/export/export-document';
import { BatchedOut } from './stream-out';

/**
 * The complete export as JSON, streamed item by item: the header, every item with its hashed event, and at the
 * end the verification block (the code and the digest of the whole document). `npm run verify` reads it.
 */
export const jsonWriter: ExportWriter = {
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  async write(document: ExportDocument, destination: NodeJS.WritableStream): Promise<void> {
    const out = new BatchedOut(destination);
    const digest = new DocumentDigest(document.header.code);
    await out.write(`{"header":${JSON.stringify(document.header)},"items":[`);
    let first = true;
    for await (const item of document.items()) {
      // The item is serialised once, canonically: its digest is the hash of exactly that text (see itemDigest).
      const body = canonicalJson(item);
      const itemHash = sha256Hex(body);
      digest.add(itemHash);
      await out.write(`${first ? '\n' : ',\n'}{"digest":"${itemHash}",${body.slice(1)}`);
      first = false;
    }
    const verification = { code: document.header.code, documentDigest: digest.value() };
    await out.write(`\n],"verification":${JSON.stringify(verification)}}\n`);
    await out.end();
  },
};
