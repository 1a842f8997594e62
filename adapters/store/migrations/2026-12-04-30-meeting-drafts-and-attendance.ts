import type { Migration } from './migration';

/**
 * Meetings, live and after: what attendees capture in a meeting chat's side panel while the meeting runs
 * (partner, agreed actions, decisions), one draft per space, as JSON that names people by id only, which the
 * meeting-end form takes; and the queue of ended meetings whose attendance report is still to be read from
 * Microsoft Graph (`status` 'held' when the permission is refused).
 */
export const meetingDraftsAndAttendance: Migration = {
  id: '2026-12-04-30-meeting-drafts-and-attendance',
  up: ({ text: T }) => `
    CREATE TABLE meeting_drafts (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, body TEXT NOT NULL, version INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (tenant_id, space_id)
    );
    CREATE TABLE attendance_jobs (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, online_meeting_id ${T} NOT NULL,
      organizer_aad_object_id TEXT NOT NULL, queued_at TEXT NOT NULL, attempts INTEGER NOT NULL,
      next_attempt_at TEXT NOT NULL, status TEXT NOT NULL, last_error TEXT,
      PRIMARY KEY (tenant_id, online_meeting_id)
    );
    CREATE INDEX attendance_jobs_due ON attendance_jobs (status, next_attempt_at);
  `,
};
