import type { Migration } from './migration';

/**
 * Where the bot can reach each user, group chat, team and channel of a tenant, for proactive messages, and
 * when it was welcomed there (so an install event delivered twice is welcomed once).
 */
export const conversationReferences: Migration = {
  id: '2026-11-22-10-conversation-references',
  up: ({ text: T }) => `
    CREATE TABLE conversation_references (
      tenant_id ${T} NOT NULL, kind ${T} NOT NULL, key ${T} NOT NULL,
      service_url ${T} NOT NULL, channel_id ${T} NOT NULL, bot_id ${T} NOT NULL,
      conversation_id ${T}, user_id ${T}, team_id ${T},
      status ${T} NOT NULL, updated_at ${T} NOT NULL, welcomed_at ${T},
      PRIMARY KEY (tenant_id, kind, key)
    );
  `,
};
