import type { Migration } from './migration';

/**
 * The people each evidence event names, kept beside its snapshot (JSON arrays of person ids) so that a pass
 * over a whole trail, an export's first, need not read and parse every snapshot. Not part of the hashed event.
 * NULL for events stored before, and after a snapshot is rewritten: readers then take them from the snapshot.
 */
export const evidenceOutlinePeople: Migration = {
  id: '2026-11-23-01-evidence-outline-people',
  up: () => `
    ALTER TABLE evidence_events ADD COLUMN person_ids TEXT;
    ALTER TABLE evidence_events ADD COLUMN involved_ids TEXT;
  `,
};
