import type { CriterionCode } from '../criteria/cfacsb9';
import type { Coverage } from '../evidence/coverage';
import type { ItemDetail } from '../evidence/describe-event';
import type { EvidenceKind } from '../evidence/evidence-event';
import type { HashInput } from '../evidence/hash-chain';
import type { ExportFilters } from './export-request';

// The shapes an export file holds, apart from how exports are planned, written and verified, so the modules
// that build, encode and check exports all depend on this one and never on each other.

/** The layout version of exports; verifiers refuse layouts they do not know. */
export const EXPORT_LAYOUT = 'partner-crm/evidence-export/v1';

/** What an export says about itself before its items. */
export interface ExportHeader {
  readonly layout: typeof EXPORT_LAYOUT;
  readonly unit: { readonly code: string; readonly title: string };
  readonly tenantId: string;
  readonly spaceId: string;
  readonly title: string;
  /** The learner whose work it holds, as shown (absent for a whole space). */
  readonly learner?: string;
  readonly exportedBy: string;
  readonly exportedAt: string;
  readonly filters: ExportFilters;
  readonly redaction: {
    readonly enabled: boolean;
    readonly colleagues: boolean;
    readonly partners: boolean;
    readonly terms: number;
  };
  /** The chain's last event when exported, and its hash: the export covers the chain up to here. */
  readonly asOfSeq: number;
  readonly headHash: string;
  /** Short code over the exported events' sequence numbers and hashes; printed on every format. */
  readonly code: string;
  readonly itemCount: number;
  readonly coverage: Coverage;
  /** Names as shown (pseudonyms where redacted), by person id and partner id. */
  readonly people: Readonly<Record<string, string>>;
  readonly partners: Readonly<Record<string, string>>;
}

/** One exported item: readable fields, and the event as hashed so anyone can recompute its hash. */
export interface ExportItem {
  readonly seq: number;
  readonly id: string;
  readonly kind: EvidenceKind;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly partners: readonly string[];
  readonly title: string;
  readonly details: readonly ItemDetail[];
  /** Criteria now, with the learner's changes applied. */
  readonly criteria: readonly CriterionCode[];
  /** The event's hashed fields (redacted strings as digests) and its hash. */
  readonly proof: { readonly event: HashInput; readonly hash: string };
}

/**
 * An item as the JSON file holds it: with `digest`, the SHA-256 of the item's canonical JSON, so any edit of an
 * item shows at that item. Only the JSON carries it (the formats people read have no use for it).
 */
export type DigestedItem = ExportItem & { readonly digest: string };
