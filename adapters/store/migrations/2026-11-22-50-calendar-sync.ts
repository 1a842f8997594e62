import type { Migration } from './migration';

/**
 * Check-ins in Outlook calendars. `calendar_outbox` marks check-ins whose calendar event must catch up with
 * their schedule, written in the transaction that changes the schedule, so no change is lost when Graph is
 * down or the process stops; `calendar_events` remembers each check-in's event id in its owner's calendar.
 */
export const calendarSync: Migration = {
  id: '2026-11-22-50-calendar-sync',
  up: () => `
    CREATE TABLE calendar_outbox (
      tenant_id TEXT NOT NULL, space_id TEXT NOT NULL, checkin_id TEXT NOT NULL, queued_at TEXT NOT NULL,
      attempts INTEGER NOT NULL, next_attempt_at TEXT NOT NULL, last_error TEXT,
      PRIMARY KEY (tenant_id, checkin_id)
    );
    CREATE INDEX calendar_outbox_due ON calendar_outbox (next_attempt_at);
    CREATE TABLE calendar_events (
      tenant_id TEXT NOT NULL, checkin_id TEXT NOT NULL, event_id TEXT NOT NULL, owner_aad_object_id TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (tenant_id, checkin_id)
    );
  `,
};
