import { TeamsActivityHandler, type TurnContext } from 'botbuilder';
import type { Core } from '../core/core';
import type { Logger } from '../core/ports';

/** The bot's text commands, as the manifest lists them. */
export const COMMANDS = [
  'help',
  'add partner',
  'partners',
  'log meeting',
  'new action',
  'my actions',
  'new agreement',
  'agreements',
  'checkins',
  'evidence',
  'export',
] as const;

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
      `Partner CRM keeps your service partnerships on track. Commands: ${COMMANDS.join(', ')}.`,
    );
  }
}
