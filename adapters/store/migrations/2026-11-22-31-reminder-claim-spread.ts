import type { Migration } from './migration';

/**
 * Reminders claimed fairly. Many reminders fall due at the same instant (everyone's 09:00), and the scheduler
 * claimed them in id order, which is the order they were planned: a batch could be one tenant's or one person's
 * reminders only, all waiting on that tenant's 50-a-second limit while every other tenant's waited for the next
 * batch (bench/reminders measured 17 s for what the limits allow in 1 s). `spread` is a hash of the id: ordered
 * by due time then spread, a batch mixes tenants and conversations.
 */
export const reminderClaimSpread: Migration = {
  id: '2026-11-22-31-reminder-claim-spread',
  up: () => `
    ALTER TABLE reminders ADD COLUMN spread INTEGER NOT NULL DEFAULT 0;
    DROP INDEX reminders_due;
    CREATE INDEX reminders_due ON reminders (status, due_at, spread, id);
  `,
};
