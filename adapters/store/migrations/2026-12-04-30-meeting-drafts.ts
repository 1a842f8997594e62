import type { Migration } from './migration';

/**
 * What attendees capture in a meeting chat's side panel while the meeting runs (partner, agreed actions,
 * decisions), one draft per space, as JSON that names people by id only. The meeting-end form takes it.
 */
export const meetingDrafts: Migration = {
  id: '2026-12-04-30-meeting-drafts',
  up: ({ text: T }) => `
    CREATE TABLE meeting_drafts (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, body TEXT NOT NULL, version INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (tenant_id, space_id)
    );
  `,
};
