import { hostname } from 'node:os';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Core } from '../core/core';
import type { Clock, Logger, Store } from '../core/ports';
import { ReminderDispatcher } from '../core/reminders/reminder-dispatcher';
import { DEFAULT_RETRY } from '../core/reminders/retry-policy';
import { ConnectorClients } from '../bot/notifier/connector-clients';
import { SlidingWindowRateLimiter } from '../adapters/rate-limit/sliding-window-rate-limiter';
import { TeamsNotifier } from '../bot/notifier/teams-notifier';
import type { PersonalAppInstaller } from '../core/conversations/personal-app-installer';
import type { Config } from './config';
import type { TenantDispatch } from '../core/reminders/tenant-dispatch';

/** The pause between rounds while other processes send tenants with reminders due: they hand them on in seconds. */
const HANDOVER_POLL_MS = 250;

/**
 * The loop that sends reminders: a round sends everything due (claiming batch after batch while it sends),
 * then the loop waits `tickMs` before looking again. Nothing lives in timers or memory but the loop itself: reminders are
 * rows, so a restart picks up where the last process stopped.
 */
export class ReminderScheduler {
  private running = false;
  private current: Promise<void> = Promise.resolve();
  private wake?: () => void;

  constructor(
    private readonly dispatcher: ReminderDispatcher,
    private readonly settings: Pick<Config['reminders'], 'tickMs' | 'batch'>,
    private readonly logger: Logger,
  ) {}

  /** Starts the loop (no-op when reminders are off). */
  start(): void {
    if (this.running || this.settings.tickMs === 0) return;
    this.running = true;
    this.current = this.loop();
  }

  /** Stops after the round in progress, so no send is cut off halfway. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.current;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        await this.dispatcher.drain(() => this.running);
      } catch (err) {
        this.logger.error('reminder round failed', { error: err });
      }
      const pause = this.dispatcher.waitingForTenants
        ? Math.min(HANDOVER_POLL_MS, this.settings.tickMs)
        : this.settings.tickMs;
      if (this.running)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pause);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
    }
  }
}

/** What the reminder wiring needs from the process. */
export interface ReminderParts {
  readonly config: Pick<Config, 'reminders' | 'bot' | 'publicUrl'>;
  readonly core: Core;
  readonly store: Store;
  readonly clock: Clock;
  /** The bot's identity with Bot Framework (see botAuthentication). */
  readonly auth: BotFrameworkAuthentication;
  readonly logger: Logger;
  /** This process's name in leases (host and pid unless told). */
  readonly worker?: string;
  /** Installs the app for owners who never did (see appInstaller); without it they are @mentioned. */
  readonly installer?: PersonalAppInstaller;
  /** Which tenants this process sends for (default: all of them, as one process alone does). */
  readonly tenants?: TenantDispatch;
}

/**
 * The Bot Connector's global address, for a chat made by installing the app when no conversation in the
 * tenant gave a regional one (Teams routes it to the tenant's region).
 */
const GLOBAL_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/** The dispatcher for this process: the Teams notifier under Teams' limits, and a lease name unique to it. */
export function reminderDispatcher(parts: ReminderParts): ReminderDispatcher {
  const { config, core, store, clock, auth, logger } = parts;
  const limits = config.reminders;
  const limiter = new SlidingWindowRateLimiter((key) =>
    key.startsWith('tenant:') ? limits.tenantLimits : limits.conversationLimits,
  );
  const notifier = new TeamsNotifier({
    clients: new ConnectorClients(auth, config.bot.appId),
    core,
    limiter,
    publicUrl: config.publicUrl,
    sendTimeoutMs: limits.sendTimeoutMs,
    clock,
    logger,
    installer: parts.installer,
    bot: { id: `28:${config.bot.appId}`, serviceUrl: GLOBAL_SERVICE_URL },
  });
  return new ReminderDispatcher({
    store,
    clock,
    notifier,
    retry: DEFAULT_RETRY,
    worker: parts.worker ?? `${hostname()}:${process.pid}`,
    batch: limits.batch,
    leaseMs: limits.leaseMs,
    concurrency: limits.concurrency,
    tenants: parts.tenants,
    logger,
  });
}

/** The scheduler loop for this process. */
export function reminderScheduler(parts: ReminderParts): ReminderScheduler {
  return new ReminderScheduler(reminderDispatcher(parts), parts.config.reminders, parts.logger);
}
