import { CardFactory, type Activity } from 'botbuilder';
import type { TenantScope } from '../../core/common/scope';
import type { Core } from '../../core/core';
import type {
  ConversationKind,
  ConversationReference,
} from '../../core/conversations/conversation-reference';
import type { RateLimiter } from '../../core/common/rate-limiter';
import type {
  AnnounceOutcome,
  InsightsAnnouncement,
  InsightsAnnouncer,
} from '../../core/meetings/meeting-insights';
import type { Clock, Logger } from '../../core/ports';
import { insightsUnavailableText, renderMeetingInsightsCard } from '../../cards/meeting-insights-card';
import { classifyFailure } from './connector-failure';
import type { ConnectorClients } from './connector-clients';

/** What the announcer needs: Bot Connector clients, stored conversations and Teams' rate limits. */
export interface MeetingInsightsAnnouncerOptions {
  readonly clients: ConnectorClients;
  readonly core: Core;
  readonly limiter: RateLimiter;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** One place a message can go. */
interface Place {
  readonly kind: ConversationKind;
  readonly key: string;
  readonly reference: ConversationReference;
}

/**
 * Tells a Teams meeting's chat that Copilot's action items are ready for review (the card with "Review and log"),
 * or, once per tenant, why they are not available. The meeting's chat is where the meeting-end form went; when
 * the app is no longer there, the organizer's own chat with the app. A send Teams throttles or fails for now is
 * `retry` (the job tries again later); a chat that is gone is forgotten and the next place tried.
 */
export class MeetingInsightsAnnouncer implements InsightsAnnouncer {
  constructor(private readonly options: MeetingInsightsAnnouncerOptions) {}

  async ready(a: InsightsAnnouncement): Promise<AnnounceOutcome> {
    const card = renderMeetingInsightsCard({
      meetingTitle: a.meetingTitle,
      onlineMeetingId: a.onlineMeetingId,
      startedAt: a.startedAt,
      actionItems: a.actionItems,
      notes: a.notes,
    });
    // Only the meeting's chat: its members review the proposal there, in the space it belongs to.
    return this.send(a, undefined, { type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
  }

  async unavailable(notice: {
    tenantId: string;
    spaceId: string;
    organizerAadObjectId: string;
    meetingTitle: string;
    reason: string;
  }): Promise<AnnounceOutcome> {
    return this.send(notice, notice.organizerAadObjectId, {
      type: 'message',
      text: insightsUnavailableText(notice.meetingTitle, notice.reason),
    });
  }

  /** The meeting's chat (or team), then the organizer's personal chat if given; the first that takes it. */
  private async send(
    where: { tenantId: string; spaceId: string },
    organizer: string | undefined,
    content: Partial<Activity>,
  ): Promise<AnnounceOutcome> {
    const scope = { tenantId: where.tenantId };
    const candidates: [ConversationKind, string][] = [];
    if (where.spaceId.startsWith('chat:')) candidates.push(['chat', where.spaceId.slice(5)]);
    if (where.spaceId.startsWith('team:')) candidates.push(['team', where.spaceId.slice(5)]);
    if (organizer) candidates.push(['user', organizer.toLowerCase()]);
    const places: Place[] = [];
    for (const [k, id] of candidates) {
      const reference = await this.options.core.conversations.get(scope, k, id);
      if (reference?.status === 'active' && reference.conversationId && !places.some((p) => p.key === id))
        places.push({ kind: k, key: id, reference });
    }
    for (const place of places) {
      try {
        await this.deliver(scope, place, content);
        return 'sent';
      } catch (err) {
        const failure = classifyFailure(err, this.options.clock.now().getTime());
        if (failure.stale) {
          this.options.logger.info('conversation gone; trying the next place', {
            kind: place.kind,
            statusCode: failure.statusCode,
          });
          await this.options.core.conversations.forget(scope, place.kind, place.key);
          continue;
        }
        this.options.logger.warn('could not tell a meeting chat about its AI insights', {
          statusCode: failure.statusCode,
          detail: failure.detail,
        });
        return failure.transient ? 'retry' : 'nowhere';
      }
    }
    return 'nowhere';
  }

  private async deliver(scope: TenantScope, place: Place, content: Partial<Activity>): Promise<void> {
    const ref = place.reference;
    const client = await this.options.clients.for(ref.serviceUrl);
    const release = await this.options.limiter.acquire([
      `conversation:${ref.conversationId}`,
      `tenant:${scope.tenantId}`,
    ]);
    try {
      const conversationType =
        place.kind === 'user' ? 'personal' : place.kind === 'chat' ? 'groupChat' : 'channel';
      await client.conversations.sendToConversation(ref.conversationId!, {
        ...content,
        channelId: ref.channelId,
        serviceUrl: ref.serviceUrl,
        from: { id: ref.botId, name: '' },
        conversation: {
          id: ref.conversationId!,
          tenantId: scope.tenantId,
          isGroup: conversationType !== 'personal',
          conversationType,
          name: '',
        },
      } as Activity);
    } finally {
      release();
    }
  }
}
