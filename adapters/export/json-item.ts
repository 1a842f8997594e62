import { hash } from 'node:crypto';
import { canonicalJson } from '../../core/evidence/json';
import type { ExportItem } from '../../core/export/export-layout';
import type { PartBytes } from './part-bytes';

/** What comes before each item in the JSON file's `items` array; the first item's comma is left out. */
export const JSON_ITEM_SEPARATOR = ',\n';

const DIGEST_HEX_LENGTH = 64;
/** The item's opening up to its digest, with room for the digest's hex. */
const OPENING = `${JSON_ITEM_SEPARATOR}{"digest":"${'0'.repeat(DIGEST_HEX_LENGTH)}"`;

/**
 * Writes an item as the JSON file holds it, `{"digest":"…",` followed by the rest of its canonical JSON, and
 * returns its digest: the SHA-256 of exactly that canonical text (see itemDigest). The text is encoded once
 * and hashed as written: the canonical text goes in after room for the digest, is hashed, and then its
 * opening brace becomes the comma that follows the digest.
 */
export function writeJsonItem(item: ExportItem, out: PartBytes): string {
  out.write(OPENING);
  const bodyAt = out.length;
  out.write(canonicalJson(item));
  const digest = hash('sha256', out.view(bodyAt), 'hex');
  out.overwrite(bodyAt - DIGEST_HEX_LENGTH - 1, digest);
  out.overwrite(bodyAt, ',');
  return digest;
}
