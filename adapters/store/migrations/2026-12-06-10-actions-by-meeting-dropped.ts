import type { Migration } from './migration';

/**
 * `actions_by_meeting (tenant_id, meeting_id)` served no query: a meeting's actions are always listed within its
 * space, which `actions_by_space_meeting` answers in due order. Every action written kept it up to date for
 * nothing (one B-tree more per insert, and its pages in every commit).
 */
export const actionsByMeetingDropped: Migration = {
  id: '2026-12-06-10-actions-by-meeting-dropped',
  up: () => `
    DROP INDEX IF EXISTS actions_by_meeting;
  `,
};
