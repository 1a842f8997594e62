import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type AuthenticationProvider,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';

/** Where Graph is and how hard to retry it. */
export interface GraphClientOptions {
  /** `https://graph.microsoft.com/v1.0`, or a loopback stand-in in tests. */
  readonly baseUrl: string;
  readonly auth: AuthenticationProvider;
  /** Retries of a throttled (429) or unavailable (503, 504) request; each waits its `Retry-After`. */
  readonly maxRetries?: number;
}

/**
 * Puts the app's token on every request. The client's own AuthenticationHandler does so only for https
 * addresses of known hosts; this client only ever talks to the one Graph address it was made for.
 */
class AppTokenHandler implements Middleware {
  private next?: Middleware;

  constructor(private readonly auth: AuthenticationProvider) {}

  async execute(context: Context): Promise<void> {
    const headers = new Headers(context.options?.headers as Record<string, string> | undefined);
    headers.set('Authorization', `Bearer ${await this.auth.getAccessToken()}`);
    context.options = { ...context.options, headers: Object.fromEntries(headers) };
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * A Graph client on @microsoft/microsoft-graph-client with its middleware chosen: the app's token, then the
 * client's retry handler (429, 503 and 504, honouring `Retry-After`, for POST too: writes that create things
 * carry an idempotency key of ours so a retried POST cannot create twice), then fetch.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const auth = new AppTokenHandler(options.auth);
  const retry = new RetryHandler(new RetryHandlerOptions(1, options.maxRetries ?? 3));
  auth.setNext(retry);
  retry.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({
    middleware: auth,
    baseUrl: options.baseUrl.replace(/\/v1\.0\/?$|\/+$/, ''),
    defaultVersion: 'v1.0',
  });
}
