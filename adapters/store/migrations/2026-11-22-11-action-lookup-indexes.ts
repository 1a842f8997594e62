import type { Migration } from './migration';

/**
 * Indexes for a meeting's actions and a partner's actions, in due-date order. Without them SQLite walks every
 * action of the space by due date to find one meeting's two or three, so rendering a meeting summary slowed
 * down as the space grew (found by bench/bot-turn).
 */
export const actionLookupIndexes: Migration = {
  id: '2026-11-22-11-action-lookup-indexes',
  up: () => `
    CREATE INDEX actions_by_space_meeting ON actions (tenant_id, space_id, meeting_id, due_date, id);
    CREATE INDEX actions_by_space_partner ON actions (tenant_id, space_id, partner_id, due_date, id);
  `,
};
