import type { Migration } from './migration';

/**
 * Meetings' AI insights (GRAPH_MEETING_INSIGHTS=on): the queue of ended meetings (each occurrence of a recurring
 * meeting apart, by its start) whose Microsoft 365 Copilot insights are still to be read, each holding its
 * proposal (action items and notes, as JSON) once read, which a supervisor reviews before anything is logged (`status` waiting, ready, announced or held); and the tenants told
 * once that the insights are refused there (no permission, access policy or Copilot licence).
 */
export const meetingAiInsights: Migration = {
  id: '2026-12-05-10-meeting-ai-insights',
  up: ({ text: T }) => `
    CREATE TABLE meeting_insight_jobs (
      tenant_id ${T} NOT NULL, space_id ${T} NOT NULL, online_meeting_id ${T} NOT NULL,
      organizer_aad_object_id TEXT NOT NULL, title TEXT NOT NULL, started_at ${T} NOT NULL,
      ended_at TEXT NOT NULL, queued_at TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at TEXT NOT NULL,
      status TEXT NOT NULL, proposal TEXT, last_error TEXT, updated_at TEXT NOT NULL,
      PRIMARY KEY (tenant_id, online_meeting_id, started_at)
    );
    CREATE INDEX meeting_insight_jobs_due ON meeting_insight_jobs (status, next_attempt_at);
    CREATE TABLE meeting_insight_refusals (
      tenant_id ${T} NOT NULL, reason TEXT NOT NULL, said_at TEXT NOT NULL,
      PRIMARY KEY (tenant_id)
    );
  `,
};
