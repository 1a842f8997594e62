import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ShowTypingMiddleware,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../core/ports';
import type { Config } from './config';

/**
 * botbuilder's CloudAdapter for the configured bot identity. With no app id it runs in local mode: incoming
 * activities need no token (as the Playground and Bot Framework Emulator expect) and replies carry none.
 */
export function createBotAdapter(config: Config, logger: Logger): CloudAdapter {
  const adapter = new CloudAdapter(botAuthentication(config));
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

/** The bot's identity with Bot Framework, for incoming activities and outgoing calls alike. */
export function botAuthentication(config: Config): ConfigurationBotFrameworkAuthentication {
  // botbuilder refuses an app type without an app id, so local mode passes no identity at all.
  const identity = config.localMode
    ? {}
    : {
        MicrosoftAppId: config.bot.appId,
        MicrosoftAppPassword: config.bot.appPassword,
        MicrosoftAppType: config.bot.appType,
        MicrosoftAppTenantId: config.bot.appTenantId,
      };
  return new ConfigurationBotFrameworkAuthentication(
    identity as ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0],
  );
}
