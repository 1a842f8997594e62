import { adaptiveCard, commandButton, heading, styled, text, type AdaptiveCard } from './card-kit';

/** The card sent once when the app is installed in a chat or team. */
export function renderWelcomeCard(where: 'personal' | 'groupChat' | 'team'): AdaptiveCard {
  const here = where === 'personal' ? 'here' : where === 'team' ? 'in this team' : 'in this chat';
  return adaptiveCard(
    [
      ...heading('Partner CRM is ready', 'Keep your service partnerships on track, right from Teams.'),
      text(
        `Log partner meetings with their decisions and agreed actions, agree how work is prioritised when internal and external customers’ demands collide, and track every action to done. Everything logged ${here} becomes dated, tamper-evident evidence for the CFACSB9 unit.`,
      ),
      styled('Start with **add partner**, then **log meeting**. Type **help** for every command.'),
      text(
        'Reminders about due actions and check-ins come to this conversation. To stop them, remove Partner CRM from it.',
        { isSubtle: true, size: 'Small' },
      ),
    ],
    [
      commandButton('Add partner', 'add partner'),
      commandButton('Log meeting', 'log meeting'),
      commandButton('Help', 'help'),
    ],
  );
}
