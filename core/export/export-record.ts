import type { ExportFilters } from './export-request';

/** One export as the server remembers it: who made it, of what, and the verification code printed on it. */
export interface ExportRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly spaceId: string;
  readonly requestedBy: string;
  readonly format: string;
  readonly filters: ExportFilters;
  /** The chain's last event when the export was made; the export covers nothing after it. */
  readonly asOfSeq: number;
  readonly headHash: string;
  readonly items: number;
  readonly code: string;
  readonly createdAt: string;
}

/** Stores the record of exports (append-only: an audit of what left the system). */
export interface ExportRecordRepository {
  insert(record: ExportRecord): Promise<void>;
  /** The export that printed this verification code, in the tenant. */
  findByCode(scope: { tenantId: string }, code: string): Promise<ExportRecord | undefined>;
}
