import { BOT_COMMANDS, MESSAGE_EXTENSION_COMMANDS } from '../../../bot/command-list';
import {
  commandDrift,
  commandListsFor,
  withGeneratedCommands,
} from '../../../scripts/app-package/manifest-commands';

/** A template as manifest:sync leaves it: generated command lists and both message-extension commands. */
function aSyncedTemplate() {
  return withGeneratedCommands({
    bots: [{ botId: '${{BOT_ID}}', commandLists: [] as unknown[] }],
    composeExtensions: [
      {
        commands: [
          { id: 'logAsPartnerMeeting', type: 'action', title: 'old title' },
          { id: 'searchPartnerRecords', type: 'query', title: 'old title' },
        ],
      },
    ],
  });
}

describe(commandListsFor.name, () => {
  it('makes one list per scope holding the commands offered there, in order', () => {
    const lists = commandListsFor([
      { title: 'help', description: 'Help', scopes: ['personal', 'team', 'groupChat'] },
      { title: 'my actions', description: 'Mine', scopes: ['personal'] },
    ]);
    expect(lists).toEqual([
      {
        scopes: ['personal'],
        commands: [
          { title: 'help', description: 'Help' },
          { title: 'my actions', description: 'Mine' },
        ],
      },
      { scopes: ['team'], commands: [{ title: 'help', description: 'Help' }] },
      { scopes: ['groupChat'], commands: [{ title: 'help', description: 'Help' }] },
    ]);
  });

  it('refuses more commands in a scope than Teams shows', () => {
    const many = Array.from({ length: 13 }, (_, i) => ({
      title: `c${i}`,
      description: 'd',
      scopes: ['personal' as const],
    }));
    expect(() => commandListsFor(many)).toThrow('Teams allows 12 commands per scope; personal has 13');
  });

  it('refuses a title Teams would cut', () => {
    expect(() =>
      commandListsFor([{ title: 'x'.repeat(33), description: 'd', scopes: ['personal'] }]),
    ).toThrow(/longer than Teams shows/);
  });

  it('lists every command of the bot', () => {
    const listed = new Set(commandListsFor().flatMap((l) => l.commands.map((c) => c.title)));
    expect([...listed].sort()).toEqual(BOT_COMMANDS.map((c) => c.title).sort());
  });
});

describe(commandDrift.name, () => {
  it('finds nothing once the template is synced', () => {
    const synced = aSyncedTemplate();
    expect(commandDrift(synced)).toEqual([]);
    expect(synced.composeExtensions[0]!.commands[0]!.title).toBe(
      MESSAGE_EXTENSION_COMMANDS.logAsPartnerMeeting.title,
    );
  });

  it('reports a changed command list, a retitled, a missing and an unknown message-extension command', () => {
    const template = aSyncedTemplate();
    template.bots[0]!.commandLists = [];
    const commands = template.composeExtensions[0]!.commands;
    commands[0]!.title = 'Log it';
    commands[1]!.id = 'somethingElse';
    expect(commandDrift(template)).toEqual([
      'bots[0].commandLists differ from BOT_COMMANDS in bot/command-list.ts',
      'composeExtensions command "logAsPartnerMeeting" is titled "Log it", not "Log as partner meeting"',
      'composeExtensions[0] lacks the command "searchPartnerRecords"',
      'composeExtensions command "somethingElse" is not in MESSAGE_EXTENSION_COMMANDS',
    ]);
  });
});
