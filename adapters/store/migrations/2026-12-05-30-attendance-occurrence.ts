import type { Migration } from './migration';

/**
 * When the meeting of an attendance job ended, as Teams said: a recurring meeting keeps one online-meeting id and
 * has a report per occurrence, so the job reads the report of the occurrence that ended then. Jobs queued before
 * this have none and go by when they were queued.
 */
export const attendanceOccurrence: Migration = {
  id: '2026-12-05-30-attendance-occurrence',
  up: ({ text: T }) => `
    ALTER TABLE attendance_jobs ADD COLUMN ended_at ${T};
  `,
};
