import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { BOT_COMMANDS, MESSAGE_EXTENSION_COMMANDS } from '../../bot/command-list';
import { MANIFEST_TEMPLATE } from '../../scripts/app-package/app-package';
import { environmentNames, loadEnvironment } from '../../scripts/app-package/environment';
import { commandDrift } from '../../scripts/app-package/manifest-commands';
import { PLACEHOLDER_RULES } from '../../scripts/app-package/placeholder-rules';
import { placeholdersIn } from '../../scripts/app-package/placeholders';
import { ACCENT_COLOUR, drawColorIcon, drawOutlineIcon } from '../../scripts/icons/app-icons';
import { committedFilesCopy, ROOT } from './committed-package';

interface Template {
  accentColor: string;
  bots: { scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
  composeExtensions: {
    commands: {
      id: string;
      type: string;
      context?: string[];
      fetchTask?: boolean;
      semanticDescription?: string;
      samplePrompts?: { text: string }[];
      parameters?: { name: string; semanticDescription?: string }[];
    }[];
  }[];
  configurableTabs: { context: string[] }[];
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
}

const template = JSON.parse(readFileSync(join(ROOT, MANIFEST_TEMPLATE), 'utf8')) as Template;

describe('the manifest template', () => {
  let committed: string;
  beforeAll(() => (committed = committedFilesCopy()));
  afterAll(() => rmSync(committed, { recursive: true, force: true }));

  // Compared with BOT_COMMANDS, the bot's command list; once the bot exports its handler table, this compares
  // with that table instead, so a command cannot be offered without a handler.
  it('offers every bot command in every scope it is declared for, and nothing else', () => {
    for (const scope of ['personal', 'team', 'groupChat']) {
      const offered = template.bots[0]!.commandLists.filter((l) => l.scopes.includes(scope)).flatMap((l) =>
        l.commands.map((c) => c.title),
      );
      const declared = BOT_COMMANDS.filter((c) => (c.scopes as readonly string[]).includes(scope)).map(
        (c) => c.title,
      );
      expect({ scope, offered: [...offered].sort() }).toEqual({ scope, offered: [...declared].sort() });
    }
    expect(commandDrift(template)).toEqual([]);
  });

  // Graph application permissions (User.Read.All, Calendars.ReadWrite, TeamsAppInstallation.ReadWriteSelfForUser.All)
  // are granted in Entra by an administrator; the manifest may only ask for resource-specific ones, whose names
  // end in the scope they are granted for (README, "Deploy", step 8).
  it('asks only for resource-specific permissions, never for a Graph application permission', () => {
    for (const { name } of template.authorization.permissions.resourceSpecific)
      expect(name).toMatch(/^[A-Za-z]+(\.[A-Za-z]+)*\.(Chat|Group|Team|User)$/);
  });

  it('declares the two message-extension commands the bot handles, as the product needs them', () => {
    const commands = template.composeExtensions[0]!.commands;
    expect(commands.map((c) => c.id).sort()).toEqual(Object.keys(MESSAGE_EXTENSION_COMMANDS).sort());
    const logAsMeeting = commands.find((c) => c.id === MESSAGE_EXTENSION_COMMANDS.logAsPartnerMeeting.id)!;
    expect(logAsMeeting).toMatchObject({ type: 'action', context: ['message'], fetchTask: true });
    const search = commands.find((c) => c.id === MESSAGE_EXTENSION_COMMANDS.searchPartnerRecords.id)!;
    expect(search.type).toBe('query');
  });

  it('describes the search for Microsoft 365 Copilot, under the bot’s parameter name', () => {
    const search = template.composeExtensions[0]!.commands.find(
      (c) => c.id === MESSAGE_EXTENSION_COMMANDS.searchPartnerRecords.id,
    )!;
    expect(search.parameters?.map((p) => p.name)).toEqual([
      MESSAGE_EXTENSION_COMMANDS.searchPartnerRecords.parameter,
    ]);
    expect(search.semanticDescription).toMatch(/conflict-priority agreements/);
    expect(search.parameters?.[0]?.semanticDescription).toMatch(/question/);
    expect(search.samplePrompts?.length).toBeGreaterThanOrEqual(1);
    expect(search.samplePrompts?.length).toBeLessThanOrEqual(5);
  });

  it('offers the board in meetings: chat, details, side panel and stage', () => {
    expect(template.configurableTabs[0]!.context).toEqual(
      expect.arrayContaining(['meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage']),
    );
  });

  it('uses only placeholders that have a rule, and every rule is used', () => {
    expect(placeholdersIn(template)).toEqual(Object.keys(PLACEHOLDER_RULES).sort());
  });

  it.each(environmentNames(ROOT))(
    'finds each placeholder in the committed env/.env.%s, with a value unless provisioning fills it in',
    (name) => {
      const env = loadEnvironment(committed, name);
      for (const placeholder of placeholdersIn(template)) {
        const value = env.values.get(placeholder);
        expect({ placeholder, declared: value !== undefined }).toEqual({ placeholder, declared: true });
        if (value === '')
          expect({ placeholder, filledLater: !!PLACEHOLDER_RULES[placeholder]!.later }).toEqual({
            placeholder,
            filledLater: true,
          });
      }
    },
  );

  it('uses the accent colour that the colour icon is drawn on', () => {
    expect(template.accentColor).toBe(ACCENT_COLOUR);
    const icon = PNG.sync.read(readFileSync(join(ROOT, 'manifest', 'color.png')));
    const [r, g, b] = icon.data;
    expect(`#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`.toUpperCase()).toBe(
      ACCENT_COLOUR,
    );
  });

  it('ships the icons that `npm run icons` draws', () => {
    const pixels = (png: Buffer) => PNG.sync.read(png).data;
    expect(pixels(readFileSync(join(ROOT, 'manifest', 'color.png'))).equals(pixels(drawColorIcon()))).toBe(
      true,
    );
    expect(
      pixels(readFileSync(join(ROOT, 'manifest', 'outline.png'))).equals(pixels(drawOutlineIcon())),
    ).toBe(true);
  });
});
