import type { ExportHeader, ExportItem } from './export-layout';
import type { SeqRange } from './export-parts';
import type { ExportPlan } from './export-plan';
import type { ExportVerdict } from './verify-export';

/** A group of items under one partner (or none), for the formats people read. */
export interface ItemGroup {
  readonly title: string;
  readonly items: AsyncIterable<ExportItem>;
}

/**
 * The items of an export in consecutive parts of about the same size, and the plan that builds them: parts can
 * be built side by side (in worker threads, each with its own connection to the store) and joined in order.
 */
export interface ExportParts {
  readonly plan: ExportPlan;
  readonly ranges: readonly SeqRange[];
}

/** An export ready to write: its header, and its items streamed from the store as often as a writer needs. */
export interface ExportDocument {
  readonly header: ExportHeader;
  /** Its items in chain order, in parts. */
  readonly parts: ExportParts;
  /** The items of one part, in chain order. */
  itemsIn(range: SeqRange): AsyncIterable<ExportItem>;
  /** Items grouped by partner (partners A to Z), then those with no partner; chronological within a group. */
  groups(): AsyncIterable<ItemGroup>;
}

/** Writes an export document in one format. Adapters implement it (PDF, DOCX, CSV, JSON, ZIP). */
export interface ExportWriter {
  readonly contentType: string;
  readonly extension: string;
  write(document: ExportDocument, out: NodeJS.WritableStream): Promise<void>;
}

/** Verifies an export file (JSON or ZIP bundle); the verdict names the file inside a bundle that failed. */
export type ExportFileVerifier = (content: Buffer) => ExportVerdict & { readonly file?: string };
