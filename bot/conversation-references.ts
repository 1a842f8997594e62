import type { ConversationReferenceInput } from '../core/conversations/conversation-reference';
import type { ConversationPlace } from './conversation-space';

/** The parts of an activity a conversation reference is made of. */
export interface ReferenceSource {
  readonly serviceUrl?: string;
  readonly channelId?: string;
  readonly from?: { readonly id?: string; readonly aadObjectId?: string };
  readonly recipient?: { readonly id?: string };
}

/**
 * The references an activity refreshes: its sender (with their Teams user id, and their personal chat when
 * this is one) and the group chat, or the channel and its team. Empty when the activity lacks an address.
 */
export function referencesOf(
  activity: ReferenceSource,
  place: ConversationPlace,
): ConversationReferenceInput[] {
  const { serviceUrl, channelId, recipient, from } = activity;
  if (!serviceUrl || !channelId || !recipient?.id) return [];
  const base = { tenantId: place.tenantId, serviceUrl, channelId, botId: recipient.id };
  const refs: ConversationReferenceInput[] = [];
  if (from?.aadObjectId && from.id)
    refs.push({
      ...base,
      kind: 'user',
      key: from.aadObjectId,
      userId: from.id,
      conversationId: place.kind === 'personal' ? place.conversationId : undefined,
    });
  if (place.kind === 'groupChat')
    refs.push({ ...base, kind: 'chat', key: place.conversationId, conversationId: place.conversationId });
  if (place.kind === 'team' && place.teamId) {
    refs.push({
      ...base,
      kind: 'channel',
      key: place.conversationId,
      conversationId: place.conversationId,
      teamId: place.teamId,
    });
    // The team's own id is its General channel's conversation id.
    refs.push({
      ...base,
      kind: 'team',
      key: place.teamId,
      conversationId: place.teamId,
      teamId: place.teamId,
    });
  }
  return refs;
}
