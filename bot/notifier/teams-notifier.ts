import { CardFactory, MessageFactory, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { TenantScope } from '../../core/common/scope';
import type { Core } from '../../core/core';
import type {
  ConversationKind,
  ConversationReference,
} from '../../core/conversations/conversation-reference';
import type { Logger } from '../../core/ports';
import type {
  Notifier,
  ReminderItem,
  ReminderNotice,
  SendOutcome,
} from '../../core/reminders/reminder-notice';
import type { AdaptiveCard } from '../cards/card-kit';
import { renderReminderCard } from '../cards/reminder-card';
import { classifyFailure, type ConnectorFailure } from './connector-failure';
import type { RateLimiter } from './rate-limiter';

/** What the Teams notifier needs. */
export interface TeamsNotifierOptions {
  readonly adapter: CloudAdapter;
  /** The bot's app id (empty in local mode). */
  readonly botAppId: string;
  readonly core: Core;
  readonly limiter: RateLimiter;
  readonly publicUrl: string;
  /** How long one send may take before it counts as failed for now (and is retried). */
  readonly sendTimeoutMs: number;
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
    let lastStale: ConnectorFailure | undefined;
    for (const route of await this.routes(scope, notice)) {
      try {
        await this.deliver(scope, route, card);
        return { kind: 'sent', route: route.route };
      } catch (err) {
        const failure = classifyFailure(err, Date.now());
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

  private async deliver(scope: TenantScope, route: Route, card: AdaptiveCard): Promise<void> {
    const ref = route.reference;
    if (!ref.conversationId) return this.createPersonalChat(scope, route, card);
    await this.options.limiter.acquire([`conversation:${ref.conversationId}`, `tenant:${scope.tenantId}`]);
    const turn = caught((context) => this.post(context, card));
    await this.options.adapter.continueConversationAsync(
      this.options.botAppId,
      {
        serviceUrl: ref.serviceUrl,
        channelId: ref.channelId,
        conversation: {
          id: ref.conversationId,
          tenantId: scope.tenantId,
          isGroup: route.route === 'space',
          conversationType: route.route === 'space' ? 'channel' : 'personal',
          name: '',
        },
        bot: { id: ref.botId, name: '' },
      },
      turn,
    );
    turn.rethrow();
  }

  /** Creates the 1:1 chat of a user the bot knows (from a team or chat) and posts there; remembers the chat. */
  private async createPersonalChat(scope: TenantScope, route: Route, card: AdaptiveCard): Promise<void> {
    const ref = route.reference;
    await this.options.limiter.acquire([`user:${ref.key}`, `tenant:${scope.tenantId}`]);
    const turn = caught(async (context) => {
      await this.options.core.conversations.remember({
        tenantId: scope.tenantId,
        kind: 'user',
        key: ref.key,
        serviceUrl: ref.serviceUrl,
        channelId: ref.channelId,
        botId: ref.botId,
        conversationId: context.activity.conversation.id,
        userId: ref.userId,
      });
      await this.post(context, card);
    });
    // A failure to create the chat itself (the app is not installed for them) is thrown here, outside the turn.
    await this.options.adapter.createConversationAsync(
      this.options.botAppId,
      ref.channelId,
      ref.serviceUrl,
      '',
      {
        isGroup: false,
        bot: { id: ref.botId, name: '' },
        members: [{ id: ref.userId!, name: '' }],
        tenantId: scope.tenantId,
        channelData: { tenant: { id: scope.tenantId } },
      } as Parameters<CloudAdapter['createConversationAsync']>[4],
      turn,
    );
    turn.rethrow();
  }

  /** Posts the card in a proactive turn, with our retry layer in charge (see dropClientRetries). */
  private async post(context: TurnContext, card: AdaptiveCard): Promise<void> {
    dropClientRetries(context);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new SendTimeout('Teams did not answer in time')),
        this.options.sendTimeoutMs,
      );
    });
    try {
      await Promise.race([
        context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private partnerPage(item: ReminderItem): string | undefined {
    if (!item.partnerId) return undefined;
    return `${this.options.publicUrl}/tab/#/partners/${encodeURIComponent(item.partnerId)}?spaceId=${encodeURIComponent(item.spaceId)}`;
  }
}

/**
 * A proactive turn's logic whose failure reaches the caller: the adapter hands errors thrown in a turn to its
 * `onTurnError` (which logs them and carries on), so the failure is carried out of the turn and thrown after it.
 */
function caught(logic: (context: TurnContext) => Promise<void>) {
  let failure: { error: unknown } | undefined;
  const run = async (context: TurnContext) => {
    try {
      await logic(context);
    } catch (error) {
      failure = { error };
    }
  };
  return Object.assign(run, {
    rethrow(): void {
      if (failure) throw failure.error;
    },
  });
}

/**
 * botbuilder's connector client retries throttled and failed calls itself, waiting out Retry-After inside the
 * send (three times by default). The dispatcher owns retries for reminders (so a long Retry-After never holds a
 * send, and every attempt is logged), so the client's own retry policy is taken out of this turn's pipeline.
 */
function dropClientRetries(context: TurnContext): void {
  const connector = context.turnState.get(context.adapter.ConnectorClientKey) as
    { client?: { pipeline?: { removePolicy(options: { name: string }): unknown } } } | undefined;
  connector?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}
