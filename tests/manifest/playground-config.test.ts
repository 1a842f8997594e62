import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PLAYGROUND_CONFIG } from '../../scripts/playground/start-agents-playground';
import { PLAYGROUND_IDENTITY } from '../../tab/api/local-identity';
import { ROOT } from './committed-package';

interface User {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
}
interface PlaygroundConfig {
  tenantId: string;
  bot: { name: string };
  currentUser: User;
  users: User[];
  team: { name: string; channels: { name: string }[] };
}

const config = parse(readFileSync(join(ROOT, PLAYGROUND_CONFIG), 'utf8')) as PlaygroundConfig;

describe('the Agents Playground tenant', () => {
  it("chats as local mode's identity, so what is logged in the Playground shows in the tab", () => {
    expect(config.tenantId).toBe(PLAYGROUND_IDENTITY.tenantId);
    expect(config.currentUser).toMatchObject({
      aadObjectId: PLAYGROUND_IDENTITY.user.aadObjectId,
      name: PLAYGROUND_IDENTITY.user.displayName,
      email: PLAYGROUND_IDENTITY.user.email,
    });
  });

  it('has five colleagues with distinct ids, a team with a channel of its own, and the bot named as in Teams', () => {
    expect(config.users).toHaveLength(5);
    const ids = [config.currentUser, ...config.users].flatMap((u) => [u.id, u.aadObjectId]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(config.team.channels.map((c) => c.name)).toEqual(['Supplier check-ins']);
    expect(config.bot.name).toBe('Partner CRM');
  });
});
