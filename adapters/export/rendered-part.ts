import type { ExportItem } from '../../core/export/export-document';
import { ITEM_TEXTS, type ItemTextFormat } from './item-text';
import { mostUtf8Bytes } from './stream-out';

/**
 * One part of an export's items as a format writes them: each item's UTF-8 text back to back in one buffer,
 * where each ends, and (JSON) each item's digest. Plain data with one buffer of its own, so a worker thread
 * hands it over without a copy.
 */
export interface RenderedPart {
  readonly bytes: Uint8Array;
  readonly ends: readonly number[];
  readonly digests: readonly string[];
}

/** Room for a part of about 500 JSON items of 2 KB; a larger part grows the buffer. */
const FIRST_BUFFER_BYTES = 1 << 20;

/** Writes a part's items in one format. */
export async function renderPart(
  items: AsyncIterable<ExportItem>,
  format: ItemTextFormat,
): Promise<RenderedPart> {
  const textOf = ITEM_TEXTS[format];
  // Its own memory (never Node's shared pool), so it can be transferred to another thread.
  let bytes = Buffer.allocUnsafeSlow(FIRST_BUFFER_BYTES);
  let used = 0;
  const ends: number[] = [];
  const digests: string[] = [];
  for await (const item of items) {
    const { text, digest } = textOf(item);
    const most = used + mostUtf8Bytes(text);
    if (most > bytes.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(most, bytes.length * 2));
      bytes.copy(bigger, 0, 0, used);
      bytes = bigger;
    }
    used += bytes.write(text, used);
    ends.push(used);
    if (digest !== undefined) digests.push(digest);
  }
  return { bytes: bytes.subarray(0, used), ends, digests };
}

/** The bytes of each item of a part, in order. */
export function* itemBytes(part: RenderedPart): Iterable<Uint8Array> {
  let start = 0;
  for (const end of part.ends) {
    yield part.bytes.subarray(start, end);
    start = end;
  }
}
