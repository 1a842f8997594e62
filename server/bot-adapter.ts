import {
  CloudAdapter,
  ShowTypingMiddleware,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { Logger } from '../core/ports';
import type { Config } from './config';
import { botAuthentication, type BotAuthentication } from './bot-authentication';
import { TurnConnectorClients } from './turn-connector-clients';

/**
 * botbuilder's CloudAdapter, keeping the authentication it was built with so the bot endpoint can check an
 * activity's token itself and answer every failure with 401 (CloudAdapter answers some, such as a bad
 * signature or a wrong issuer, with 500). Turns share their Bot Connector clients ({@link TurnConnectorClients}).
 */
export class BotAdapter extends CloudAdapter {
  private readonly connectors = new TurnConnectorClients();

  constructor(readonly authentication: BotAuthentication) {
    super(authentication);
  }

  /** Runs the bot on an activity whose token has been checked; resolves with the invoke response, if any. */
  async run(
    authenticated: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    // As CloudAdapter.process does: timestamps arrive as text and handlers expect dates.
    const raw = activity as Activity & { timestamp?: unknown; localTimestamp?: unknown };
    if (typeof raw.timestamp === 'string')
      Object.assign(activity, { rawTimestamp: raw.timestamp, timestamp: new Date(raw.timestamp) });
    if (typeof raw.localTimestamp === 'string')
      Object.assign(activity, {
        rawLocalTimestamp: raw.localTimestamp,
        localTimestamp: new Date(raw.localTimestamp),
      });
    return this.processActivity(this.connectors.reuseFor(authenticated), activity, logic);
  }
}

/**
 * The bot's adapter for the configured identity. With no app id it runs in local mode: incoming activities
 * need no token (as the Playground and Bot Framework Emulator expect) and replies carry none.
 */
export function createBotAdapter(config: Config, logger: Logger): BotAdapter {
  const adapter = new BotAdapter(botAuthentication(config));
  // A message whose answer takes longer than half a second shows Teams' typing indicator meanwhile.
  adapter.use(new ShowTypingMiddleware(500, 2000));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error('bot turn failed', {
      error,
      activityType: context.activity.type,
      conversationType: context.activity.conversation?.conversationType,
    });
    if (context.activity.type === 'message')
      await context.sendActivity('Sorry, something went wrong on our side. Please try again in a moment.');
  };
  return adapter;
}
