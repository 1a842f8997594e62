import { z } from 'zod';
import { TenantId } from '../common/scope';

/**
 * What a stored conversation stands for: a person (their personal chat with the bot, and their Teams user id),
 * a group chat, a team (its General channel) or one channel of a team.
 */
export const CONVERSATION_KINDS = ['user', 'chat', 'team', 'channel'] as const;
/** What a stored conversation stands for. */
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

const Text = (max: number) => z.string().min(1).max(max);

/**
 * Where and how to reach a conversation proactively, as the bot last saw it. Teams' ids and addresses only:
 * names and e-mails stay in `people`.
 */
export const ConversationReferenceInput = z.object({
  tenantId: TenantId,
  kind: z.enum(CONVERSATION_KINDS),
  /** Entra object id (user), conversation id (chat, channel) or the team's thread id (team). */
  key: Text(1024),
  /** The Bot Connector base address for this conversation (it differs by region). */
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  channelId: Text(64),
  /** The bot's own id in the conversation (`28:…`). */
  botId: Text(1024),
  /** The conversation to post into; a user seen only in shared chats has none yet. */
  conversationId: Text(1024).optional(),
  /** The Teams user id (`29:…`) of a user: what card refresh lists and new 1:1 chats are created with. */
  userId: Text(1024).optional(),
  /** The team a channel or team belongs to. */
  teamId: Text(1024).optional(),
});
/** A conversation reference as the bot edge reports it. */
export type ConversationReferenceInput = z.input<typeof ConversationReferenceInput>;

/** A stored conversation reference. `gone` once the app was uninstalled there: nothing may be sent to it. */
export interface ConversationReference extends z.output<typeof ConversationReferenceInput> {
  readonly status: 'active' | 'gone';
  readonly updatedAt: string;
  /** When the welcome card was sent since the app was (re)installed there. */
  readonly welcomedAt?: string;
}
