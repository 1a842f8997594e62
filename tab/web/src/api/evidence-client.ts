/**
 * Everything the evidence screens ask the API, in one module, so the evidence issue's routes can be wired here
 * alone. What this branch assumes about routes it does not have yet is marked ASSUMED.
 */
import { CRITERIA } from '../../../../core/criteria/cfacsb9';
import type { ApiClient } from './api-client';
import type { EvidenceEvent, Page } from './api-types';

/** Filters of the trail, as `/evidence` takes them. */
export interface TrailFilters {
  readonly kind?: string;
  readonly partnerId?: string;
  /** Instants (`…Z`); the screen turns picked dates into the day's start and end. */
  readonly from?: string;
  readonly to?: string;
}

/** One page of the space's trail in chain order. */
export function loadTrail(
  api: ApiClient,
  filters: TrailFilters,
  cursor?: string,
  limit = 50,
): Promise<Page<EvidenceEvent>> {
  return api.call<Page<EvidenceEvent>>('/evidence', { query: { ...filters, cursor, limit } });
}

/** One criterion's row of the coverage matrix. */
export interface CoverageRow {
  readonly code: string;
  readonly kind: 'performance' | 'knowledge';
  readonly text: string;
  readonly count: number;
  readonly latest?: string;
  /** Counts per evidence kind family (partner, meeting, action, agreement, sla, checkin, …). */
  readonly byFamily: Readonly<Record<string, number>>;
}

/** Most events the coverage matrix reads through when computing it here (see {@link loadCoverage}). */
const COVERAGE_SCAN_LIMIT = 5000;

/**
 * The criteria × evidence matrix. ASSUMED: the evidence issue adds a coverage route; until it is wired here,
 * the matrix is computed from the trail (criteria as tagged on each event), reading at most
 * {@link COVERAGE_SCAN_LIMIT} events.
 */
export async function loadCoverage(
  api: ApiClient,
): Promise<{ rows: CoverageRow[]; scanned: number; complete: boolean }> {
  const counts = new Map<string, { count: number; latest?: string; byFamily: Record<string, number> }>();
  let cursor: string | undefined;
  let scanned = 0;
  do {
    const page = await loadTrail(api, {}, cursor, 100);
    for (const event of page.items) {
      const family = event.kind.split('.')[0] ?? event.kind;
      for (const code of event.criteria) {
        const row = counts.get(code) ?? { count: 0, byFamily: {} };
        row.count += 1;
        row.byFamily[family] = (row.byFamily[family] ?? 0) + 1;
        if (!row.latest || event.occurredAt > row.latest) row.latest = event.occurredAt;
        counts.set(code, row);
      }
    }
    scanned += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && scanned < COVERAGE_SCAN_LIMIT);
  return {
    rows: CRITERIA.map((c) => ({
      code: c.code,
      kind: c.kind,
      text: c.text,
      count: 0,
      byFamily: {},
      ...counts.get(c.code),
    })),
    scanned,
    complete: cursor === undefined,
  };
}

/**
 * Reflections (STARR) and witness confirmations among loaded events. ASSUMED: the evidence issue records them as
 * events of kinds starting `reflection.` and `witness.` with the text in the snapshot.
 */
export function reflectionsAndWitnesses(events: readonly EvidenceEvent[]): {
  reflections: EvidenceEvent[];
  witnesses: EvidenceEvent[];
} {
  return {
    reflections: events.filter((e) => e.kind.startsWith('reflection.')),
    witnesses: events.filter((e) => e.kind.startsWith('witness.')),
  };
}

/** What checking the space's hash chain found. */
export type ChainVerdict =
  | { readonly intact: true; readonly checked: number }
  | {
      readonly intact: false;
      readonly checked: number;
      readonly brokenAt: { readonly seq: number; readonly reason: string };
    };

/** Recomputes the space's evidence chain on the server. */
export function verifyChain(api: ApiClient): Promise<ChainVerdict> {
  return api.call<ChainVerdict>('/evidence/verify');
}

/** The export formats of the product contract. */
export const EXPORT_FORMATS = ['pdf', 'docx', 'csv', 'json', 'zip'] as const;
/** An export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An export's progress: bytes so far and the total when the server says it. */
export interface ExportProgress {
  readonly received: number;
  readonly total?: number;
}

/**
 * Downloads an export of the space's trail, reporting progress as the stream arrives (long exports stream for
 * a while). ASSUMED: `GET /evidence/export?format=…` with the trail's filters as query parameters, answering the
 * file with `Content-Disposition: attachment; filename=…` (and `Content-Length` when known).
 */
export async function exportTrail(
  api: ApiClient,
  format: ExportFormat,
  filters: TrailFilters,
  onProgress: (p: ExportProgress) => void,
): Promise<{ blob: Blob; fileName: string }> {
  const res = await api.send('/evidence/export', { query: { format, ...filters } });
  const total = Number(res.headers.get('content-length')) || undefined;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  const reader = res.body?.getReader();
  if (reader)
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value as Uint8Array<ArrayBuffer>);
      received += value.byteLength;
      onProgress({ received, total });
    }
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  return {
    blob: new Blob(chunks, { type: res.headers.get('content-type') ?? 'application/octet-stream' }),
    fileName: name ?? `evidence.${format}`,
  };
}
