import type { Migration } from './migration';

/**
 * Indexes for the tab's reads of one partner's or one meeting's actions.
 *
 * The board's health column counts a page of partners' open actions and finds their SLAs by partner; a
 * partner's page lists its actions by due date; a meeting's card lists the meeting's actions. The space-wide
 * `actions_by_space` index matches their ORDER BY, so SQLite (which has no statistics to tell it better)
 * chose it and scanned the whole space for each: logging a meeting slowed down as the space grew (bench/tab
 * measured 100k meetings seeding 10x slower than the first thousand). These indexes start with the filter and
 * keep the order.
 */
export const partnerHealthIndexes: Migration = {
  id: '2026-11-22-06-partner-health-indexes',
  up: () => `
    CREATE INDEX actions_by_partner_status ON actions (tenant_id, space_id, partner_id, status, due_date);
    CREATE INDEX actions_by_partner_due ON actions (tenant_id, space_id, partner_id, due_date, id);
    CREATE INDEX actions_by_space_meeting ON actions (tenant_id, space_id, meeting_id, due_date, id);
    CREATE INDEX slas_by_partner ON slas (tenant_id, space_id, partner_id, status);
  `,
};
