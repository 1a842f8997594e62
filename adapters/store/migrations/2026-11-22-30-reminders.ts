import type { Migration } from './migration';

/** Reminders (rows the scheduler claims), their delivery log, and people's reminder preferences. */
export const reminders: Migration = {
  id: '2026-11-22-30-reminders',
  up: ({ text: T }) => `
    CREATE TABLE reminders (
      tenant_id ${T} NOT NULL, id ${T} NOT NULL, space_id ${T} NOT NULL, kind ${T} NOT NULL,
      subject_type ${T} NOT NULL, subject_id ${T} NOT NULL, owner_id ${T} NOT NULL, occurs_on ${T} NOT NULL,
      key ${T} NOT NULL, due_at ${T} NOT NULL, status ${T} NOT NULL, attempts INTEGER NOT NULL,
      next_attempt_at ${T}, lease_until ${T}, lease_owner ${T}, last_error ${T}, delivered_at ${T},
      snooze_of ${T}, created_at ${T} NOT NULL, updated_at ${T} NOT NULL,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE UNIQUE INDEX reminders_by_key ON reminders (tenant_id, key);
    CREATE INDEX reminders_due ON reminders (status, due_at);
    CREATE INDEX reminders_by_subject ON reminders (tenant_id, space_id, subject_type, subject_id, status);
    CREATE INDEX reminders_by_owner ON reminders (tenant_id, owner_id, status, due_at, id);

    CREATE TABLE reminder_deliveries (
      tenant_id ${T} NOT NULL, reminder_id ${T} NOT NULL, attempt INTEGER NOT NULL, at ${T} NOT NULL,
      outcome ${T} NOT NULL, route ${T}, status_code INTEGER, detail ${T},
      PRIMARY KEY (tenant_id, reminder_id, attempt, at)
    );

    CREATE TABLE reminder_preferences (
      tenant_id ${T} NOT NULL, person_id ${T} NOT NULL, preferences ${T} NOT NULL, updated_at ${T} NOT NULL,
      PRIMARY KEY (tenant_id, person_id)
    );
  `,
};
