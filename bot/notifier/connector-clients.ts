import {
  AuthenticationConstants,
  ClaimsIdentity,
  type BotFrameworkAuthentication,
  type ConnectorClient,
  type ConnectorFactory,
} from 'botframework-connector';

/**
 * Bot Connector clients for proactive sends, one per service URL, made once with the bot's credentials (which
 * fetch and refresh their own tokens). A proactive turn through the adapter builds a new client and pipeline
 * for every message: bench/reminders measured that as most of a send's cost.
 *
 * The clients' own retry policy is taken out: it waits out `Retry-After` inside the send (three times by
 * default), while reminders are retried by the dispatcher, so a long wait never holds a sender and every
 * attempt is logged.
 */
export class ConnectorClients {
  private readonly factory: ConnectorFactory;
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(auth: BotFrameworkAuthentication, botAppId: string) {
    // The identity a proactive turn has: the bot itself, as CloudAdapter's continueConversationAsync makes it.
    const bot = new ClaimsIdentity([
      { type: AuthenticationConstants.AudienceClaim, value: botAppId },
      { type: AuthenticationConstants.AppIdClaim, value: botAppId },
    ]);
    this.factory = auth.createConnectorFactory(bot);
  }

  /** The client for a service URL. */
  for(serviceUrl: string): Promise<ConnectorClient> {
    let client = this.clients.get(serviceUrl);
    if (!client) {
      client = this.factory.create(serviceUrl, undefined).then((made) => {
        withoutRetries(made);
        return made;
      });
      // A failed creation is not kept: the next send tries again.
      client.catch(() => this.clients.delete(serviceUrl));
      this.clients.set(serviceUrl, client);
    }
    return client;
  }
}

/** Takes the retry policy out of the client's HTTP pipeline (the compat client keeps it on `client.pipeline`). */
function withoutRetries(client: ConnectorClient): void {
  const inner = (
    client as unknown as { client?: { pipeline?: { removePolicy(o: { name: string }): unknown } } }
  ).client;
  inner?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}
