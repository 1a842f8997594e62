import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { TenantScope } from '../../core/common/scope';
import type { Core } from '../../core/core';
import type {
  ConversationKind,
  ConversationReference,
} from '../../core/conversations/conversation-reference';
import type { Person } from '../../core/people/person';
import type { Clock, Logger } from '../../core/ports';
import type {
  Notifier,
  ReminderItem,
  ReminderNotice,
  SendOutcome,
} from '../../core/reminders/reminder-notice';
import type { AdaptiveCard } from '../../cards/card-kit';
import { renderReminderCard } from '../../cards/reminder-card';
import { classifyFailure, type ConnectorFailure } from './connector-failure';
import { ownerMention } from './owner-mention';
import type { ConnectorClients } from './connector-clients';
import type { RateLimiter } from '../../core/common/rate-limiter';

/** What the Teams notifier needs. */
export interface TeamsNotifierOptions {
  /** Bot Connector clients with the bot's credentials. */
  readonly clients: ConnectorClients;
  readonly core: Core;
  readonly limiter: RateLimiter;
  readonly publicUrl: string;
  /** How long one send may take before it counts as failed for now (and is retried). */
  readonly sendTimeoutMs: number;
  /** The scheduler's clock, which its leases are reckoned by. */
  readonly clock: Clock;
  readonly logger: Logger;
}

/** One place a reminder can go, best first. */
interface Route {
  readonly route: 'personal' | 'space';
  readonly kind: ConversationKind;
  readonly key: string;
  readonly reference: ConversationReference;
}

/** Thrown when a send takes longer than allowed; classified as transient. */
class SendTimeout extends Error {
  readonly code = 'ETIMEDOUT';
}

/** Thrown when a message's turn under the rate limits came too late to send it within its claim. */
class LeaseRanOut extends Error {}

/**
 * Sends reminder cards through Teams: to the owner's personal chat with the bot (creating it when the app is
 * installed for them but they never wrote to it), else to the chat or team where the partner is managed. Every
 * send waits its turn under Teams' limits, per conversation and per tenant. A 403 or 404 means that
 * conversation is gone for us: its reference is marked gone and the next route is tried; throttling and
 * gateway errors go back to the dispatcher to retry later.
 */
export class TeamsNotifier implements Notifier {
  constructor(private readonly options: TeamsNotifierOptions) {}

  async send(notice: ReminderNotice): Promise<SendOutcome> {
    const scope = { tenantId: notice.tenantId };
    const card = renderReminderCard({
      items: notice.items,
      digest: notice.digest,
      partnerPageUrl: (item) => this.partnerPage(item),
    });
    // The last moment a message may leave and still be answered (or time out) within the claim.
    const sendBy = notice.leaseUntil.getTime() - this.options.sendTimeoutMs;
    let lastStale: ConnectorFailure | undefined;
    for (const route of await this.routes(scope, notice)) {
      try {
        await this.deliver(scope, route, card, sendBy, notice.owner);
        return { kind: 'sent', route: route.route };
      } catch (err) {
        if (err instanceof LeaseRanOut)
          return { kind: 'retry', detail: 'Its turn under Teams’ rate limits came after its claim ran out' };
        const failure = classifyFailure(err, this.options.clock.now().getTime());
        if (failure.stale) {
          this.options.logger.info('conversation gone; trying the next route', {
            kind: route.kind,
            statusCode: failure.statusCode,
          });
          await this.options.core.conversations.forget(scope, route.kind, route.key);
          lastStale = failure;
          continue;
        }
        if (failure.transient)
          return {
            kind: 'retry',
            statusCode: failure.statusCode,
            retryAfterMs: failure.retryAfterMs,
            detail: failure.detail,
          };
        return { kind: 'failed', statusCode: failure.statusCode, detail: failure.detail };
      }
    }
    return lastStale
      ? {
          kind: 'failed',
          statusCode: lastStale.statusCode,
          detail: `${lastStale.detail}: the app is no longer in that chat, and there is nowhere else to send`,
        }
      : {
          kind: 'failed',
          detail: 'Nowhere to send: the app is not installed for this person or where the partner is managed',
        };
  }

