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
  PersonalAppInstaller,
  PersonalInstallOutcome,
} from '../../core/conversations/personal-app-installer';
import type {
  AssignerMessage,
  Notifier,
  ReminderItem,
  ReminderNotice,
  SendOutcome,
  SendRoute,
} from '../../core/reminders/reminder-notice';
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
  /**
   * Installs the app for owners who never did (Microsoft Graph, when the tenant granted it), so they can be written
   * to in their own chat with it. Without it, such owners are @mentioned where the partner is managed.
   */
  readonly installer?: PersonalAppInstaller;
  /** The bot's id (`28:…`) and the Bot Connector address, for a chat made by installing when no other is known. */
  readonly bot?: { readonly id: string; readonly serviceUrl: string };
}

/** One place a reminder can go, best first. */
interface Route {
  readonly route: SendRoute;
  readonly kind: ConversationKind;
  readonly key: string;
  readonly reference: ConversationReference;
}

/** Where an owner could be reached, as stored before this send. */
interface Places {
  readonly personal?: Route;
  readonly space?: Route;
  /** The app may be installed for them: they have no chat with it, and did not remove it themselves. */
  readonly mayInstall: boolean;
}

/** Thrown when a send takes longer than allowed; classified as transient. */
class SendTimeout extends Error {
  readonly code = 'ETIMEDOUT';
}

/** Thrown when a message's turn under the rate limits came too late to send it within its claim. */
class LeaseRanOut extends Error {}

/** The next route is worth trying: the last one's conversation is gone for us. */
const NEXT = Symbol('next route');

/**
 * Sends reminder cards through Teams: to the owner's personal chat with the bot (creating it when the app is
 * installed for them but they never wrote to it; installing the app for them through Microsoft Graph when they
 * never did and the tenant allows it), else to the chat or team where the partner is managed, @mentioning the
 * owner. Every send waits its turn under Teams' limits, per conversation and per tenant. A 403 or 404 means that
 * conversation is gone for us: its reference is marked gone and the next route is tried; throttling and gateway
 * errors go back to the dispatcher to retry later. When no route is left the outcome says the owner is
 * unreachable, and the dispatcher tells whoever assigned the work.
 */
export class TeamsNotifier implements Notifier {
  constructor(private readonly options: TeamsNotifierOptions) {}

