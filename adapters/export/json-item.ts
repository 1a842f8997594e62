import { sha256Hex } from '../../core/common/sha256';
import { canonicalJson } from '../../core/evidence/json';
import type { ExportItem } from '../../core/export/export-document';

/**
 * An item as the JSON file holds it: its canonical JSON with its digest first. The item is serialised once,
 * and its digest is the hash of exactly that text (see itemDigest).
 */
export function jsonItem(item: ExportItem): { text: string; digest: string } {
  const body = canonicalJson(item);
  const digest = sha256Hex(body);
  return { text: `{"digest":"${digest}",${body.slice(1)}`, digest };
}
