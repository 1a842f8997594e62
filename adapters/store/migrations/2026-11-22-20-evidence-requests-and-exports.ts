import type { Migration } from './migration';

/**
 * Requests for partner feedback and witness confirmations; the record of every export (who exported what,
 * and the verification code printed on it); and an index that finds one kind of evidence without scanning a
 * space's whole log (criteria changes are read on every evidence view).
 */
export const evidenceRequestsAndExports: Migration = {
  id: '2026-11-22-20-evidence-requests-and-exports',
  up: ({ text: T }) => `
    CREATE TABLE evidence_requests (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, id ${T} NOT NULL, kind ${T} NOT NULL,
      requested_by ${T} NOT NULL, recipient_id ${T} NOT NULL, partner_id ${T}, item_ids ${T} NOT NULL,
      question ${T}, status ${T} NOT NULL, requested_at ${T} NOT NULL, answered_at ${T},
      PRIMARY KEY (tenant_id, id)
    );
    CREATE INDEX evidence_requests_by_recipient ON evidence_requests (tenant_id, recipient_id, status, requested_at, id);

    CREATE TABLE evidence_exports (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, id ${T} NOT NULL, requested_by ${T} NOT NULL,
      format ${T} NOT NULL, filters ${T} NOT NULL, as_of_seq INTEGER NOT NULL, head_hash ${T} NOT NULL,
      items INTEGER NOT NULL, code ${T} NOT NULL, created_at ${T} NOT NULL,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE UNIQUE INDEX evidence_exports_by_code ON evidence_exports (tenant_id, code, id);

    CREATE INDEX evidence_events_by_kind ON evidence_events (tenant_id, space_id, kind, seq);
  `,
};
