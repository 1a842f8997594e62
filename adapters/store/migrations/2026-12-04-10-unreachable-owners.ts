import type { Migration } from './migration';

/**
 * Owners nothing could reach about work someone else assigned them: one row per piece of work and owner, so the
 * assigner is told once however often (and by however many processes) the reminder is retried. The assigner's
 * "My work" lists them. The delivery log's `route` column is free text and takes the new routes as it is.
 */
export const unreachableOwners: Migration = {
  id: '2026-12-04-10-unreachable-owners',
  up: ({ text: T }) => `
    CREATE TABLE unreachable_owners (
      tenant_id ${T} NOT NULL, subject_id ${T} NOT NULL, owner_id ${T} NOT NULL, space_id ${T} NOT NULL,
      reminder_id ${T} NOT NULL, assigner_id ${T} NOT NULL, title ${T} NOT NULL, occurs_on ${T} NOT NULL,
      partner_id ${T}, at ${T} NOT NULL,
      PRIMARY KEY (tenant_id, subject_id, owner_id)
    );
    CREATE INDEX unreachable_owners_by_assigner ON unreachable_owners (tenant_id, assigner_id, at);
  `,
};
