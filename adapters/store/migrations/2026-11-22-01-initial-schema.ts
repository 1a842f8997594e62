import type { Migration } from './migration';

/** The partnership domain, people, the evidence log and idempotency keys. */
export const initialSchema: Migration = {
  id: '2026-11-22-01-initial-schema',
  up: ({ text: T }) => `
    CREATE TABLE people (
      tenant_id ${T} NOT NULL, id ${T} NOT NULL, kind ${T} NOT NULL, display_name ${T} NOT NULL,
      email ${T}, phone ${T}, job_title ${T}, aad_object_id ${T}, partner_id ${T},
      created_at ${T} NOT NULL, updated_at ${T} NOT NULL,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE UNIQUE INDEX people_by_aad_object_id ON people (tenant_id, aad_object_id);
    CREATE INDEX people_by_partner ON people (tenant_id, partner_id);

    CREATE TABLE partners (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, id ${T} NOT NULL,
      name ${T} NOT NULL, name_key ${T} NOT NULL, kind ${T} NOT NULL, side ${T} NOT NULL,
      chain_direction ${T} NOT NULL, chain_stage INTEGER NOT NULL, contacts ${T} NOT NULL,
      authority_notes ${T}, relationship_owner_id ${T} NOT NULL, notes ${T}, information_sources ${T} NOT NULL,
      status ${T} NOT NULL, version INTEGER NOT NULL,
      created_at ${T} NOT NULL, updated_at ${T} NOT NULL, created_by ${T} NOT NULL,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE UNIQUE INDEX partners_by_name ON partners (tenant_id, space_id, name_key);
    CREATE INDEX partners_by_space ON partners (tenant_id, space_id, status, name_key, id);

    CREATE TABLE meetings (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, id ${T} NOT NULL, title ${T} NOT NULL,
      occurred_at ${T} NOT NULL, duration_minutes INTEGER, type ${T} NOT NULL, medium ${T} NOT NULL,
      partner_ids ${T} NOT NULL, attendee_ids ${T} NOT NULL, minutes ${T}, decisions ${T} NOT NULL,
      issues_raised ${T} NOT NULL, customer_impact ${T}, action_ids ${T} NOT NULL, agreement_id ${T},
      source ${T} NOT NULL, logged_by ${T} NOT NULL, created_at ${T} NOT NULL,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE INDEX meetings_by_space ON meetings (tenant_id, space_id, occurred_at, id);
    CREATE TABLE meeting_partners (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, partner_id ${T} NOT NULL,
      occurred_at ${T} NOT NULL, meeting_id ${T} NOT NULL,
      PRIMARY KEY (tenant_id, space_id, partner_id, occurred_at, meeting_id)
    );

    CREATE TABLE actions (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, id ${T} NOT NULL, title ${T} NOT NULL,
      owner_id ${T} NOT NULL, due_date ${T} NOT NULL, status ${T} NOT NULL, meeting_id ${T}, partner_id ${T},
      completion_note ${T}, completed_at ${T}, version INTEGER NOT NULL,
      created_at ${T} NOT NULL, updated_at ${T} NOT NULL, created_by ${T} NOT NULL,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE INDEX actions_by_space ON actions (tenant_id, space_id, due_date, id);
    CREATE INDEX actions_by_owner ON actions (tenant_id, owner_id, due_date, id);
    CREATE INDEX actions_by_meeting ON actions (tenant_id, meeting_id);

    CREATE TABLE agreements (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, id ${T} NOT NULL, series_id ${T} NOT NULL,
      version_no INTEGER NOT NULL, title ${T} NOT NULL, parties ${T} NOT NULL, scenario ${T} NOT NULL,
      priority_rule ${T} NOT NULL, rationale ${T}, escalation_route ${T} NOT NULL,
      effective_from ${T} NOT NULL, review_date ${T} NOT NULL, status ${T} NOT NULL,
      supersedes_id ${T}, superseded_by_id ${T}, version INTEGER NOT NULL,
      created_at ${T} NOT NULL, updated_at ${T} NOT NULL, created_by ${T} NOT NULL,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE INDEX agreements_by_space ON agreements (tenant_id, space_id, created_at, id);
    CREATE TABLE agreement_partners (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, partner_id ${T} NOT NULL, agreement_id ${T} NOT NULL,
      PRIMARY KEY (tenant_id, agreement_id, partner_id)
    );
    CREATE INDEX agreement_partners_by_partner ON agreement_partners (tenant_id, space_id, partner_id);
    CREATE TABLE agreement_acknowledgements (
      tenant_id ${T} NOT NULL, agreement_id ${T} NOT NULL, party_id ${T} NOT NULL, person_id ${T} NOT NULL,
      acknowledged_at ${T} NOT NULL, comment ${T},
      PRIMARY KEY (tenant_id, agreement_id, party_id)
    );

    CREATE TABLE slas (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, id ${T} NOT NULL, partner_id ${T} NOT NULL,
      metric ${T} NOT NULL, label ${T}, target_comparator ${T} NOT NULL, target_value DOUBLE PRECISION NOT NULL,
      target_unit ${T} NOT NULL, period ${T} NOT NULL, review_date ${T} NOT NULL, status ${T} NOT NULL,
      version INTEGER NOT NULL, created_at ${T} NOT NULL, updated_at ${T} NOT NULL, created_by ${T} NOT NULL,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE INDEX slas_by_space ON slas (tenant_id, space_id, created_at, id);
    CREATE TABLE sla_readings (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, id ${T} NOT NULL, sla_id ${T} NOT NULL,
      period_start ${T} NOT NULL, period_end ${T} NOT NULL, value DOUBLE PRECISION NOT NULL, met INTEGER NOT NULL,
      note ${T}, recorded_by ${T} NOT NULL, recorded_at ${T} NOT NULL,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE INDEX sla_readings_by_sla ON sla_readings (tenant_id, space_id, sla_id, period_start, id);

    CREATE TABLE checkins (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, id ${T} NOT NULL, partner_id ${T} NOT NULL,
      owner_id ${T} NOT NULL, cadence_every INTEGER NOT NULL, cadence_unit ${T} NOT NULL,
      next_due_date ${T} NOT NULL, last_completed_on ${T}, last_meeting_id ${T}, active INTEGER NOT NULL,
      version INTEGER NOT NULL, updated_at ${T} NOT NULL,
      PRIMARY KEY (tenant_id, id)
    );
    CREATE UNIQUE INDEX checkins_by_partner ON checkins (tenant_id, space_id, partner_id);
    CREATE INDEX checkins_by_due_date ON checkins (tenant_id, space_id, active, next_due_date, id);
    CREATE INDEX checkins_by_owner ON checkins (tenant_id, owner_id, active, next_due_date, id);

    CREATE TABLE evidence_events (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, seq INTEGER NOT NULL, id ${T} NOT NULL,
      kind ${T} NOT NULL, subject_type ${T} NOT NULL, subject_id ${T} NOT NULL, partner_ids ${T} NOT NULL,
      actor_id ${T} NOT NULL, occurred_at ${T} NOT NULL, recorded_at ${T} NOT NULL, snapshot ${T} NOT NULL,
      criteria ${T} NOT NULL, prev_hash ${T} NOT NULL, hash ${T} NOT NULL,
      PRIMARY KEY (tenant_id, space_id, seq)
    );
    CREATE UNIQUE INDEX evidence_events_by_id ON evidence_events (tenant_id, id);
    CREATE TABLE evidence_partners (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, partner_id ${T} NOT NULL, seq INTEGER NOT NULL,
      PRIMARY KEY (tenant_id, space_id, partner_id, seq)
    );
    CREATE TABLE evidence_heads (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, seq INTEGER NOT NULL, hash ${T} NOT NULL,
      PRIMARY KEY (tenant_id, space_id)
    );

    CREATE TABLE idempotency_keys (
      tenant_id ${T} NOT NULL, key ${T} NOT NULL, result ${T}, created_at ${T} NOT NULL,
      PRIMARY KEY (tenant_id, key)
    );
  `,
};
