import {
  AuthenticationConstants,
  type AuthenticateRequestResult,
  type ConnectorClient,
  type ConnectorFactory,
} from 'botframework-connector';

/** Most clients kept: one per bot identity, service URL (a Teams region) and audience, so a handful in use. */
export const MAX_TURN_CONNECTOR_CLIENTS = 64;

/**
 * The Bot Connector clients incoming turns reply through, made once per bot identity, service URL and audience
 * and then shared by every turn. botbuilder makes a new client for each turn: credentials, an HTTP pipeline of
 * a dozen policies and a URL sanitizer, about 5% of a meeting submit's server time (bot-turn benchmark
 * profile), although the turn may send nothing. A client holds no state of its own turn; its credentials fetch
 * and refresh their token for whoever uses them.
 *
 * A client whose creation failed is not kept: the next turn tries again.
 */
export class TurnConnectorClients {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  /** The request's result, with a connector factory that hands out the shared clients. */
  reuseFor(authenticated: AuthenticateRequestResult): AuthenticateRequestResult {
    const made = authenticated.connectorFactory;
    if (!made) return authenticated;
    // The bot identity botbuilder made the factory for: the token's audience, else its app id (the emulator's).
    const claims = authenticated.claimsIdentity;
    const botAppId =
      claims.getClaimValue(AuthenticationConstants.AudienceClaim) ??
      claims.getClaimValue(AuthenticationConstants.AppIdClaim);
    const shared: ConnectorFactory = {
      create: (serviceUrl, audience) =>
        this.client(JSON.stringify([botAppId, serviceUrl, audience ?? null]), () =>
          made.create(serviceUrl, audience),
        ),
    };
    return { ...authenticated, connectorFactory: shared };
  }

  private client(key: string, make: () => Promise<ConnectorClient>): Promise<ConnectorClient> {
    const kept = this.clients.get(key);
    if (kept) return kept;
    // Local mode accepts any service URL: the oldest client makes room rather than the map growing.
    if (this.clients.size >= MAX_TURN_CONNECTOR_CLIENTS)
      this.clients.delete(this.clients.keys().next().value!);
    const client = make();
    this.clients.set(key, client);
    client.catch(() => {
      if (this.clients.get(key) === client) this.clients.delete(key);
    });
    return client;
  }
}
