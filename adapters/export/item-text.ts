import type { ExportItem } from '../../core/export/export-document';
import { csvRow } from './csv-row';
import { jsonItem } from './json-item';

/** One item as a format writes it, and, for the JSON file, the digest of its canonical text. */
export interface ItemText {
  readonly text: string;
  readonly digest?: string;
}

/**
 * How each format that writes one piece of text per item writes an item. Looked up by name, so a worker
 * thread asked for "json" writes items exactly as the JSON writer in this thread would.
 */
export const ITEM_TEXTS = {
  json: jsonItem,
  csv: (item: ExportItem): ItemText => ({ text: csvRow(item) }),
} as const;

/** A format whose items can be written apart from each other (and so in parallel). */
export type ItemTextFormat = keyof typeof ITEM_TEXTS;
