import { TeamsActivityHandler, type TurnContext } from 'botbuilder';
import type { Core } from '../core/core';
import type { Logger } from '../core/ports';
import { BOT_COMMANDS } from './command-list';

/** The conversation edge: Teams messages and invokes in, cards out. */
export class PartnerBot extends TeamsActivityHandler {
  constructor(
    readonly core: Core,
    private readonly logger: Logger,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.replyWithHelp(context);
      await next();
    });
  }

  private async replyWithHelp(context: TurnContext): Promise<void> {
    this.logger.debug('message received', {
      conversationType: context.activity.conversation?.conversationType,
    });
    await context.sendActivity(
      `Partner CRM keeps your service partnerships on track. Commands: ${BOT_COMMANDS.map((c) => c.title).join(', ')}.`,
    );
  }
}
