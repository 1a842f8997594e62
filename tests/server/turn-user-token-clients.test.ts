import type { Activity, TurnContext } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, type UserTokenClient } from 'botframework-connector';
import { createBotAdapter } from '../../server/bot-adapter';
import { botAuthentication } from '../../server/bot-authentication';
import { loadConfig } from '../../server/config';
import { silentLogger } from '../../adapters/logging/json-logger';
import { PEOPLE, fromPerson, teamsActivity } from '../support/teams-activities';

const TEAMS_EMEA = 'https://smba.trafficmanager.net/emea/';

function claimsFor(botAppId: string): ClaimsIdentity {
  return new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: botAppId }]);
}

function appIdOf(client: UserTokenClient): string | undefined {
  return (client as unknown as { appId?: string }).appId;
}

describe('botAuthentication: user token clients', () => {
  it('gives every turn of one bot identity the same client, made by botbuilder for that identity', async () => {
    const auth = botAuthentication(loadConfig({}));

    const first = await auth.createUserTokenClient(claimsFor('app-one'));
    const second = await auth.createUserTokenClient(claimsFor('app-one'));

    expect(second).toBe(first);
    expect(appIdOf(first)).toBe('app-one');
  });

  it('keeps the clients of different bot identities apart', async () => {
    const auth = botAuthentication(loadConfig({}));

    const one = await auth.createUserTokenClient(claimsFor('app-one'));
    const two = await auth.createUserTokenClient(claimsFor('app-two'));

    expect(two).not.toBe(one);
    expect(appIdOf(two)).toBe('app-two');
  });

  it('hands the shared client to every turn the bot adapter runs', async () => {
    const adapter = createBotAdapter(loadConfig({}), silentLogger);
    const clientOfTurn = async (): Promise<unknown> => {
      const activity = teamsActivity(
        'personal-message',
        TEAMS_EMEA,
        fromPerson(PEOPLE.alex, true),
      ) as Activity;
      const authenticated = await adapter.authentication.authenticateRequest(activity, '');
      let client: unknown;
      await adapter.run(authenticated, activity, async (context: TurnContext) => {
        client = context.turnState.get(adapter.UserTokenClientKey);
      });
      return client;
    };

    const first = await clientOfTurn();

    expect(first).toBeDefined();
    expect(await clientOfTurn()).toBe(first);
  });
});
