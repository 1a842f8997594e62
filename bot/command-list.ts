/** Where a bot command is offered: personal chat, group chats, team channels. */
export type CommandScope = 'personal' | 'groupChat' | 'team';

/** A text command of the bot, as typed and as the Teams manifest lists it. */
export interface BotCommand {
  /** What the user types (case-insensitive; an @mention before it is ignored). */
  readonly title: string;
  /** One line shown in Teams' command menu (at most 128 characters). */
  readonly description: string;
  readonly scopes: readonly CommandScope[];
}

const EVERYWHERE: readonly CommandScope[] = ['personal', 'groupChat', 'team'];

/** Every text command; the manifest's command lists are generated from this. */
export const BOT_COMMANDS: readonly BotCommand[] = [
  { title: 'help', description: 'What Partner CRM does and the commands you can use', scopes: EVERYWHERE },
  {
    title: 'add partner',
    description: 'Add a service partner: kind, place in the service chain, contacts, check-in cadence',
    scopes: EVERYWHERE,
  },
  {
    title: 'partners',
    description: 'List the partners here with their next check-in and open actions',
    scopes: EVERYWHERE,
  },
  {
    title: 'log meeting',
    description: 'Log a partner meeting with decisions and agreed actions',
    scopes: EVERYWHERE,
  },
  { title: 'new action', description: 'Agree an action with an owner and a due date', scopes: EVERYWHERE },
  { title: 'my actions', description: 'Your open agreed actions, overdue first', scopes: EVERYWHERE },
  {
    title: 'new agreement',
    description: 'Propose how work is prioritised when internal and external demands conflict',
    scopes: EVERYWHERE,
  },
  {
    title: 'agreements',
    description: 'Conflict-priority agreements and who has acknowledged them',
    scopes: EVERYWHERE,
  },
  { title: 'checkins', description: 'Partner check-ins that are due, overdue first', scopes: EVERYWHERE },
  {
    title: 'evidence',
    description: 'Your evidence trail and how it covers the CFACSB9 criteria',
    scopes: EVERYWHERE,
  },
  {
    title: 'export',
    description: 'Export your evidence trail as PDF, Word, CSV, JSON or a ZIP bundle',
    scopes: EVERYWHERE,
  },
];

/** Message extension commands; their ids are shared with the manifest. */
export const MESSAGE_EXTENSION_COMMANDS = {
  /** Action on any message: opens the meeting form pre-filled from the message. */
  logAsPartnerMeeting: { id: 'logAsPartnerMeeting', title: 'Log as partner meeting' },
  /** Search partners, open actions and agreements and insert their card. */
  searchPartnerRecords: { id: 'searchPartnerRecords', title: 'Partner CRM', parameter: 'query' },
} as const;
