import {
  type AuthenticateRequestResult,
  type ConnectorClient,
  type ConnectorFactory,
} from 'botframework-connector';
import { botAppIdOf } from './bot-authentication';
import { KeptClients } from './kept-clients';

/** Most clients kept: one per bot identity, service URL (a Teams region) and audience, so a handful in use. */
export const MAX_TURN_CONNECTOR_CLIENTS = 64;

/**
 * The Bot Connector clients incoming turns reply through, made once per bot identity, service URL and audience
 * and then shared by every turn. botbuilder makes a new client for each turn: credentials, an HTTP pipeline of
 * a dozen policies and a URL sanitizer, about 5% of a meeting submit's server time (bot-turn benchmark
 * profile), although the turn may send nothing. A client holds no state of its own turn; its credentials fetch
 * and refresh their token for whoever uses them.
 */
export class TurnConnectorClients {
  private readonly clients = new KeptClients<ConnectorClient>(MAX_TURN_CONNECTOR_CLIENTS);

  /** The request's result, with a connector factory that hands out the shared clients. */
  reuseFor(authenticated: AuthenticateRequestResult): AuthenticateRequestResult {
    const made = authenticated.connectorFactory;
    if (!made) return authenticated;
    const botAppId = botAppIdOf(authenticated.claimsIdentity);
    const shared: ConnectorFactory = {
      create: (serviceUrl, audience) =>
        this.clients.get(JSON.stringify([botAppId, serviceUrl, audience ?? null]), () =>
          made.create(serviceUrl, audience),
        ),
    };
    return { ...authenticated, connectorFactory: shared };
  }
}