  /** The owner's personal chat, then the space's chat or team. */
  private async routes(scope: TenantScope, notice: ReminderNotice): Promise<Route[]> {
    const conversations = this.options.core.conversations;
    const routes: Route[] = [];
    const aad = notice.owner.aadObjectId?.toLowerCase();
    const personal = aad ? await conversations.get(scope, 'user', aad) : undefined;
    if (personal?.status === 'active' && (personal.conversationId || personal.userId))
      routes.push({ route: 'personal', kind: 'user', key: aad!, reference: personal });
    const spaceId = notice.items[0]?.spaceId ?? '';
    const [kind, id] = spaceId.startsWith('team:')
      ? ['team', spaceId.slice(5)]
      : spaceId.startsWith('chat:')
        ? ['chat', spaceId.slice(5)]
        : [];
    if (kind && id) {
      const space = await conversations.get(scope, kind as ConversationKind, id);
      if (space?.status === 'active' && space.conversationId)
        routes.push({ route: 'space', kind: kind as ConversationKind, key: id, reference: space });
    }
    return routes;
  }

  private async deliver(
    scope: TenantScope,
    route: Route,
    card: AdaptiveCard,
    sendBy: number,
    owner: Person,
  ): Promise<void> {
    const ref = route.reference;
    if (!ref.conversationId) return this.createPersonalChat(scope, route, card, sendBy, owner);
    const client = await this.options.clients.for(ref.serviceUrl);
    const release = await this.options.limiter.acquire([
      `conversation:${ref.conversationId}`,
      `tenant:${scope.tenantId}`,
    ]);
    try {
      this.stillClaimed(sendBy);
      await this.withTimeout(
        client.conversations.sendToConversation(ref.conversationId, {
          ...this.message(scope, route, card),
          // In the team or chat the owner is @mentioned, so the message reaches them there.
          ...(route.route === 'space' ? ownerMention(owner) : undefined),
        }),
      );
    } finally {
      release();
    }
  }

  /** Creates the 1:1 chat of a user the bot knows (from a team or chat), remembers it, and posts there. */
  private async createPersonalChat(
    scope: TenantScope,
    route: Route,
    card: AdaptiveCard,
    sendBy: number,
    owner: Person,
  ): Promise<void> {
    const ref = route.reference;
    const client = await this.options.clients.for(ref.serviceUrl);
    const release = await this.options.limiter.acquire([`user:${ref.key}`, `tenant:${scope.tenantId}`]);
    let conversationId: string;
    try {
      this.stillClaimed(sendBy);
      // Teams answers with the existing chat when there is one, and refuses (403) when the app is not installed.
      ({ id: conversationId } = await this.withTimeout(
        client.conversations.createConversation({
          isGroup: false,
          bot: { id: ref.botId, name: '' },
          members: [{ id: ref.userId!, name: '' }],
          tenantId: scope.tenantId,
          channelData: { tenant: { id: scope.tenantId } },
        } as Parameters<ConnectorClient['conversations']['createConversation']>[0]),
      ));
    } finally {
      release();
    }
    await this.options.core.conversations.remember({
      tenantId: scope.tenantId,
      kind: 'user',
      key: ref.key,
      serviceUrl: ref.serviceUrl,
      channelId: ref.channelId,
      botId: ref.botId,
      conversationId,
      userId: ref.userId,
    });
    await this.deliver(scope, { ...route, reference: { ...ref, conversationId } }, card, sendBy, owner);
  }

  /** Refuses to send once the claim is too near its end for an answer to come back within it. */
  private stillClaimed(sendBy: number): void {
    if (this.options.clock.now().getTime() > sendBy) throw new LeaseRanOut();
  }

  /** The card as a message from the bot into a conversation. */
  private message(scope: TenantScope, route: Route, card: AdaptiveCard): Partial<Activity> {
    const ref = route.reference;
    const conversationType =
      route.kind === 'user' ? 'personal' : route.kind === 'chat' ? 'groupChat' : 'channel';
    return {
      ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
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
    };
  }

  /** A call that takes longer than allowed counts as failed for now (and is retried). */
  private async withTimeout<T>(call: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new SendTimeout('Teams did not answer in time')),
        this.options.sendTimeoutMs,
      );
    });
    try {
      return await Promise.race([call, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private partnerPage(item: ReminderItem): string | undefined {
    if (!item.partnerId) return undefined;
    return `${this.options.publicUrl}/tab/#/partners/${encodeURIComponent(item.partnerId)}?spaceId=${encodeURIComponent(item.spaceId)}`;
  }
}
