import { z } from 'zod';
import { IsoDateTime } from '../common/dates';
import { parseInput } from '../common/parse';
import type { MeetingInput } from './meeting';

/** The longest minutes a meeting can hold (the meeting schema's limit). */
const MAX_MINUTES = 20_000;
/** The longest title a meeting can have. */
const MAX_TITLE = 200;

/** A chat message someone wants to log as a partner meeting, as plain text. */
export const ChatMessage = z.object({
  text: z.string().max(200_000),
  authorName: z.string().trim().max(200).optional(),
  sentAt: IsoDateTime,
  /** Deep link to the message. */
  url: z
    .url({ protocol: /^https$/ })
    .max(2000)
    .optional(),
  messageId: z.string().max(300).optional(),
});
/** A chat message as plain text. */
export type ChatMessage = z.input<typeof ChatMessage>;

/**
 * The meeting form's starting values for a chat message: its first line as the title, who wrote it and what
 * as the minutes, its time and a link back to it. The person logging still chooses partners and the rest.
 */
export function meetingDraftFromMessage(message: ChatMessage): Partial<MeetingInput> {
  const m = parseInput(ChatMessage, message);
  const text = m.text.replace(/\r\n?/g, '\n').trim();
  const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
  const title = clip(firstLine.trim() || `Chat with ${m.authorName ?? 'a partner'}`, MAX_TITLE);
  const header = m.authorName ? `${m.authorName} wrote:\n` : '';
  return {
    title,
    occurredAt: m.sentAt,
    type: 'other',
    medium: 'chat',
    minutes: text === '' ? undefined : clip(header + text, MAX_MINUTES),
    source: { kind: 'chat_message', url: m.url, externalId: m.messageId },
  };
}

/** Cuts text to `max` characters, ending with an ellipsis when it was longer. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
