import type { BotCommand } from '../command-list';
import { adaptiveCard, commandButton, facts, heading, text, type AdaptiveCard } from './card-kit';

/** Every command with what it does; the usual first steps as buttons. */
export function renderHelpCard(commands: readonly BotCommand[]): AdaptiveCard {
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
