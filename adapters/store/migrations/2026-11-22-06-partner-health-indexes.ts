import type { Migration } from './migration';

/**
 * Indexes for the partner board's health column: a page of partners counts its open actions and finds its
 * SLAs by partner, which the space-wide indexes would answer only by scanning the space (a reading's latest
 * result already has `sla_readings_by_sla`).
 */
export const partnerHealthIndexes: Migration = {
  id: '2026-11-22-06-partner-health-indexes',
  up: () => `
    CREATE INDEX actions_by_partner ON actions (tenant_id, space_id, partner_id, status, due_date);
    CREATE INDEX slas_by_partner ON slas (tenant_id, space_id, partner_id, status);
  `,
};
