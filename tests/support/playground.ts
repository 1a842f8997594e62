import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { clockEnvironment } from '../../testkit/clock-environment';
import { freePort } from '../../scripts/playground/start-agents-playground';

/** The Playground's tenant, as its default configuration has it. */
export const PLAYGROUND_TENANT = '00000000-0000-0000-0000-0000000000001';

/** A user of the Playground's mock tenant. */
export interface PlaygroundUser {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
  readonly mailNickname: string;
}

/** The mock tenant's people (the Playground wants at least five besides the current user). */
export const PLAYGROUND_USERS: readonly PlaygroundUser[] = [
  ['Alex Wilber', 'alexw'],
  ['Megan Bowen', 'meganb'],
  ['Adele Vance', 'adelev'],
  ['Isaiah Langer', 'isaiahl'],
  ['Patti Fernandez', 'pattif'],
  ['Lynne Robbins', 'lynner'],
].map(([name, mailNickname], i) => ({
  id: `user-id-${i}`,
  name: name!,
  mailNickname: mailNickname!,
  aadObjectId: `00000000-0000-0000-0000-00000000000${20 + i}`,
}));

/** The group chat every Playground instance of a test shares, so two users meet in one conversation. */
export const PLAYGROUND_GROUP_CHAT = { id: '19:partner-crm-e2e-group@thread.v2', name: 'Partner team' };

/** A running Microsoft 365 Agents Playground. */
export interface Playground {
  readonly url: string;
  readonly logs: string[];
  stop(): Promise<void>;
}

function userYaml(u: PlaygroundUser, indent: string): string {
  const [given, surname] = u.name.split(' ');
  return [
    `id: ${u.id}`,
    `name: ${u.name}`,
    `userPrincipleName: ${u.mailNickname}@example.com`,
    `aadObjectId: ${u.aadObjectId}`,
    `givenName: ${given}`,
    `surname: ${surname}`,
    `email: ${u.mailNickname}@example.com`,
  ]
    .map((line, i) => (i === 0 ? line : `${indent}${line}`))
    .join('\n');
}

/** The Playground's configuration file for one current user; everyone shares the group chat. */
export function playgroundConfig(me: PlaygroundUser): string {
  const others = PLAYGROUND_USERS.filter((u) => u.id !== me.id);
  return [
    'version: "0.1.1"',
    `tenantId: ${PLAYGROUND_TENANT}`,
    'bot:',
    '  id: 00000000-0000-0000-0000-00000000000011',
    '  name: Partner CRM',
    'currentUser:',
    `  ${userYaml(me, '  ')}`,
    'users:',
    ...others.map((u) => `  - ${userYaml(u, '    ')}`),
    'personalChat:',
    `  id: personal-chat-${me.mailNickname}`,
    'groupChat:',
    `  id: ${PLAYGROUND_GROUP_CHAT.id}`,
    `  name: ${PLAYGROUND_GROUP_CHAT.name}`,
    'team:',
    '  id: 19:partner-crm-e2e-team@thread.tacv2',
    '  name: Customer Service',
    '  aadGroupId: 00000000-0000-0000-0000-000000000031',
    '  channels:',
    '    - id: 19:partner-crm-e2e-general@thread.tacv2',
    '      name: General',
    '',
  ].join('\n');
}

/**
 * Starts the Playground CLI as `me`, pointed at a bot endpoint: telemetry off, no browser opened, its config
 * and log in a temporary folder. Resolves once it listens.
 */
export async function startPlayground(botEndpoint: string, me: PlaygroundUser): Promise<Playground> {
  const dir = mkdtempSync(join(tmpdir(), 'playground-'));
  const config = join(dir, '.m365agentsplayground.yml');
  writeFileSync(config, playgroundConfig(me));
  const port = await freePort();
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      cli,
      '--app-endpoint',
      botEndpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(port),
      '--disable-telemetry',
    ],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        ...clockEnvironment(),
        HOME: dir,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: config,
        M365_AGENTS_PLAYGROUND_LOGFILE: join(dir, 'playground.log'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: string[] = [];
  child.stderr!.on('data', (d) => logs.push(String(d)));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Playground did not start: ${logs.join('')}`)), 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      logs.push(line);
      const listening = /Listening on (\d+)/.exec(line);
      if (listening) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${listening[1]}/`);
      }
    });
    void exited.then(() => reject(new Error(`Playground exited: ${logs.join('\n')}`)));
  });
  return {
    url,
    logs,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
