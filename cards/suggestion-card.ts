import { adaptiveCard, commandButton, plain, styled, type AdaptiveCard } from './card-kit';

/** The answer to text that is no command: what was not understood, the closest command, and help. */
export function renderSuggestionCard(typed: string, closest: string | undefined): AdaptiveCard {
  return adaptiveCard(
    [
      plain(`I did not understand “${[...typed].slice(0, 100).join('')}”.`),
      styled(closest ? `Did you mean **${closest}**?` : 'Type **help** to see what I can do.'),
    ],
    [...(closest ? [commandButton(closest, closest)] : []), commandButton('Help', 'help')],
  );
}
