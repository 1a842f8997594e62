/**
 * Everything the evidence screens ask the API, in one module.
 */
import type { ExportFormat } from '../../../../core/export/export-formats';
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
  /** How many different kinds of evidence cover it. */
  readonly kinds: number;
}

/** The criteria × evidence matrix of the whole trail, as the server counts it (criteria after the learner's changes). */
export async function loadCoverage(api: ApiClient): Promise<{ rows: CoverageRow[]; items: number }> {
  const coverage = await api.call<{ items: number; criteria: CoverageRow[] }>('/evidence/coverage');
  return { rows: coverage.criteria, items: coverage.items };
}

/** Reflections (STARR) and witness confirmations among loaded events: kinds `reflection.written`, `witness.confirmed`. */
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

/** An export's progress: bytes so far and the total when the server says it. */
export interface ExportProgress {
  readonly received: number;
  readonly total?: number;
}

/**
 * Downloads an export of the space's trail, reporting progress as the stream arrives (long exports stream for
 * a while). The export takes dates, where the trail's filters hold instants.
 */
export async function exportTrail(
  api: ApiClient,
  format: ExportFormat,
  filters: TrailFilters,
  onProgress: (p: ExportProgress) => void,
): Promise<{ blob: Blob; fileName: string }> {
  const res = await api.send('/evidence/export', {
    query: {
      format,
      kind: filters.kind,
      partnerId: filters.partnerId,
      from: filters.from?.slice(0, 10),
      to: filters.to?.slice(0, 10),
    },
  });
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
