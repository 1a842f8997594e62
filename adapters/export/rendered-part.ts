import type { ExportItem } from '../../core/export/export-layout';
import { csvRow } from './csv-row';
import { writeJsonItem } from './json-item';
import { PartBytes } from './part-bytes';

/**
 * One part of an export's items as a format writes them: the items' UTF-8 text back to back in one buffer
 * (JSON items each start with their separator, see JSON_ITEM_SEPARATOR) and, for JSON, each item's digest.
 * Plain data with one buffer of its own, so a worker thread hands it over without a copy.
 */
export interface RenderedPart {
  readonly bytes: Uint8Array;
  readonly digests: readonly string[];
}

/** A format whose items can be written apart from each other (and so in parallel). */
export type ItemTextFormat = 'json' | 'csv';

/**
 * How each format that writes items one after another writes an item; JSON returns the item's digest.
 * Looked up by name, so a worker thread asked for "json" writes items exactly as this thread would.
 */
const ITEM_WRITERS: Record<ItemTextFormat, (item: ExportItem, out: PartBytes) => string | undefined> = {
  json: writeJsonItem,
  csv: (item, out) => {
    out.write(csvRow(item));
    return undefined;
  },
};

/** Writes a part's items in one format. */
export async function renderPart(
  items: AsyncIterable<ExportItem>,
  format: ItemTextFormat,
): Promise<RenderedPart> {
  const writeItem = ITEM_WRITERS[format];
  const out = new PartBytes();
  const digests: string[] = [];
  for await (const item of items) {
    const digest = writeItem(item, out);
    if (digest !== undefined) digests.push(digest);
  }
  return { bytes: out.view(), digests };
}
