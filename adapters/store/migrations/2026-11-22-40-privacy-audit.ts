import type { Migration } from './migration';

/**
 * The record of data-rights work: who exported or erased whose personal data, and which spaces were purged
 * after the app was removed. Append-only, like the evidence chain, and never itself erased.
 */
export const privacyAudit: Migration = {
  id: '2026-11-22-40-privacy-audit',
  up: () => `
    CREATE TABLE privacy_audit (
      tenant_id TEXT NOT NULL, id TEXT NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
      subject TEXT NOT NULL, detail TEXT NOT NULL,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE INDEX privacy_audit_at ON privacy_audit (tenant_id, at);
  `,
};
