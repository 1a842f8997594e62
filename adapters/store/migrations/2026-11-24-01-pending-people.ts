import type { Migration } from './migration';

/**
 * People picked before anything could name them: kept by the Teams user id the picker submitted (or their Entra
 * object id, which has its column already) and marked pending until they write to the bot, a roster or the
 * directory names them. Named users keep their Teams user id too, so a picker's `29:…` id finds them.
 */
export const pendingPeople: Migration = {
  id: '2026-11-24-01-pending-people',
  up: ({ text: T }) => `
    ALTER TABLE people ADD COLUMN teams_user_id ${T};
    ALTER TABLE people ADD COLUMN pending_since ${T};
    CREATE INDEX people_by_teams_user_id ON people (tenant_id, teams_user_id);
  `,
};
