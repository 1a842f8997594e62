import { isDeepStrictEqual } from 'node:util';
import {
  BOT_COMMANDS,
  MESSAGE_EXTENSION_COMMANDS,
  type BotCommand,
  type CommandScope,
} from '../../bot/command-list';

/** One `bots[].commandLists[]` entry of the manifest. */
export interface ManifestCommandList {
  readonly scopes: readonly CommandScope[];
  readonly commands: readonly { readonly title: string; readonly description: string }[];
}

/** Teams shows at most this many commands per scope, and cuts titles and descriptions beyond these lengths. */
export const TEAMS_COMMAND_LIMITS = { perScope: 12, title: 32, description: 128 } as const;

const SCOPE_ORDER: readonly CommandScope[] = ['personal', 'team', 'groupChat'];

/**
 * The bot's command lists as the manifest must declare them: one list per scope (as Teams asks), each with the
 * commands offered there, in the order of {@link BOT_COMMANDS}.
 */
export function commandListsFor(commands: readonly BotCommand[] = BOT_COMMANDS): ManifestCommandList[] {
  const tooLong = commands.filter(
    (c) =>
      c.title.length > TEAMS_COMMAND_LIMITS.title || c.description.length > TEAMS_COMMAND_LIMITS.description,
  );
  if (tooLong.length > 0)
    throw new Error(
      `Bot commands longer than Teams shows (title ${TEAMS_COMMAND_LIMITS.title}, description ${TEAMS_COMMAND_LIMITS.description} characters): ${tooLong.map((c) => c.title).join(', ')}`,
    );
  return SCOPE_ORDER.map((scope) => ({
    scopes: [scope],
    commands: commands
      .filter((c) => c.scopes.includes(scope))
      .map((c) => ({ title: c.title, description: c.description })),
  })).filter((list) => {
    if (list.commands.length > TEAMS_COMMAND_LIMITS.perScope)
      throw new Error(
        `Teams allows ${TEAMS_COMMAND_LIMITS.perScope} commands per scope; ${list.scopes[0]} has ${list.commands.length}`,
      );
    return list.commands.length > 0;
  });
}

interface TemplateWithCommands {
  bots?: { commandLists?: unknown }[];
  composeExtensions?: { commands?: { id?: unknown; title?: unknown }[] }[];
}

/**
 * How the manifest template's command lists and message-extension commands differ from `bot/command-list.ts`,
 * one line per difference; empty when they agree.
 */
export function commandDrift(template: unknown): string[] {
  const t = template as TemplateWithCommands;
  const problems: string[] = [];
  const lists = t.bots?.[0]?.commandLists;
  if (!isDeepStrictEqual(lists, commandListsFor()))
    problems.push('bots[0].commandLists differ from BOT_COMMANDS in bot/command-list.ts');
  const declared = t.composeExtensions?.[0]?.commands ?? [];
  const expected = Object.values(MESSAGE_EXTENSION_COMMANDS);
  for (const command of expected) {
    const found = declared.find((c) => c.id === command.id);
    if (!found) problems.push(`composeExtensions[0] lacks the command "${command.id}"`);
    else if (found.title !== command.title)
      problems.push(
        `composeExtensions command "${command.id}" is titled "${String(found.title)}", not "${command.title}"`,
      );
  }
  for (const command of declared)
    if (!expected.some((e) => e.id === command.id))
      problems.push(`composeExtensions command "${String(command.id)}" is not in MESSAGE_EXTENSION_COMMANDS`);
  return problems;
}

/**
 * The template with its command lists regenerated and its message-extension titles set from
 * `bot/command-list.ts`. Commands missing from the template are not invented (their type, context and
 * parameters are the manifest's to choose), so {@link commandDrift} still reports those.
 */
export function withGeneratedCommands<T>(template: T): T {
  const copy = structuredClone(template) as TemplateWithCommands;
  const bot = copy.bots?.[0];
  if (!bot) throw new Error('The manifest template has no bot to list commands for');
  bot.commandLists = commandListsFor();
  for (const command of copy.composeExtensions?.[0]?.commands ?? []) {
    const known = Object.values(MESSAGE_EXTENSION_COMMANDS).find((c) => c.id === command.id);
    if (known) command.title = known.title;
  }
  return copy as T;
}
