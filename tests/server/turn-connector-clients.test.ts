import type { Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  type AuthenticateRequestResult,
  type ConnectorClient,
  type ConnectorFactory,
} from 'botframework-connector';
import { botAuthentication } from '../../server/bot-authentication';
import { loadConfig } from '../../server/config';
import { MAX_TURN_CONNECTOR_CLIENTS, TurnConnectorClients } from '../../server/turn-connector-clients';
import { PEOPLE, fromPerson, teamsActivity } from '../support/teams-activities';

const TEAMS_EMEA = 'https://smba.trafficmanager.net/emea/';
const TEAMS_AMER = 'https://smba.trafficmanager.net/amer/';

/** A turn's authentication as botbuilder makes it in local mode (no app id, so no token to check). */
async function authenticatedTurn(serviceUrl: string): Promise<AuthenticateRequestResult> {
  const activity = teamsActivity('personal-message', serviceUrl, fromPerson(PEOPLE.alex, true)) as Activity;
  return botAuthentication(loadConfig({})).authenticateRequest(activity, '');
}

/** The connector factory a turn replies through (botbuilder always makes one for an incoming turn). */
function factoryOf(turn: AuthenticateRequestResult): ConnectorFactory {
  if (!turn.connectorFactory) throw new Error('the turn has no connector factory');
  return turn.connectorFactory;
}

function baseUriOf(client: ConnectorClient): string | undefined {
  return (client as unknown as { baseUri?: string }).baseUri;
}

describe(TurnConnectorClients.name, () => {
  it('gives every turn to one service URL the same client, made by botbuilder for that URL', async () => {
    const clients = new TurnConnectorClients();
    const first = clients.reuseFor(await authenticatedTurn(TEAMS_EMEA));
    const second = clients.reuseFor(await authenticatedTurn(TEAMS_EMEA));

    const client = await factoryOf(first).create(TEAMS_EMEA, first.audience);

    expect(await factoryOf(second).create(TEAMS_EMEA, second.audience)).toBe(client);
    expect(baseUriOf(client)).toBe(TEAMS_EMEA);
  });

  it('keeps one client per service URL and per audience', async () => {
    const clients = new TurnConnectorClients();
    const turn = clients.reuseFor(await authenticatedTurn(TEAMS_EMEA));

    const emea = await factoryOf(turn).create(TEAMS_EMEA, turn.audience);
    const amer = await factoryOf(turn).create(TEAMS_AMER, turn.audience);
    const otherAudience = await factoryOf(turn).create(TEAMS_EMEA, 'api://another-audience');

    expect(amer).not.toBe(emea);
    expect(baseUriOf(amer)).toBe(TEAMS_AMER);
    expect(otherAudience).not.toBe(emea);
  });

  it('keeps the clients of different bot identities apart', async () => {
    const clients = new TurnConnectorClients();
    const auth = botAuthentication(loadConfig({}));
    const turnFor = (botAppId: string): AuthenticateRequestResult => {
      const claimsIdentity = new ClaimsIdentity([
        { type: AuthenticationConstants.AudienceClaim, value: botAppId },
      ]);
      return {
        claimsIdentity,
        connectorFactory: auth.createConnectorFactory(claimsIdentity),
      } as AuthenticateRequestResult;
    };

    const first = await factoryOf(clients.reuseFor(turnFor('app-one'))).create(TEAMS_EMEA);
    const second = await factoryOf(clients.reuseFor(turnFor('app-two'))).create(TEAMS_EMEA);

    expect(second).not.toBe(first);
    expect(await factoryOf(clients.reuseFor(turnFor('app-one'))).create(TEAMS_EMEA)).toBe(first);
  });

  it('leaves everything else about the turn as botbuilder made it', async () => {
    const made = await authenticatedTurn(TEAMS_EMEA);

    const reused = new TurnConnectorClients().reuseFor(made);

    expect(reused.claimsIdentity).toBe(made.claimsIdentity);
    expect(reused.audience).toBe(made.audience);
    expect(reused.callerId).toBe(made.callerId);
  });

  it('does not keep a client whose creation failed: the next turn makes one', async () => {
    const clients = new TurnConnectorClients();
    const made = await authenticatedTurn(TEAMS_EMEA);
    const outage = new Error('credentials could not be made');
    let failures = 1;
    const failingOnce: AuthenticateRequestResult = {
      ...made,
      connectorFactory: {
        create: (url, audience) =>
          failures-- > 0 ? Promise.reject(outage) : factoryOf(made).create(url, audience),
      },
    };

    await expect(factoryOf(clients.reuseFor(failingOnce)).create(TEAMS_EMEA)).rejects.toBe(outage);
    const client = await factoryOf(clients.reuseFor(failingOnce)).create(TEAMS_EMEA);

    expect(baseUriOf(client)).toBe(TEAMS_EMEA);
  });

  it(`keeps at most ${MAX_TURN_CONNECTOR_CLIENTS} clients, letting the oldest go first`, async () => {
    const clients = new TurnConnectorClients();
    const turn = clients.reuseFor(await authenticatedTurn(TEAMS_EMEA));
    const urlOf = (n: number) => `https://service-${n}.example.com/`;
    const oldest = await factoryOf(turn).create(urlOf(0));
    const newest = await factoryOf(turn).create(urlOf(1));
    for (let n = 2; n <= MAX_TURN_CONNECTOR_CLIENTS; n++) await factoryOf(turn).create(urlOf(n));

    expect(await factoryOf(turn).create(urlOf(1))).toBe(newest);
    expect(await factoryOf(turn).create(urlOf(0))).not.toBe(oldest);
  });
});
