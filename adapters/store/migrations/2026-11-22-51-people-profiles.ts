import type { Migration } from './migration';

/** When each Teams user's job title and e-mail were last looked up in the directory (Microsoft Graph). */
export const peopleProfiles: Migration = {
  id: '2026-11-22-51-people-profiles',
  up: () => `
    ALTER TABLE people ADD COLUMN profile_checked_at TEXT;
  `,
};