  async send(notice: ReminderNotice): Promise<SendOutcome> {
    const scope = { tenantId: notice.tenantId };
    const card = MessageFactory.attachment(
      CardFactory.adaptiveCard(
        renderReminderCard({
          items: notice.items,
          digest: notice.digest,
          partnerPageUrl: (item) => this.partnerPage(item),
        }),
      ),
    );
    // The last moment a message may leave and still be answered (or time out) within the claim.
    const sendBy = notice.leaseUntil.getTime() - this.options.sendTimeoutMs;
    const places = await this.places(scope, notice);
    let lastStale: ConnectorFailure | undefined;
    /** Sends by one route: its outcome, or NEXT when its conversation turned out to be gone. */
    const attempt = async (route: Route, content: Partial<Activity>): Promise<SendOutcome | typeof NEXT> => {
      try {
        await this.deliver(scope, route, content, sendBy);
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
          return NEXT;
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
    };

    if (places.personal) {
      const sent = await attempt(places.personal, card);
      if (sent !== NEXT) return sent;
    }
    let installFailed: Extract<PersonalInstallOutcome, { kind: 'unavailable' }> | undefined;
    if (places.mayInstall) {
      const installed = await this.installFor(scope, notice.owner, places);
      if (installed?.kind === 'route') {
        const sent = await attempt(installed.route, card);
        if (sent !== NEXT) return sent;
      } else if (installed?.kind === 'unavailable') installFailed = installed;
    }
    if (places.space) {
      // In the team or chat it is everyone's message: the @mention is what makes it reach the owner.
      const mention = ownerMention(notice.owner);
      const route: Route = { ...places.space, route: mention ? 'mention-in-space' : 'space' };
      const sent = await attempt(route, { ...card, ...mention });
      if (sent !== NEXT) return sent;
    }
    if (installFailed)
      return {
        kind: 'retry',
        retryAfterMs: installFailed.retryAfterMs,
        detail: `Installing the app for them failed for now (${installFailed.detail})`,
      };
    return lastStale
      ? {
          kind: 'failed',
          statusCode: lastStale.statusCode,
          detail: `${lastStale.detail}: the app is no longer in that chat, and there is nowhere else to send`,
          unreachable: true,
        }
      : {
          kind: 'failed',
          detail:
            'Nowhere to send: the app is not installed for this person (nor could it be) or where the partner is managed',
          unreachable: true,
        };
  }

  async tellAssigner(message: AssignerMessage): Promise<boolean> {
    const scope = { tenantId: message.tenantId };
    const aad = message.assigner.aadObjectId?.toLowerCase();
    const personal = aad ? await this.options.core.conversations.get(scope, 'user', aad) : undefined;
    if (personal?.status !== 'active' || !(personal.conversationId || personal.userId)) return false;
    const route: Route = { route: 'personal', kind: 'user', key: aad!, reference: personal };
    try {
      await this.deliver(scope, route, { type: 'message', text: assignerText(message) }, Infinity);
      return true;
    } catch (err) {
      const failure = classifyFailure(err, this.options.clock.now().getTime());
      if (failure.stale) await this.options.core.conversations.forget(scope, 'user', aad!);
      this.options.logger.warn('could not tell an assigner in their chat', {
        statusCode: failure.statusCode,
      });
      return false;
    }
  }

  /** The owner's personal chat, whether the app may be installed for them, and the space's chat or team. */
  private async places(scope: TenantScope, notice: ReminderNotice): Promise<Places> {
    const conversations = this.options.core.conversations;
    const aad = notice.owner.aadObjectId?.toLowerCase();
    const stored = aad ? await conversations.get(scope, 'user', aad) : undefined;
    const personal: Route | undefined =
      stored?.status === 'active' && (stored.conversationId || stored.userId)
        ? { route: 'personal', kind: 'user', key: aad!, reference: stored }
        : undefined;
    // Someone who removed the app themselves (their chat is gone) is not given it again. Someone the bot knows
    // only from a team has no chat yet: if creating one is refused, the app is not installed for them.
    const mayInstall =
      Boolean(this.options.installer && aad) &&
      (!stored || (!stored.conversationId && stored.status === 'active'));
    const spaceId = notice.items[0]?.spaceId ?? '';
    const [kind, id] = spaceId.startsWith('team:')
      ? ['team', spaceId.slice(5)]
      : spaceId.startsWith('chat:')
        ? ['chat', spaceId.slice(5)]
        : [];
    let space: Route | undefined;
    if (kind && id) {
      const found = await conversations.get(scope, kind as ConversationKind, id);
      if (found?.status === 'active' && found.conversationId)
        space = { route: 'space', kind: kind as ConversationKind, key: id, reference: found };
    }
    return { personal, space, mayInstall };
  }

  /**
   * Installs the app for the owner through Graph and remembers the personal chat that gives (so the next
   * reminder goes straight there). The Bot Connector address and bot id are those of the space's conversation,
   * else the configured ones.
   */
  private async installFor(
    scope: TenantScope,
    owner: Person,
    places: Places,
  ): Promise<
    { kind: 'route'; route: Route } | Extract<PersonalInstallOutcome, { kind: 'unavailable' }> | undefined
  > {
    const aad = owner.aadObjectId!.toLowerCase();
    const outcome = await this.options.installer!.install(scope.tenantId, aad);
    this.options.logger.info('installing the app for a reminder’s owner', { outcome: outcome.kind });
    if (outcome.kind === 'unavailable') return outcome;
    if (outcome.kind !== 'installed') return undefined;
    const template = places.space?.reference ?? places.personal?.reference;
    const serviceUrl = template?.serviceUrl ?? this.options.bot?.serviceUrl;
    const botId = template?.botId ?? this.options.bot?.id;
    if (!serviceUrl || !botId) return undefined;
    const reference = await this.options.core.conversations.remember({
      tenantId: scope.tenantId,
      kind: 'user',
      key: aad,
      serviceUrl,
      channelId: template?.channelId ?? 'msteams',
      botId,
      conversationId: outcome.chatId,
      ...(owner.teamsUserId?.startsWith('29:') ? { userId: owner.teamsUserId } : {}),
    });
    return { kind: 'route', route: { route: 'installed-via-graph', kind: 'user', key: aad, reference } };
  }

  private async deliver(
    scope: TenantScope,
    route: Route,
    content: Partial<Activity>,
    sendBy: number,
  ): Promise<void> {
    const ref = route.reference;
    if (!ref.conversationId) return this.createPersonalChat(scope, route, content, sendBy);
    const client = await this.options.clients.for(ref.serviceUrl);
    const release = await this.options.limiter.acquire([
      `conversation:${ref.conversationId}`,
      `tenant:${scope.tenantId}`,
    ]);
    try {
      this.stillClaimed(sendBy);
      await this.withTimeout(
        client.conversations.sendToConversation(ref.conversationId, {
          ...content,
          ...this.address(scope, route),
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
    content: Partial<Activity>,
    sendBy: number,
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
    await this.deliver(scope, { ...route, reference: { ...ref, conversationId } }, content, sendBy);
  }

  /** Refuses to send once the claim is too near its end for an answer to come back within it. */
  private stillClaimed(sendBy: number): void {
    if (this.options.clock.now().getTime() > sendBy) throw new LeaseRanOut();
  }

  /** Where a message from the bot goes: the conversation, as the Bot Connector takes it. */
  private address(scope: TenantScope, route: Route): Partial<Activity> {
    const ref = route.reference;
    const conversationType =
      route.kind === 'user' ? 'personal' : route.kind === 'chat' ? 'groupChat' : 'channel';
    return {
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

/** What an assigner is told when nothing reaches the owner of work they assigned. */
export function assignerText(message: AssignerMessage): string {
  const name = message.owner.displayName.replace(/[<>*_`[\]]/g, '');
  const what = message.items.map((i) => `“${i.title}” (${i.date})`).join(', ');
  return (
    `We could not reach ${name} about ${what}: they have no chat with Partner CRM, it could not be installed ` +
    `for them, and the partner is not managed in a team or chat where they could be @mentioned. Please let ` +
    `them know yourself. Your My work page in the tab lists this too.`
  );
}
