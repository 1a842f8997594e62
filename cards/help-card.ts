import { adaptiveCard, commandButton, facts, heading, text, type AdaptiveCard } from './card-kit';

/** A command as the help card lists it (the bot's command list passes its own entries). */
export interface HelpCommand {
  readonly title: string;
  readonly description: string;
}

/** Every command with what it does; the usual first steps as buttons. */
export function renderHelpCard(commands: readonly HelpCommand[]): AdaptiveCard {
  return adaptiveCard(
    [
      ...heading(
        'What Partner CRM can do',
        'Type a command, or @mention Partner CRM with it in a group chat or channel.',
      ),
      ...facts(commands.map((c) => [c.title, c.description])),
      text(
        'Buttons on the cards do the rest: mark actions done, acknowledge agreements, page through lists.',
        {
          isSubtle: true,
          size: 'Small',
        },
      ),
    ],
    [
      commandButton('Log meeting', 'log meeting'),
      commandButton('My actions', 'my actions'),
      commandButton('Partners', 'partners'),
    ],
  );
}
